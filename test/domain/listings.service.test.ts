import { describe, expect, it } from 'vitest';
import { Listing } from '../../src/db/entities/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';
import { listingInput, makeBooking } from '../support/listings.fixtures.ts';

describe('listings service', () => {
  const suite = useTestDatabase();

  const em = suite.fork;
  const listings = () => suite.db.domain.listings;
  const countListings = (realtorId: number) => em().count(Listing, { realtor: realtorId });

  describe('create', () => {
    it('creates an unpublished listing with a tidy city and each amenity once', async () => {
      const { actor } = await makeUser(em(), 'realtor');
      const view = await listings().create(
        em(),
        actor,
        listingInput({
          title: '  Студия у Медеу ',
          city: '  алматы  ',
          address: 'ул. Абая, 10',
          amenities: ['wifi', 'tv', 'wifi'],
          photoFileId: 'AgACAgIAAxk',
        }),
      );
      expect(view).toMatchObject({
        realtorId: actor.id,
        title: 'Студия у Медеу',
        city: 'Алматы',
        address: 'ул. Абая, 10',
        pricePerNight: 20000,
        maxGuests: 2,
        amenities: ['wifi', 'tv'],
        photoFileId: 'AgACAgIAAxk',
        published: false,
        ratingAvg: 0,
        ratingCount: 0,
      });
      const stored = await em().findOneOrFail(Listing, view.id);
      expect(stored.published).toBe(false);
      expect(stored.city).toBe('Алматы');
    });

    it('refuses guests, blocked realtors and people without an account, writing nothing', async () => {
      const { actor: guest } = await makeUser(em(), 'guest');
      const { actor: blocked } = await makeUser(em(), 'realtor', { status: 'blocked' });
      const { actor: admin } = await makeUser(em(), 'super_admin');
      await expect(listings().create(em(), guest, listingInput())).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(listings().create(em(), admin, listingInput())).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(listings().create(em(), blocked, listingInput())).rejects.toMatchObject({
        code: 'account_blocked',
      });
      await expect(listings().create(em(), null, listingInput())).rejects.toMatchObject({
        code: 'account_required',
      });
      expect(await countListings(guest.id)).toBe(0);
      expect(await countListings(blocked.id)).toBe(0);
    });

    it.each([
      ['title', { title: 'ab' }],
      ['title', { title: 'x'.repeat(121) }],
      ['city', { city: ' a ' }],
      ['pricePerNight', { pricePerNight: 0 }],
      ['pricePerNight', { pricePerNight: 10_000_001 }],
      ['pricePerNight', { pricePerNight: 1500.5 }],
      ['maxGuests', { maxGuests: 0 }],
      ['maxGuests', { maxGuests: 51 }],
      ['description', { description: 'коротко' }],
      ['description', { description: 'x'.repeat(2001) }],
      ['amenities', { amenities: ['wifi', 'sauna'] as never }],
      ['address', { address: 'x'.repeat(301) }],
    ])('refuses a bad %s with validation_failed', async (field, bad) => {
      const { actor } = await makeUser(em(), 'realtor');
      const error = await listings()
        .create(em(), actor, listingInput(bad))
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect((error as { issues: { field: string }[] }).issues[0]?.field).toMatch(new RegExp(`^${field}`));
      expect(await countListings(actor.id)).toBe(0);
    });

    it('accepts the highest allowed price', async () => {
      const { actor } = await makeUser(em(), 'realtor');
      const view = await listings().create(em(), actor, listingInput({ pricePerNight: 10_000_000 }));
      expect(view.pricePerNight).toBe(10_000_000);
    });
  });

  describe('update', () => {
    it('changes only the given fields and clears the address with null', async () => {
      const { actor } = await makeUser(em(), 'realtor');
      const created = await listings().create(em(), actor, listingInput({ address: 'ул. Абая, 10' }));
      const updated = await listings().update(em(), actor, {
        listingId: created.id,
        pricePerNight: 25000,
        city: 'астана',
        address: null,
        amenities: ['parking', 'parking', 'kitchen'],
      });
      expect(updated).toMatchObject({
        title: created.title,
        description: created.description,
        pricePerNight: 25000,
        city: 'Астана',
        address: null,
        amenities: ['parking', 'kitchen'],
      });
      const stored = await em().findOneOrFail(Listing, created.id);
      expect(stored.pricePerNight).toBe(25000);
      expect(stored.address).toBeNull();
    });

    it("answers not_found for another realtor's listing and changes nothing", async () => {
      const { actor: owner } = await makeUser(em(), 'realtor');
      const { actor: other } = await makeUser(em(), 'realtor', { agency: null });
      const created = await listings().create(em(), owner, listingInput());
      await expect(
        listings().update(em(), other, { listingId: created.id, pricePerNight: 1 }),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        listings().update(em(), owner, { listingId: 999_999, pricePerNight: 1000 }),
      ).rejects.toMatchObject({ code: 'not_found' });
      expect((await em().findOneOrFail(Listing, created.id)).pricePerNight).toBe(20000);
    });

    it('refuses guests and bad values, changing nothing', async () => {
      const { actor: owner } = await makeUser(em(), 'realtor');
      const { actor: guest } = await makeUser(em(), 'guest');
      const created = await listings().create(em(), owner, listingInput());
      await expect(
        listings().update(em(), guest, { listingId: created.id, title: 'Новое имя' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        listings().update(em(), owner, { listingId: created.id, title: 'Новое имя', maxGuests: 0 }),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      const stored = await em().findOneOrFail(Listing, created.id);
      expect(stored.title).toBe(created.title);
      expect(stored.maxGuests).toBe(created.maxGuests);
    });
  });

  describe('setPublished', () => {
    it('publishes and unpublishes, counting the live bookings still ahead', async () => {
      const { actor } = await makeUser(em(), 'realtor');
      const { user: guest } = await makeUser(em(), 'guest');
      const created = await listings().create(em(), actor, listingInput());
      const published = await listings().setPublished(em(), actor, {
        listingId: created.id,
        published: true,
      });
      expect(published).toMatchObject({ published: true, upcomingBookings: 0 });

      const fixtures = em();
      const stay = { listing: { id: created.id }, guest };
      await makeBooking(fixtures, {
        ...stay,
        checkIn: '2026-12-10',
        checkOut: '2026-12-12',
        status: 'pending',
      });
      await makeBooking(fixtures, { ...stay, checkIn: '2026-12-01', checkOut: '2026-12-03' });
      await makeBooking(fixtures, {
        ...stay,
        checkIn: '2026-12-20',
        checkOut: '2026-12-22',
        status: 'cancelled',
      });
      // Checked out today: no longer upcoming.
      await makeBooking(fixtures, { ...stay, checkIn: '2026-11-28', checkOut: '2026-12-01' });
      await makeBooking(fixtures, {
        ...stay,
        checkIn: '2026-11-20',
        checkOut: '2026-11-22',
        status: 'completed',
      });

      const hidden = await listings().setPublished(em(), actor, { listingId: created.id, published: false });
      expect(hidden).toMatchObject({ published: false, upcomingBookings: 2 });
      expect((await em().findOneOrFail(Listing, created.id)).published).toBe(false);
    });

    it('refuses to publish while the agency is inactive, but still allows unpublishing', async () => {
      const agency = await makeAgency(em(), { active: false });
      const { user: realtor, actor } = await makeUser(em(), 'realtor', { agency });
      const draft = await listings().create(em(), actor, listingInput());
      await expect(
        listings().setPublished(em(), actor, { listingId: draft.id, published: true }),
      ).rejects.toMatchObject({ code: 'agency_inactive' });
      expect((await em().findOneOrFail(Listing, draft.id)).published).toBe(false);

      const live = await makeListing(em(), realtor, { published: true });
      const hidden = await listings().setPublished(em(), actor, { listingId: live.id, published: false });
      expect(hidden.published).toBe(false);
    });

    it('lets a realtor without an agency publish', async () => {
      const { actor } = await makeUser(em(), 'realtor', { agency: null });
      const draft = await listings().create(em(), actor, listingInput());
      const view = await listings().setPublished(em(), actor, { listingId: draft.id, published: true });
      expect(view.published).toBe(true);
    });

    it('refuses other realtors, blocked realtors and bad input, changing nothing', async () => {
      const { user: owner, actor } = await makeUser(em(), 'realtor');
      const { actor: other } = await makeUser(em(), 'realtor');
      const draft = await makeListing(em(), owner, { published: false });
      await expect(
        listings().setPublished(em(), other, { listingId: draft.id, published: true }),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        listings().setPublished(
          em(),
          { ...actor, status: 'blocked' },
          { listingId: draft.id, published: true },
        ),
      ).rejects.toMatchObject({ code: 'account_blocked' });
      await expect(
        listings().setPublished(em(), actor, { listingId: draft.id, published: 'yes' as never }),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      expect((await em().findOneOrFail(Listing, draft.id)).published).toBe(false);
    });
  });

  describe('listOwn', () => {
    it("pages through the realtor's own listings, newest first, with upcoming bookings", async () => {
      const { user: realtor, actor } = await makeUser(em(), 'realtor');
      const { user: other } = await makeUser(em(), 'realtor');
      const { user: guest } = await makeUser(em(), 'guest');
      await makeListing(em(), other);
      const made: Listing[] = [];
      for (let i = 0; i < 3; i++) {
        made.push(await makeListing(em(), realtor, { title: `Квартира №${i}`, published: i !== 1 }));
      }
      await makeBooking(em(), {
        listing: made[0]!,
        guest,
        checkIn: '2026-12-05',
        checkOut: '2026-12-07',
      });

      const first = await listings().listOwn(em(), actor, { page: 1, pageSize: 2 });
      expect(first).toMatchObject({ total: 3, pages: 2, page: 1, pageSize: 2 });
      expect(first.items.map((item) => item.id)).toEqual([made[2]!.id, made[1]!.id]);
      expect(first.items[1]).toMatchObject({ title: 'Квартира №1', published: false, upcomingBookings: 0 });
      const second = await listings().listOwn(em(), actor, { page: 2, pageSize: 2 });
      expect(second.items).toEqual([
        {
          id: made[0]!.id,
          title: 'Квартира №0',
          city: 'Алматы',
          pricePerNight: 15000,
          published: true,
          upcomingBookings: 1,
        },
      ]);
    });

    it('refuses guests and bad page numbers', async () => {
      const { actor: guest } = await makeUser(em(), 'guest');
      const { actor } = await makeUser(em(), 'realtor');
      await expect(listings().listOwn(em(), guest)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listings().listOwn(em(), actor, { page: 0 })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });

  describe('get', () => {
    it("shows the owner's card and hides it from everyone else", async () => {
      const { user: owner, actor } = await makeUser(em(), 'realtor');
      const { actor: other } = await makeUser(em(), 'realtor');
      const { actor: guest } = await makeUser(em(), 'guest');
      const listing = await makeListing(em(), owner, { title: 'Лофт на Абая' });
      const card = await listings().get(em(), actor, { listingId: listing.id });
      expect(card).toMatchObject({
        id: listing.id,
        title: 'Лофт на Абая',
        published: true,
        upcomingBookings: 0,
        description: listing.description,
      });
      await expect(listings().get(em(), other, { listingId: listing.id })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(listings().get(em(), guest, { listingId: listing.id })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(listings().get(em(), actor, { listingId: -1 })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });
});
