import { describe, expect, it } from 'vitest';
import { Listing, Notification, Review } from '../../src/db/entities/index.ts';
import { addDays } from '../../src/domain/dates.ts';
import { expectRefusal } from '../support/assertions.ts';
import { bookingRowCounts, FIRST_DAY, makeBooking } from '../support/bookings.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';

describe('reviews service', () => {
  const suite = useTestDatabase();
  const fork = suite.fork;
  const day = (offset: number) => addDays(FIRST_DAY, offset);

  async function listingWithRealtor() {
    const realtor = await makeUser(fork(), 'realtor');
    const listing = await makeListing(fork(), realtor.user, { title: 'Квартира у парка' });
    return { realtor, listing };
  }

  let stayOffset = 0;
  /** A guest's completed stay at `listing` (each one on its own earlier dates). */
  async function completedStay(listing: Listing, fullName = 'Данияр Ахметов') {
    const guest = await makeUser(fork(), 'guest', { fullName });
    stayOffset += 2;
    const booking = await makeBooking(fork(), listing, guest.user, {
      checkIn: day(-stayOffset - 2),
      checkOut: day(-stayOffset),
      status: 'completed',
    });
    return { guest, booking };
  }

  async function rating(listingId: number) {
    const listing = await fork().findOneOrFail(Listing, listingId);
    return { avg: listing.ratingAvg, count: listing.ratingCount };
  }

  /** The call is refused with `code` and no row of any booking table changed. */
  const expectRefused = (call: () => Promise<unknown>, code: string) =>
    expectRefusal(fork(), call, { code }, bookingRowCounts);

  it('lets the guest review a completed stay, rates the listing and tells the realtor', async () => {
    const { realtor, listing } = await listingWithRealtor();
    const { guest, booking } = await completedStay(listing);
    expect((await suite.db.domain.reviews.reviewable(fork(), guest.actor)).map((b) => b.id)).toEqual([
      booking.id,
    ]);

    const review = await suite.db.domain.reviews.create(fork(), guest.actor, {
      bookingId: booking.id,
      rating: 4,
      text: '  Чисто и тихо.  ',
    });
    expect(review).toMatchObject({
      bookingId: booking.id,
      listingId: listing.id,
      listingTitle: 'Квартира у парка',
      rating: 4,
      text: 'Чисто и тихо.',
      authorName: 'Данияр',
    });
    expect(await rating(listing.id)).toEqual({ avg: 4, count: 1 });
    const [notification] = await fork().find(Notification, { user: realtor.user.id });
    expect(notification?.kind).toBe('review_created');
    expect(notification?.data).toEqual({
      reviewId: review.id,
      listingId: listing.id,
      listingTitle: 'Квартира у парка',
      rating: 4,
    });
    expect(await suite.db.domain.reviews.reviewable(fork(), guest.actor)).toEqual([]);
    const view = await suite.db.domain.bookings.get(fork(), guest.actor, { bookingId: booking.id });
    expect(view.reviewed).toBe(true);
  });

  it('averages every review of the listing to two decimals', async () => {
    const { listing } = await listingWithRealtor();
    for (const stars of [5, 4, 4]) {
      const { guest, booking } = await completedStay(listing);
      await suite.db.domain.reviews.create(fork(), guest.actor, { bookingId: booking.id, rating: stars });
    }
    expect(await rating(listing.id)).toEqual({ avg: 4.33, count: 3 });
    const { guest, booking } = await completedStay(listing);
    await suite.db.domain.reviews.create(fork(), guest.actor, { bookingId: booking.id, rating: 1, text: '' });
    expect(await rating(listing.id)).toEqual({ avg: 3.5, count: 4 });
  });

  it('counts every review when guests review one listing at the same moment', async () => {
    const { listing } = await listingWithRealtor();
    const stays = await Promise.all([1, 2, 3, 4].map(() => completedStay(listing)));
    await Promise.all(
      stays.map(({ guest, booking }, index) =>
        suite.db.domain.reviews.create(fork(), guest.actor, { bookingId: booking.id, rating: index + 2 }),
      ),
    );
    expect(await rating(listing.id)).toEqual({ avg: 3.5, count: 4 });
  });

  it('accepts one review per booking, also when sent twice at once', async () => {
    const { listing } = await listingWithRealtor();
    const { guest, booking } = await completedStay(listing);
    await suite.db.domain.reviews.create(fork(), guest.actor, { bookingId: booking.id, rating: 5 });
    await expectRefused(
      () => suite.db.domain.reviews.create(fork(), guest.actor, { bookingId: booking.id, rating: 1 }),
      'already_exists',
    );

    const racing = await completedStay(listing);
    const results = await Promise.allSettled(
      [5, 1].map((stars) =>
        suite.db.domain.reviews.create(fork(), racing.guest.actor, {
          bookingId: racing.booking.id,
          rating: stars,
        }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'already_exists', field: 'review' });
    expect(await fork().count(Review, { booking: racing.booking.id })).toBe(1);
    expect((await rating(listing.id)).count).toBe(2);
  });

  it('refuses stays that are not completed, other people and bad input', async () => {
    const { realtor, listing } = await listingWithRealtor();
    const guest = await makeUser(fork(), 'guest');
    const review =
      (bookingId: number, actor = guest.actor, extra: { rating?: number; text?: string } = {}) =>
      () =>
        suite.db.domain.reviews.create(fork(), actor, {
          bookingId,
          rating: extra.rating ?? 5,
          text: extra.text ?? '',
        });
    for (const [status, from] of [
      ['pending', 2],
      ['confirmed', 6],
      ['cancelled', 10],
    ] as const) {
      const booking = await makeBooking(fork(), listing, guest.user, {
        checkIn: day(from),
        checkOut: day(from + 2),
        status,
      });
      await expectRefused(review(booking.id), 'invalid_state');
    }
    const { booking } = await completedStay(listing);
    const stranger = await makeUser(fork(), 'guest');
    await expectRefused(review(booking.id, realtor.actor), 'forbidden');
    await expectRefused(review(booking.id, stranger.actor), 'not_found');
    await expectRefused(review(999_999), 'not_found');
    await expectRefused(review(booking.id, null as never), 'account_required');
    for (const bad of [{ rating: 0 }, { rating: 6 }, { rating: 4.5 }, { text: 'я'.repeat(2001) }]) {
      await expectRefused(review(booking.id, guest.actor, bad), 'validation_failed');
    }
    expect(await rating(listing.id)).toEqual({ avg: 0, count: 0 });
  });

  it('lists the author’s reviews and a listing’s newest reviews', async () => {
    const { listing } = await listingWithRealtor();
    const other = await listingWithRealtor();
    const author = await makeUser(fork(), 'guest', { fullName: 'Мадина Касымова' });
    const stays = [
      await makeBooking(fork(), listing, author.user, {
        checkIn: day(-20),
        checkOut: day(-18),
        status: 'completed',
      }),
      await makeBooking(fork(), other.listing, author.user, {
        checkIn: day(-16),
        checkOut: day(-14),
        status: 'completed',
      }),
      await makeBooking(fork(), listing, author.user, {
        checkIn: day(-12),
        checkOut: day(-10),
        status: 'completed',
      }),
    ];
    const reviews = [];
    for (const [index, booking] of stays.entries()) {
      reviews.push(
        await suite.db.domain.reviews.create(fork(), author.actor, {
          bookingId: booking.id,
          rating: 5 - index,
          text: `Отзыв ${index + 1}`,
        }),
      );
    }
    const mine = await suite.db.domain.reviews.listMine(fork(), author.actor, { pageSize: 2 });
    expect(mine).toMatchObject({ total: 3, pages: 2 });
    expect(mine.items.map((item) => item.id)).toEqual([reviews[2]!.id, reviews[1]!.id]);

    const forListing = await suite.db.domain.reviews.forListing(fork(), { listingId: listing.id });
    expect(forListing.map((item) => [item.text, item.rating, item.authorName])).toEqual([
      ['Отзыв 3', 3, 'Мадина'],
      ['Отзыв 1', 5, 'Мадина'],
    ]);
    expect(
      await suite.db.domain.reviews.forListing(fork(), { listingId: listing.id, limit: 1 }),
    ).toHaveLength(1);
    await expect(suite.db.domain.reviews.forListing(fork(), { listingId: 999_999 })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      suite.db.domain.reviews.forListing(fork(), { listingId: listing.id, limit: 21 }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(suite.db.domain.reviews.listMine(fork(), null)).rejects.toMatchObject({
      code: 'account_required',
    });
  });
});
