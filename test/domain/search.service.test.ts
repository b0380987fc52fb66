import { describe, expect, it } from 'vitest';
import { Listing } from '../../src/db/entities/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';
import { makeBooking, makeReview, uniqueCity } from '../support/listings.fixtures.ts';

describe('search service', () => {
  const suite = useTestDatabase();

  const em = suite.fork;
  const search = () => suite.db.domain.search;
  const ids = (page: { items: { listingId: number }[] }) => page.items.map((item) => item.listingId);

  async function realtor(options: Parameters<typeof makeUser>[2] = {}) {
    return (await makeUser(em(), 'realtor', options)).user;
  }

  describe('search', () => {
    it('matches the city in any case and with ё or е, for anonymous people too', async () => {
      const city = uniqueCity('Семёновка');
      const owner = await realtor();
      const here = await makeListing(em(), owner, { city });
      await makeListing(em(), owner, { city: uniqueCity() });
      const variants = [
        city,
        city.toLocaleUpperCase('ru'),
        city.replace('ё', 'е'),
        ` ${city.toLowerCase()} `,
      ];
      for (const variant of variants) {
        expect(ids(await search().search(em(), null, { city: variant }))).toEqual([here.id]);
      }
    });

    it('finds only listings free for the whole stay, with nights and total', async () => {
      const city = uniqueCity();
      const { user: owner, actor: ownerActor } = await makeUser(em(), 'realtor');
      const { user: guest, actor: guestActor } = await makeUser(em(), 'guest');
      const free = await makeListing(em(), owner, { city, pricePerNight: 10000 });
      const booked = await makeListing(em(), owner, { city, pricePerNight: 11000 });
      const blocked = await makeListing(em(), owner, { city, pricePerNight: 12000 });
      const turnover = await makeListing(em(), owner, { city, pricePerNight: 13000 });
      const cancelled = await makeListing(em(), owner, { city, pricePerNight: 14000 });
      await makeBooking(em(), { listing: booked, guest, checkIn: '2026-12-12', checkOut: '2026-12-14' });
      await makeBooking(em(), { listing: turnover, guest, checkIn: '2026-12-05', checkOut: '2026-12-10' });
      await makeBooking(em(), { listing: turnover, guest, checkIn: '2026-12-13', checkOut: '2026-12-15' });
      await makeBooking(em(), {
        listing: cancelled,
        guest,
        checkIn: '2026-12-10',
        checkOut: '2026-12-13',
        status: 'cancelled',
      });
      await suite.db.domain.calendar.addBlock(em(), ownerActor, {
        listingId: blocked.id,
        startsOn: '2026-12-09',
        endsOn: '2026-12-11',
      });

      const stay = { city, checkIn: '2026-12-10', checkOut: '2026-12-13' };
      const page = await search().search(em(), guestActor, stay);
      expect(ids(page)).toEqual([free.id, turnover.id, cancelled.id]);
      expect(page.items[0]).toEqual({
        listingId: free.id,
        title: free.title,
        city,
        pricePerNight: 10000,
        nights: 3,
        total: 30000,
        ratingAvg: 0,
        ratingCount: 0,
        photoFileId: null,
        maxGuests: 4,
      });
      // One night more runs into the booking that starts on the 13th.
      expect(ids(await search().search(em(), null, { ...stay, checkOut: '2026-12-14' }))).toEqual([
        free.id,
        cancelled.id,
      ]);
      const undated = await search().search(em(), null, { city });
      expect(undated.total).toBe(5);
      expect(undated.items[0]).toMatchObject({ nights: null, total: null });
    });

    it('filters by price range, guests and all of the amenities', async () => {
      const city = uniqueCity();
      const owner = await realtor();
      const cheap = await makeListing(em(), owner, {
        city,
        pricePerNight: 8000,
        maxGuests: 2,
        amenities: ['wifi'],
      });
      const mid = await makeListing(em(), owner, {
        city,
        pricePerNight: 15000,
        maxGuests: 4,
        amenities: ['wifi', 'kitchen', 'parking'],
      });
      const dear = await makeListing(em(), owner, {
        city,
        pricePerNight: 30000,
        maxGuests: 6,
        amenities: ['kitchen', 'parking'],
      });
      const find = async (filters: object) => ids(await search().search(em(), null, { city, ...filters }));
      expect(await find({ priceMin: 8000, priceMax: 15000 })).toEqual([cheap.id, mid.id]);
      expect(await find({ priceMin: 15001 })).toEqual([dear.id]);
      expect(await find({ priceMax: 7999 })).toEqual([]);
      expect(await find({ guests: 4 })).toEqual([mid.id, dear.id]);
      expect(await find({ guests: 7 })).toEqual([]);
      expect(await find({ amenities: ['kitchen', 'parking'] })).toEqual([mid.id, dear.id]);
      expect(await find({ amenities: ['wifi', 'parking'] })).toEqual([mid.id]);
      expect(await find({ amenities: [] })).toEqual([cheap.id, mid.id, dear.id]);
      expect(await find({ amenities: ['tv'] })).toEqual([]);
      expect(
        await find({
          priceMin: null,
          priceMax: null,
          guests: null,
          amenities: null,
          checkIn: null,
          checkOut: null,
        }),
      ).toEqual([cheap.id, mid.id, dear.id]);
    });

    it('hides unpublished listings and those of blocked realtors or inactive agencies', async () => {
      const city = uniqueCity();
      const active = await realtor();
      const withoutAgency = await realtor({ agency: null });
      const blocked = await realtor({ status: 'blocked' });
      const closed = await realtor({ agency: await makeAgency(em(), { active: false }) });
      const demoted = (await makeUser(em(), 'guest')).user;
      const shown = await makeListing(em(), active, { city, pricePerNight: 1000 });
      const independent = await makeListing(em(), withoutAgency, { city, pricePerNight: 2000 });
      await makeListing(em(), active, { city, published: false });
      await makeListing(em(), blocked, { city });
      await makeListing(em(), closed, { city });
      await makeListing(em(), demoted, { city });
      const page = await search().search(em(), null, { city });
      expect(ids(page)).toEqual([shown.id, independent.id]);
      expect(page.total).toBe(2);
    });

    it('pages through results in a stable order: price, then id', async () => {
      const city = uniqueCity();
      const owner = await realtor();
      const prices = [5000, 3000, 5000, 4000, 3000, 5000, 6000];
      const made: Listing[] = [];
      for (const pricePerNight of prices) made.push(await makeListing(em(), owner, { city, pricePerNight }));
      const expected = [...made]
        .sort((a, b) => a.pricePerNight - b.pricePerNight || a.id - b.id)
        .map((listing) => listing.id);
      const seen: number[] = [];
      for (let page = 1; page <= 3; page++) {
        const result = await search().search(em(), null, { city, page, pageSize: 3 });
        expect(result).toMatchObject({ page, pageSize: 3, total: 7, pages: 3 });
        seen.push(...ids(result));
      }
      expect(seen).toEqual(expected);
      expect((await search().search(em(), null, { city, page: 4, pageSize: 3 })).items).toEqual([]);
    });

    it.each([
      ['checkOut', { checkIn: '2026-12-10' }],
      ['checkIn', { checkOut: '2026-12-10' }],
      ['checkOut', { checkIn: '2026-12-10', checkOut: '2026-12-10' }],
      ['checkOut', { checkIn: '2026-12-10', checkOut: '2027-03-11' }],
      ['checkIn', { checkIn: '2026-11-30', checkOut: '2026-12-02' }],
      ['checkIn', { checkIn: '2026-12-32', checkOut: '2027-01-02' }],
      ['pageSize', { pageSize: 21 }],
      ['priceMax', { priceMin: 20000, priceMax: 10000 }],
      ['amenities', { amenities: ['sauna'] }],
      ['guests', { guests: 0 }],
    ])('refuses a bad %s with validation_failed', async (field, filters) => {
      const error = await search()
        .search(em(), null, filters as never)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect((error as { issues: { field: string }[] }).issues[0]?.field).toMatch(new RegExp(`^${field}`));
    });

    it('accepts a stay of exactly 90 nights starting today', async () => {
      const city = uniqueCity();
      const listing = await makeListing(em(), await realtor(), { city, pricePerNight: 1000 });
      const page = await search().search(em(), null, { city, checkIn: '2026-12-01', checkOut: '2027-03-01' });
      expect(page.items).toEqual([
        expect.objectContaining({ listingId: listing.id, nights: 90, total: 90000 }),
      ]);
    });

    it('refuses blocked people', async () => {
      const { actor } = await makeUser(em(), 'guest', { status: 'blocked' });
      await expect(search().search(em(), actor, {})).rejects.toMatchObject({ code: 'account_blocked' });
    });
  });

  describe('details', () => {
    it('shows the full card with the latest three reviews and the price of the stay', async () => {
      const owner = await realtor({ fullName: 'Асель Нурланова' });
      const listing = await makeListing(em(), owner, { city: uniqueCity(), pricePerNight: 12000 });
      const reviewers = ['Алия Серикова', 'Данияр Ибраев', 'Жанна Ким', 'Олег Петров'];
      for (const [i, fullName] of reviewers.entries()) {
        const { user: guest } = await makeUser(em(), 'guest', { fullName });
        const checkIn = `2026-11-0${i + 1}`;
        const stay = await makeBooking(em(), {
          listing,
          guest,
          checkIn,
          checkOut: `2026-11-0${i + 2}`,
          status: 'completed',
        });
        await makeReview(em(), stay, {
          rating: i + 2,
          text: `Отзыв ${i}`,
          createdAt: new Date(`${checkIn}T12:00:00Z`),
        });
      }
      const fixtures = em();
      await fixtures.nativeUpdate(Listing, listing.id, { ratingAvg: 3.5, ratingCount: 4 });

      const card = await search().details(em(), null, {
        listingId: listing.id,
        checkIn: '2026-12-10',
        checkOut: '2026-12-12',
      });
      expect(card).toMatchObject({
        listingId: listing.id,
        title: listing.title,
        description: listing.description,
        amenities: ['wifi', 'kitchen'],
        maxGuests: 4,
        ratingAvg: 3.5,
        ratingCount: 4,
        realtorName: 'Асель Нурланова',
        visible: true,
        nights: 2,
        total: 24000,
        available: true,
      });
      expect(card.reviews.map(({ rating, text, authorName }) => ({ rating, text, authorName }))).toEqual([
        { rating: 5, text: 'Отзыв 3', authorName: 'Олег' },
        { rating: 4, text: 'Отзыв 2', authorName: 'Жанна' },
        { rating: 3, text: 'Отзыв 1', authorName: 'Данияр' },
      ]);
      const undated = await search().details(em(), null, { listingId: listing.id });
      expect(undated).toMatchObject({ nights: null, total: null, available: null });
    });

    it('says when the asked dates are taken', async () => {
      const listing = await makeListing(em(), await realtor());
      const { user: guest } = await makeUser(em(), 'guest');
      await makeBooking(em(), { listing, guest, checkIn: '2026-12-10', checkOut: '2026-12-12' });
      const card = await search().details(em(), null, {
        listingId: listing.id,
        checkIn: '2026-12-11',
        checkOut: '2026-12-15',
      });
      expect(card).toMatchObject({ available: false, nights: 4, total: 60000 });
    });

    it('hides a hidden listing from everyone but its owner', async () => {
      const owner = await makeUser(em(), 'realtor');
      const draft = await makeListing(em(), owner.user, { published: false });
      const closedAgency = await makeAgency(em(), { active: false });
      const closed = await makeListing(em(), await realtor({ agency: closedAgency }));
      const { actor: guest } = await makeUser(em(), 'guest');
      const { actor: other } = await makeUser(em(), 'realtor');
      for (const viewer of [null, guest, other]) {
        await expect(search().details(em(), viewer, { listingId: draft.id })).rejects.toMatchObject({
          code: 'not_found',
        });
        await expect(search().details(em(), viewer, { listingId: closed.id })).rejects.toMatchObject({
          code: 'not_found',
        });
      }
      await expect(search().details(em(), null, { listingId: 999_999 })).rejects.toMatchObject({
        code: 'not_found',
      });
      const own = await search().details(em(), owner.actor, { listingId: draft.id });
      expect(own).toMatchObject({ listingId: draft.id, visible: false });
    });

    it('refuses bad dates and blocked people', async () => {
      const listing = await makeListing(em(), await realtor());
      const { actor: blocked } = await makeUser(em(), 'guest', { status: 'blocked' });
      await expect(
        search().details(em(), null, { listingId: listing.id, checkIn: '2026-12-10' }),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(search().details(em(), blocked, { listingId: listing.id })).rejects.toMatchObject({
        code: 'account_blocked',
      });
    });
  });
});
