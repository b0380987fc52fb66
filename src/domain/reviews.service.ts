import { z } from 'zod';
import { Booking, Listing, Review } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { type MaybeActor, requireActive } from './actor.ts';
import { loadBookingFor } from './bookings/access.ts';
import { lockListing } from './bookings/listing-lock.ts';
import { type BookingView, bookingViews } from './bookings/view.ts';
import { isUniqueViolation } from './db-errors.ts';
import type { DomainDeps } from './deps.ts';
import { AlreadyExists, InvalidState, NotFound } from './errors.ts';
import { idSchema, type Page, type PageInput, pageOf, pageSchema, parseInput } from './validation.ts';

/** A review as shown on a listing card and in the author's list. */
export interface ReviewView {
  id: number;
  bookingId: number;
  listingId: number;
  listingTitle: string;
  /** 1–5 stars. */
  rating: number;
  /** May be empty. */
  text: string;
  /** The author's first name only: reviews are public. */
  authorName: string;
  createdAt: Date;
}

const createSchema = z.object({
  bookingId: idSchema,
  rating: z.number().int().min(1).max(5),
  text: z.string().trim().max(2000, 'at most 2000 characters').default(''),
});
const forListingSchema = z.object({ listingId: idSchema, limit: z.number().int().min(1).max(20).default(5) });

/** Expects the review's listing and author loaded. */
function reviewView(review: Review): ReviewView {
  return {
    id: review.id,
    bookingId: review.booking.id,
    listingId: review.listing.id,
    listingTitle: review.listing.title,
    rating: review.rating,
    text: review.text,
    authorName: review.author.fullName.trim().split(/\s+/)[0] ?? '',
    createdAt: review.createdAt,
  };
}

/** Recomputes the listing's rating from its reviews (average to 2 decimals, count). */
async function refreshRating(em: Em, listingId: number): Promise<void> {
  await em.execute(
    `update listing set
       rating_avg = coalesce((select round(avg(rating)::numeric, 2) from review where listing_id = ?), 0),
       rating_count = (select count(*)::int from review where listing_id = ?)
     where id = ?`,
    [listingId, listingId, listingId],
  );
}

/** Reviews: a guest rates a completed stay once; reviews feed the listing's rating. */
export function createReviewService(deps: DomainDeps) {
  return {
    /**
     * The booking's guest reviews a completed stay (once). The listing's rating
     * is recomputed in the same transaction and the realtor is notified.
     * Errors: validation_failed, not_found, forbidden (not the guest),
     * invalid_state (not completed), already_exists (field 'review').
     */
    async create(
      em: Em,
      actor: MaybeActor,
      input: { bookingId: number; rating: number; text?: string },
    ): Promise<ReviewView> {
      const me = requireActive(actor);
      const { bookingId, rating, text } = parseInput(createSchema, input);
      try {
        return await em.transactional(async (tx) => {
          const { booking } = await loadBookingFor(tx, me, bookingId, ['guest']);
          if (booking.status !== 'completed') throw new InvalidState('booking', booking.status);
          // One listing's reviews are written one at a time, so each recomputed rating counts all of them.
          await lockListing(tx, booking.listing.id);
          if ((await tx.count(Review, { booking: booking.id })) > 0) throw new AlreadyExists('review');
          const review = tx.create(Review, {
            booking,
            listing: booking.listing,
            author: booking.guest,
            rating,
            text,
            createdAt: deps.clock.now(),
          });
          await tx.flush();
          await refreshRating(tx, booking.listing.id);
          await deps.notifier.notify(tx, booking.listing.realtor.id, 'review_created', {
            reviewId: review.id,
            listingId: booking.listing.id,
            listingTitle: booking.listing.title,
            rating,
          });
          return reviewView(review);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'review_booking_unique')) throw new AlreadyExists('review');
        throw error;
      }
    },

    /** The actor's completed stays not reviewed yet, most recent check-out first. */
    async reviewable(em: Em, actor: MaybeActor): Promise<BookingView[]> {
      const me = requireActive(actor);
      const completed = await em.find(
        Booking,
        { guest: me.id, status: 'completed' },
        { populate: ['listing', 'guest'], orderBy: { checkOut: 'desc', id: 'desc' }, refresh: true },
      );
      return (await bookingViews(em, completed)).filter((booking) => !booking.reviewed);
    },

    /** The actor's own reviews, newest first (5 a page by default). */
    async listMine(em: Em, actor: MaybeActor, input: PageInput = {}): Promise<Page<ReviewView>> {
      const me = requireActive(actor);
      const { page, pageSize } = parseInput(pageSchema, input);
      const [reviews, total] = await em.findAndCount(
        Review,
        { author: me.id },
        {
          populate: ['listing', 'author'],
          orderBy: { createdAt: 'desc', id: 'desc' },
          limit: pageSize,
          offset: (page - 1) * pageSize,
        },
      );
      return pageOf(reviews.map(reviewView), total, page, pageSize);
    },

    /**
     * The newest reviews of a listing (5 by default, at most 20), for its card;
     * open to anyone. Errors: validation_failed, not_found.
     */
    async forListing(em: Em, input: { listingId: number; limit?: number }): Promise<ReviewView[]> {
      const { listingId, limit } = parseInput(forListingSchema, input);
      if ((await em.count(Listing, { id: listingId })) === 0) throw new NotFound('listing', listingId);
      const reviews = await em.find(
        Review,
        { listing: listingId },
        { populate: ['listing', 'author'], orderBy: { createdAt: 'desc', id: 'desc' }, limit },
      );
      return reviews.map(reviewView);
    },
  };
}
