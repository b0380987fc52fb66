import { afterEach, describe, expect, it } from 'vitest';
import { Booking, Notification, User } from '../../src/db/entities/index.ts';
import { addDays } from '../../src/domain/dates.ts';
import { expectRefusal } from '../support/assertions.ts';
import {
  bookingRowCounts,
  FIRST_DAY,
  makeBlock,
  makeBooking,
  notificationKinds,
  occupancyOf,
  setToday,
} from '../support/bookings.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';

describe('bookings service', () => {
  const suite = useTestDatabase();
  const fork = suite.fork;
  const bookings = () => suite.db.domain.bookings;
  const day = (offset: number) => addDays(FIRST_DAY, offset);

  afterEach(() => {
    setToday(suite.db.clock, FIRST_DAY);
  });

  /** A realtor with their own agency and a published listing (15 000 ₸ a night, up to 4 guests). */
  async function world() {
    const realtor = await makeUser(fork(), 'realtor');
    const listing = await makeListing(fork(), realtor.user, { pricePerNight: 15_000, maxGuests: 4 });
    const guest = await makeUser(fork(), 'guest', { fullName: 'Айгерим Сапарова' });
    return { realtor, listing, guest };
  }

  /** The call is refused with `code` and no row of any booking table changed. */
  const expectRefused = (call: () => Promise<unknown>, code: string) =>
    expectRefusal(fork(), call, { code }, bookingRowCounts);

  describe('create', () => {
    it('books a visible listing: pending, priced per night, holding its dates, realtor notified', async () => {
      const { realtor, listing, guest } = await world();
      const booking = await bookings().create(fork(), guest.actor, {
        listingId: listing.id,
        checkIn: day(3),
        checkOut: day(6),
        guests: 2,
      });
      expect(booking).toMatchObject({
        listingId: listing.id,
        listingTitle: listing.title,
        city: 'Алматы',
        checkIn: day(3),
        checkOut: day(6),
        nights: 3,
        guests: 2,
        total: 45_000,
        status: 'pending',
        cancelledBy: null,
        cancelReason: null,
        reviewed: false,
        guestName: 'Айгерим Сапарова',
        guestPhone: guest.user.phone,
      });
      const occupancy = await occupancyOf(suite.db.orm.em, booking.id);
      expect(occupancy.map((row) => [row.startsOn, row.endsOn])).toEqual([[day(3), day(6)]]);
      const [notification] = await fork().find(Notification, { user: realtor.user.id });
      expect(notification?.kind).toBe('booking_created');
      expect(notification?.data).toEqual({
        bookingId: booking.id,
        listingId: listing.id,
        listingTitle: listing.title,
        checkIn: day(3),
        checkOut: day(6),
        guests: 2,
        total: 45_000,
        guestName: 'Айгерим Сапарова',
      });
    });

    it('accepts check-in today, one night, 90 nights and a full house', async () => {
      const { listing, guest } = await world();
      const tonight = await bookings().create(fork(), guest.actor, {
        listingId: listing.id,
        checkIn: day(0),
        checkOut: day(1),
        guests: 4,
      });
      expect(tonight).toMatchObject({ nights: 1, total: 15_000, guests: 4 });
      const long = await bookings().create(fork(), guest.actor, {
        listingId: listing.id,
        checkIn: day(1),
        checkOut: day(91),
        guests: 1,
      });
      expect(long).toMatchObject({ nights: 90, total: 1_350_000 });
    });

    it('refuses dates in the past, reversed or too long stays and too many guests', async () => {
      const { listing, guest } = await world();
      const attempt =
        (checkIn: string, checkOut: string, guests = 1) =>
        () =>
          bookings().create(fork(), guest.actor, {
            listingId: listing.id,
            checkIn,
            checkOut,
            guests,
          });
      await expectRefused(attempt(day(-1), day(2)), 'validation_failed');
      await expectRefused(attempt(day(5), day(5)), 'validation_failed');
      await expectRefused(attempt(day(5), day(4)), 'validation_failed');
      await expectRefused(attempt(day(1), day(92)), 'validation_failed');
      await expectRefused(attempt(day(1), day(2), 5), 'validation_failed');
      await expectRefused(attempt(day(1), day(2), 0), 'validation_failed');
      await expectRefused(attempt('2026-02-30', day(2)), 'validation_failed');
      await expect(attempt(day(1), day(2), 5)()).rejects.toMatchObject({
        issues: [{ field: 'guests', message: 'at most 4' }],
      });
      await expect(attempt(day(-1), day(2))()).rejects.toMatchObject({
        issues: [{ field: 'checkIn', message: 'in the past' }],
      });
    });

    it('uses the Almaty calendar day: at 00:30 in Almaty the UTC date is still yesterday', async () => {
      const { listing, guest } = await world();
      suite.db.clock.set('2026-12-01T19:30:00Z'); // 2026-12-02 00:30 in Almaty
      await expectRefused(
        () =>
          bookings().create(fork(), guest.actor, {
            listingId: listing.id,
            checkIn: day(0),
            checkOut: day(2),
            guests: 1,
          }),
        'validation_failed',
      );
      const booking = await bookings().create(fork(), guest.actor, {
        listingId: listing.id,
        checkIn: day(1),
        checkOut: day(2),
        guests: 1,
      });
      expect(booking.checkIn).toBe(day(1));
    });

    it('lets a realtor book another realtor’s listing, but not their own', async () => {
      const { realtor, listing } = await world();
      const other = await world();
      await expectRefused(
        () =>
          bookings().create(fork(), realtor.actor, {
            listingId: listing.id,
            checkIn: day(1),
            checkOut: day(2),
            guests: 1,
          }),
        'forbidden',
      );
      const booking = await bookings().create(fork(), realtor.actor, {
        listingId: other.listing.id,
        checkIn: day(1),
        checkOut: day(2),
        guests: 1,
      });
      expect(booking.status).toBe('pending');
    });

    it('does not find unpublished listings, nor those of an inactive or former realtor or agency', async () => {
      const { guest } = await world();
      const unpublished = await world();
      const blockedRealtor = await world();
      const closedAgency = await world();
      const demoted = await world();
      const em = fork();
      await em.nativeUpdate(User, { id: blockedRealtor.realtor.user.id }, { status: 'blocked' });
      await em.nativeUpdate(User, { id: demoted.realtor.user.id }, { role: 'guest', agency: null });
      await em
        .getConnection()
        .execute('update listing set published = false where id = ?', [unpublished.listing.id]);
      await em
        .getConnection()
        .execute('update agency set active = false where id = ?', [closedAgency.realtor.user.agency!.id]);
      for (const listingId of [
        unpublished.listing.id,
        blockedRealtor.listing.id,
        closedAgency.listing.id,
        demoted.listing.id,
        999_999,
      ]) {
        await expectRefused(
          () =>
            bookings().create(fork(), guest.actor, {
              listingId,
              checkIn: day(1),
              checkOut: day(2),
              guests: 1,
            }),
          'not_found',
        );
      }
    });

    it('books the listing of a realtor without an agency', async () => {
      const { guest } = await world();
      const freelancer = await makeUser(fork(), 'realtor', { agency: null });
      const listing = await makeListing(fork(), freelancer.user);
      const booking = await bookings().create(fork(), guest.actor, {
        listingId: listing.id,
        checkIn: day(1),
        checkOut: day(2),
        guests: 1,
      });
      expect(booking.listingId).toBe(listing.id);
    });

    it('refuses dates overlapping a live booking or a block; touching stays and freed dates are fine', async () => {
      const { realtor, listing, guest } = await world();
      const second = await makeUser(fork(), 'guest');
      const stay = (checkIn: string, checkOut: string, who = second.actor) =>
        bookings().create(fork(), who, { listingId: listing.id, checkIn, checkOut, guests: 1 });

      const first = await stay(day(5), day(8), guest.actor);
      await expectRefused(() => stay(day(5), day(8)), 'dates_taken');
      await expectRefused(() => stay(day(7), day(10)), 'dates_taken');
      await expectRefused(() => stay(day(3), day(6)), 'dates_taken');
      await expectRefused(() => stay(day(6), day(7)), 'dates_taken');
      await expectRefused(() => stay(day(1), day(20)), 'dates_taken');
      expect((await stay(day(8), day(9))).status).toBe('pending');
      expect((await stay(day(3), day(5))).status).toBe('pending');

      await makeBlock(fork(), listing, realtor.user, day(12), day(15));
      await expectRefused(() => stay(day(14), day(16)), 'dates_taken');

      await bookings().cancel(fork(), guest.actor, { bookingId: first.id });
      expect((await stay(day(5), day(8))).status).toBe('pending');
    });

    it('asks people without an account to register and refuses blocked users', async () => {
      const { listing } = await world();
      const blocked = await makeUser(fork(), 'guest', { status: 'blocked' });
      const input = { listingId: listing.id, checkIn: day(1), checkOut: day(2), guests: 1 };
      await expectRefused(() => bookings().create(fork(), null, input), 'account_required');
      await expectRefused(() => bookings().create(fork(), blocked.actor, input), 'account_blocked');
    });
  });

  describe('cancel', () => {
    it('lets the guest cancel before check-in: dates freed, realtor told, a second press refused', async () => {
      const { realtor, listing, guest } = await world();
      const booking = await makeBooking(fork(), listing, guest.user, { checkIn: day(2), checkOut: day(4) });
      const cancelled = await bookings().cancel(fork(), guest.actor, {
        bookingId: booking.id,
        reason: '  планы изменились  ',
      });
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'guest',
        cancelReason: 'планы изменились',
      });
      expect(await occupancyOf(suite.db.orm.em, booking.id)).toHaveLength(0);
      const stored = await fork().findOneOrFail(Booking, booking.id);
      expect(stored.cancelledAt).toEqual(suite.db.clock.now());
      const [notification] = await fork().find(Notification, { user: realtor.user.id });
      expect(notification?.kind).toBe('booking_cancelled');
      expect(notification?.data).toMatchObject({
        bookingId: booking.id,
        by: 'guest',
        reason: 'планы изменились',
        previousStatus: 'pending',
      });

      await expectRefused(
        () => bookings().cancel(fork(), guest.actor, { bookingId: booking.id }),
        'invalid_state',
      );
      await expect(bookings().cancel(fork(), realtor.actor, { bookingId: booking.id })).rejects.toMatchObject(
        { code: 'invalid_state', currentState: 'cancelled' },
      );
    });

    it('lets the realtor cancel a confirmed booking and tells the guest', async () => {
      const { realtor, listing, guest } = await world();
      const booking = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(2),
        checkOut: day(4),
        status: 'confirmed',
      });
      const cancelled = await bookings().cancel(fork(), realtor.actor, { bookingId: booking.id });
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'realtor', cancelReason: null });
      expect(await occupancyOf(suite.db.orm.em, booking.id)).toHaveLength(0);
      expect(await notificationKinds(suite.db.orm.em, guest.user.id)).toEqual(['booking_cancelled']);
      expect(await notificationKinds(suite.db.orm.em, realtor.user.id)).toEqual([]);
      const [notification] = await fork().find(Notification, { user: guest.user.id });
      expect(notification?.data).toMatchObject({ by: 'realtor', previousStatus: 'confirmed' });
    });

    it('refuses cancelling on check-in day, after it and once completed', async () => {
      const { listing, guest } = await world();
      const today = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(0),
        checkOut: day(2),
        status: 'confirmed',
      });
      const done = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(-5),
        checkOut: day(-2),
        status: 'completed',
      });
      await expectRefused(
        () => bookings().cancel(fork(), guest.actor, { bookingId: today.id }),
        'invalid_state',
      );
      await expect(bookings().cancel(fork(), guest.actor, { bookingId: today.id })).rejects.toMatchObject({
        currentState: 'started',
      });
      await expect(bookings().cancel(fork(), guest.actor, { bookingId: done.id })).rejects.toMatchObject({
        code: 'invalid_state',
        currentState: 'completed',
      });
      expect(await occupancyOf(suite.db.orm.em, today.id)).toHaveLength(1);
    });

    it('hides the booking from strangers and refuses onlookers who may see it', async () => {
      const { realtor, listing, guest } = await world();
      const booking = await makeBooking(fork(), listing, guest.user, { checkIn: day(2), checkOut: day(4) });
      const stranger = await makeUser(fork(), 'guest');
      const otherRealtor = await makeUser(fork(), 'realtor');
      const agencyAdmin = await makeUser(fork(), 'super_admin', { agency: realtor.user.agency! });
      const superuser = await makeUser(fork(), 'superuser');
      const cancel = (actor: typeof guest.actor) => () =>
        bookings().cancel(fork(), actor, { bookingId: booking.id });
      await expectRefused(cancel(stranger.actor), 'not_found');
      await expectRefused(cancel(otherRealtor.actor), 'not_found');
      await expectRefused(cancel(agencyAdmin.actor), 'forbidden');
      await expectRefused(cancel(superuser.actor), 'forbidden');
      await expectRefused(() => bookings().cancel(fork(), guest.actor, { bookingId: 999_999 }), 'not_found');
      await expectRefused(
        () => bookings().cancel(fork(), guest.actor, { bookingId: booking.id, reason: 'x'.repeat(501) }),
        'validation_failed',
      );
    });
  });

  describe('confirm', () => {
    it('lets the realtor confirm a pending booking once and tells the guest', async () => {
      const { realtor, listing, guest } = await world();
      const booking = await makeBooking(fork(), listing, guest.user, { checkIn: day(2), checkOut: day(4) });
      const confirmed = await bookings().confirm(fork(), realtor.actor, { bookingId: booking.id });
      expect(confirmed).toMatchObject({ id: booking.id, status: 'confirmed', total: 30_000 });
      const stored = await fork().findOneOrFail(Booking, booking.id);
      expect(stored.status).toBe('confirmed');
      expect(stored.confirmedAt).toEqual(suite.db.clock.now());
      const [notification] = await fork().find(Notification, { user: guest.user.id });
      expect(notification?.kind).toBe('booking_confirmed');
      expect(notification?.data).toMatchObject({ bookingId: booking.id, by: 'realtor', total: 30_000 });
      expect(await occupancyOf(suite.db.orm.em, booking.id)).toHaveLength(1);

      await expectRefused(
        () => bookings().confirm(fork(), realtor.actor, { bookingId: booking.id }),
        'invalid_state',
      );
      await expect(
        bookings().confirm(fork(), realtor.actor, { bookingId: booking.id }),
      ).rejects.toMatchObject({ currentState: 'confirmed' });
    });

    it('refuses confirming a cancelled booking or one whose check-in day passed', async () => {
      const { realtor, listing, guest } = await world();
      const cancelled = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(2),
        checkOut: day(4),
        status: 'cancelled',
      });
      const expired = await makeBooking(fork(), listing, guest.user, { checkIn: day(-1), checkOut: day(1) });
      await expectRefused(
        () => bookings().confirm(fork(), realtor.actor, { bookingId: cancelled.id }),
        'invalid_state',
      );
      await expect(
        bookings().confirm(fork(), realtor.actor, { bookingId: expired.id }),
      ).rejects.toMatchObject({ code: 'invalid_state', currentState: 'expired' });
    });

    it('lets only the listing’s realtor confirm', async () => {
      const { realtor, listing, guest } = await world();
      const booking = await makeBooking(fork(), listing, guest.user, { checkIn: day(2), checkOut: day(4) });
      const agencyAdmin = await makeUser(fork(), 'super_admin', { agency: realtor.user.agency! });
      const otherRealtor = await makeUser(fork(), 'realtor');
      const confirm = (actor: typeof guest.actor) => () =>
        bookings().confirm(fork(), actor, { bookingId: booking.id });
      await expectRefused(confirm(guest.actor), 'forbidden');
      await expectRefused(confirm(agencyAdmin.actor), 'forbidden');
      await expectRefused(confirm(otherRealtor.actor), 'not_found');
      await expectRefused(
        () => bookings().confirm(fork(), realtor.actor, { bookingId: 0 }),
        'validation_failed',
      );
    });
  });

  describe('lists and get', () => {
    it('shows a guest upcoming and past bookings, page by page', async () => {
      const { listing, guest } = await world();
      const other = await world();
      const later = await makeBooking(fork(), listing, guest.user, { checkIn: day(10), checkOut: day(12) });
      const sooner = await makeBooking(fork(), other.listing, guest.user, {
        checkIn: day(2),
        checkOut: day(4),
        status: 'confirmed',
      });
      const staying = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(-1),
        checkOut: day(1),
        status: 'confirmed',
      });
      const cancelled = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(20),
        checkOut: day(22),
        status: 'cancelled',
      });
      const completed = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(-9),
        checkOut: day(-7),
        status: 'completed',
      });
      const ids = (page: { items: { id: number }[] }) => page.items.map((item) => item.id);

      const upcoming = await bookings().listForGuest(fork(), guest.actor, { scope: 'upcoming' });
      expect(ids(upcoming)).toEqual([staying.id, sooner.id, later.id]);
      const past = await bookings().listForGuest(fork(), guest.actor, { scope: 'past' });
      expect(ids(past)).toEqual([cancelled.id, completed.id]);
      const firstPage = await bookings().listForGuest(fork(), guest.actor, {
        scope: 'all',
        pageSize: 2,
      });
      expect(firstPage).toMatchObject({ total: 5, pages: 3, page: 1 });
      expect(ids(firstPage)).toEqual([cancelled.id, later.id]);
      const lastPage = await bookings().listForGuest(fork(), guest.actor, {
        scope: 'all',
        pageSize: 2,
        page: 3,
      });
      expect(ids(lastPage)).toEqual([completed.id]);
      await expect(bookings().listForGuest(fork(), guest.actor, { pageSize: 51 })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });

    it('shows a realtor new, upcoming and past bookings of their listings only', async () => {
      const { realtor, listing, guest } = await world();
      const other = await world();
      await makeBooking(fork(), other.listing, guest.user, { checkIn: day(2), checkOut: day(4) });
      const pending = await makeBooking(fork(), listing, guest.user, { checkIn: day(2), checkOut: day(4) });
      const confirmed = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(6),
        checkOut: day(8),
        status: 'confirmed',
      });
      const finishedNotSwept = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(-3),
        checkOut: day(0),
        status: 'confirmed',
      });
      const cancelled = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(10),
        checkOut: day(12),
        status: 'cancelled',
      });
      const list = async (filter: 'new' | 'upcoming' | 'past') =>
        (await bookings().listForRealtor(fork(), realtor.actor, { filter })).items.map((b) => b.id);
      expect(await list('new')).toEqual([pending.id]);
      expect(await list('upcoming')).toEqual([confirmed.id]);
      expect(await list('past')).toEqual([cancelled.id, finishedNotSwept.id]);
      const [view] = (await bookings().listForRealtor(fork(), realtor.actor, { filter: 'new' })).items;
      expect(view).toMatchObject({ guestName: 'Айгерим Сапарова', guestPhone: guest.user.phone });
    });

    it('shows one booking to its guest, realtor, agency Super Admin and Superuser only', async () => {
      const { realtor, listing, guest } = await world();
      const booking = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(-4),
        checkOut: day(-2),
        status: 'completed',
      });
      const agencyAdmin = await makeUser(fork(), 'super_admin', { agency: realtor.user.agency! });
      const otherAdmin = await makeUser(fork(), 'super_admin', { agency: await makeAgency(fork()) });
      const superuser = await makeUser(fork(), 'superuser');
      const stranger = await makeUser(fork(), 'guest');
      for (const actor of [guest.actor, realtor.actor, agencyAdmin.actor, superuser.actor]) {
        const view = await bookings().get(fork(), actor, { bookingId: booking.id });
        expect(view).toMatchObject({ id: booking.id, status: 'completed', nights: 2, reviewed: false });
      }
      for (const actor of [otherAdmin.actor, stranger.actor]) {
        await expect(bookings().get(fork(), actor, { bookingId: booking.id })).rejects.toMatchObject({
          code: 'not_found',
        });
      }
      await expect(bookings().get(fork(), null, { bookingId: booking.id })).rejects.toMatchObject({
        code: 'account_required',
      });
    });
  });
});
