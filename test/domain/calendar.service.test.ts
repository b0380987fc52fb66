import { describe, expect, it } from 'vitest';
import { AvailabilityBlock, Occupancy } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { DatesTaken } from '../../src/domain/errors.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';
import { makeBooking } from '../support/listings.fixtures.ts';

describe('calendar service', () => {
  const suite = useTestDatabase();

  const em = suite.fork;
  const calendar = () => suite.db.domain.calendar;

  /** A realtor with a fresh agency, one published listing and a guest to book it. */
  async function setup() {
    const { user: realtor, actor } = await makeUser(em(), 'realtor');
    const { user: guest } = await makeUser(em(), 'guest');
    const listing = await makeListing(em(), realtor);
    return { realtor, actor, guest, listing };
  }

  const blockCount = (listingId: number) => em().count(AvailabilityBlock, { listing: listingId });

  describe('month', () => {
    it('marks every day free, booked (live or completed) or blocked', async () => {
      const { actor, guest, listing } = await setup();
      const pending = await makeBooking(em(), {
        listing,
        guest,
        checkIn: '2026-12-03',
        checkOut: '2026-12-05',
        status: 'pending',
      });
      const confirmed = await makeBooking(em(), {
        listing,
        guest,
        checkIn: '2026-12-05',
        checkOut: '2026-12-06',
      });
      const completed = await makeBooking(em(), {
        listing,
        guest,
        checkIn: '2026-11-29',
        checkOut: '2026-12-02',
        status: 'completed',
      });
      await makeBooking(em(), {
        listing,
        guest,
        checkIn: '2026-12-20',
        checkOut: '2026-12-22',
        status: 'cancelled',
      });
      const block = await calendar().addBlock(em(), actor, {
        listingId: listing.id,
        startsOn: '2026-12-30',
        endsOn: '2027-01-03',
      });

      const december = await calendar().month(em(), actor, { listingId: listing.id, month: '2026-12' });
      expect(december.days).toHaveLength(31);
      const state = (date: string) => december.days.find((day) => day.date === date);
      expect(state('2026-12-01')).toEqual({ date: '2026-12-01', state: 'booked', bookingId: completed.id });
      expect(state('2026-12-02')).toEqual({ date: '2026-12-02', state: 'free' });
      expect(state('2026-12-03')).toMatchObject({ state: 'booked', bookingId: pending.id });
      expect(state('2026-12-04')).toMatchObject({ state: 'booked', bookingId: pending.id });
      expect(state('2026-12-05')).toMatchObject({ state: 'booked', bookingId: confirmed.id });
      expect(state('2026-12-06')).toMatchObject({ state: 'free' });
      expect(state('2026-12-20')).toMatchObject({ state: 'free' });
      expect(state('2026-12-31')).toEqual({ date: '2026-12-31', state: 'blocked', blockId: block.id });
      expect(december.days.filter((day) => day.state !== 'free')).toHaveLength(6);

      const january = await calendar().month(em(), actor, { listingId: listing.id, month: '2027-01' });
      expect(january.days.slice(0, 3).map((day) => day.state)).toEqual(['blocked', 'blocked', 'free']);
      const february = await calendar().month(em(), actor, { listingId: listing.id, month: '2027-02' });
      expect(february.days.map((day) => day.date).at(-1)).toBe('2027-02-28');
    });

    it("shows the calendar to the owner, their agency's Super Admin and a Superuser only", async () => {
      const { realtor, actor, listing } = await setup();
      const { actor: admin } = await makeUser(em(), 'super_admin', { agency: realtor.agency! });
      const { actor: otherAdmin } = await makeUser(em(), 'super_admin');
      const { actor: superuser } = await makeUser(em(), 'superuser');
      const { actor: otherRealtor } = await makeUser(em(), 'realtor', { agency: realtor.agency! });
      const { actor: guest } = await makeUser(em(), 'guest');
      const input = { listingId: listing.id, month: '2026-12' };
      for (const viewer of [actor, admin, superuser]) {
        expect((await calendar().month(em(), viewer, input)).days).toHaveLength(31);
      }
      for (const stranger of [otherAdmin, otherRealtor, guest]) {
        await expect(calendar().month(em(), stranger, input)).rejects.toMatchObject({ code: 'not_found' });
      }
      await expect(calendar().month(em(), null, input)).rejects.toMatchObject({ code: 'account_required' });
      await expect(calendar().month(em(), { ...actor, status: 'blocked' }, input)).rejects.toMatchObject({
        code: 'account_blocked',
      });
    });

    it.each(['2026-13', '2026-1', 'декабрь', '2026-12-01'])('refuses the month %s', async (month) => {
      const { actor, listing } = await setup();
      await expect(calendar().month(em(), actor, { listingId: listing.id, month })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });

  describe('addBlock', () => {
    it('blocks the dates and takes them in occupancy, with a tidy note', async () => {
      const { actor, listing } = await setup();
      const block = await calendar().addBlock(em(), actor, {
        listingId: listing.id,
        startsOn: '2026-12-10',
        endsOn: '2026-12-15',
        note: '  Ремонт  ',
      });
      expect(block).toMatchObject({
        listingId: listing.id,
        startsOn: '2026-12-10',
        endsOn: '2026-12-15',
        note: 'Ремонт',
      });
      const occupancy = await em().findOneOrFail(Occupancy, { block: block.id });
      expect(occupancy).toMatchObject({ startsOn: '2026-12-10', endsOn: '2026-12-15', booking: null });
      expect(await calendar().blocks(em(), actor, { listingId: listing.id })).toEqual([block]);
    });

    it('accepts a block that began in the past but ends in the future, and one of exactly 365 days', async () => {
      const { actor, listing } = await setup();
      const started = await calendar().addBlock(em(), actor, {
        listingId: listing.id,
        startsOn: '2026-11-25',
        endsOn: '2026-12-02',
        note: '',
      });
      expect(started.note).toBeNull();
      const year = await calendar().addBlock(em(), actor, {
        listingId: listing.id,
        startsOn: '2027-01-01',
        endsOn: '2028-01-01',
      });
      expect(year.endsOn).toBe('2028-01-01');
    });

    it('names the live booking a block would overlap, and writes nothing', async () => {
      const { actor, guest, listing } = await setup();
      const booking = await makeBooking(em(), {
        listing,
        guest,
        checkIn: '2026-12-10',
        checkOut: '2026-12-13',
      });
      const error = await calendar()
        .addBlock(em(), actor, { listingId: listing.id, startsOn: '2026-12-12', endsOn: '2026-12-20' })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'dates_taken', conflictingBookingId: booking.id });
      expect(await blockCount(listing.id)).toBe(0);
      expect(await em().count(Occupancy, { listing: listing.id })).toBe(1);
    });

    it('refuses to overlap another block with DatesTaken(null)', async () => {
      const { actor, listing } = await setup();
      await calendar().addBlock(em(), actor, {
        listingId: listing.id,
        startsOn: '2026-12-10',
        endsOn: '2026-12-15',
      });
      const error = (await calendar()
        .addBlock(em(), actor, { listingId: listing.id, startsOn: '2026-12-01', endsOn: '2026-12-11' })
        .catch((caught: unknown) => caught)) as DatesTaken;
      expect(error).toMatchObject({ code: 'dates_taken', conflictingBookingId: null });
      expect(await blockCount(listing.id)).toBe(1);
    });

    it('allows a block to start on a check-out day and end on a check-in day', async () => {
      const { actor, guest, listing } = await setup();
      await makeBooking(em(), { listing, guest, checkIn: '2026-12-05', checkOut: '2026-12-08' });
      await makeBooking(em(), {
        listing,
        guest,
        checkIn: '2026-12-12',
        checkOut: '2026-12-14',
        status: 'pending',
      });
      const block = await calendar().addBlock(em(), actor, {
        listingId: listing.id,
        startsOn: '2026-12-08',
        endsOn: '2026-12-12',
      });
      expect(block.startsOn).toBe('2026-12-08');
    });

    it('ignores cancelled bookings', async () => {
      const { actor, guest, listing } = await setup();
      await makeBooking(em(), {
        listing,
        guest,
        checkIn: '2026-12-05',
        checkOut: '2026-12-08',
        status: 'cancelled',
      });
      const block = await calendar().addBlock(em(), actor, {
        listingId: listing.id,
        startsOn: '2026-12-05',
        endsOn: '2026-12-08',
      });
      expect(block.id).toBeGreaterThan(0);
    });

    it.each([
      ['endsOn', { startsOn: '2026-12-10', endsOn: '2026-12-10' }],
      ['endsOn', { startsOn: '2026-12-10', endsOn: '2026-12-09' }],
      ['endsOn', { startsOn: '2027-01-01', endsOn: '2028-01-02' }],
      ['endsOn', { startsOn: '2026-11-20', endsOn: '2026-12-01' }],
      ['startsOn', { startsOn: '2026-02-30', endsOn: '2026-12-10' }],
      ['note', { startsOn: '2026-12-10', endsOn: '2026-12-11', note: 'x'.repeat(201) }],
    ])('refuses a bad %s with validation_failed', async (field, dates) => {
      const { actor, listing } = await setup();
      const error = await calendar()
        .addBlock(em(), actor, { listingId: listing.id, ...dates })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect((error as { issues: { field: string }[] }).issues[0]?.field).toBe(field);
      expect(await blockCount(listing.id)).toBe(0);
    });

    it('lets only the owner block dates', async () => {
      const { realtor, listing } = await setup();
      const { actor: other } = await makeUser(em(), 'realtor', { agency: realtor.agency! });
      const { actor: admin } = await makeUser(em(), 'super_admin', { agency: realtor.agency! });
      const { actor: guest } = await makeUser(em(), 'guest');
      const input = { listingId: listing.id, startsOn: '2026-12-10', endsOn: '2026-12-11' };
      await expect(calendar().addBlock(em(), other, input)).rejects.toMatchObject({ code: 'not_found' });
      await expect(calendar().addBlock(em(), admin, input)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(calendar().addBlock(em(), guest, input)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(calendar().addBlock(em(), null, input)).rejects.toMatchObject({
        code: 'account_required',
      });
      expect(await blockCount(listing.id)).toBe(0);
    });
  });

  describe('removeBlock', () => {
    it('frees the dates again, for the owner only', async () => {
      const { realtor, actor, listing } = await setup();
      const { actor: other } = await makeUser(em(), 'realtor', { agency: realtor.agency! });
      const input = { listingId: listing.id, startsOn: '2026-12-10', endsOn: '2026-12-15' };
      const block = await calendar().addBlock(em(), actor, input);
      await expect(calendar().removeBlock(em(), other, { blockId: block.id })).rejects.toMatchObject({
        code: 'not_found',
      });
      expect(await blockCount(listing.id)).toBe(1);

      await calendar().removeBlock(em(), actor, { blockId: block.id });
      expect(await blockCount(listing.id)).toBe(0);
      expect(await em().count(Occupancy, { listing: listing.id })).toBe(0);
      await expect(calendar().removeBlock(em(), actor, { blockId: block.id })).rejects.toMatchObject({
        code: 'not_found',
      });
      // The days are free: the same block fits again.
      await expect(calendar().addBlock(em(), actor, input)).resolves.toMatchObject({
        startsOn: '2026-12-10',
      });
    });
  });

  describe('blocks', () => {
    it('lists the blocks that have not ended, soonest first, to those who may see the calendar', async () => {
      const { realtor, actor, listing } = await setup();
      const fixtures = em();
      fixtures.create(AvailabilityBlock, {
        listing: listing.id,
        startsOn: '2026-11-01',
        endsOn: '2026-11-05',
        note: null,
        createdBy: realtor.id,
      });
      await fixtures.flush();
      const later = await calendar().addBlock(em(), actor, {
        listingId: listing.id,
        startsOn: '2027-02-01',
        endsOn: '2027-02-03',
      });
      const sooner = await calendar().addBlock(em(), actor, {
        listingId: listing.id,
        startsOn: '2026-12-01',
        endsOn: '2026-12-03',
      });
      expect((await calendar().blocks(em(), actor, { listingId: listing.id })).map((b) => b.id)).toEqual([
        sooner.id,
        later.id,
      ]);
      const { actor: superuser } = await makeUser(em(), 'superuser');
      expect(await calendar().blocks(em(), superuser, { listingId: listing.id })).toHaveLength(2);
      const foreign: Actor = (await makeUser(em(), 'super_admin', { agency: await makeAgency(em()) })).actor;
      await expect(calendar().blocks(em(), foreign, { listingId: listing.id })).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
});
