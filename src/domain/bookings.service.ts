import { z } from 'zod';
import { Booking, Occupancy, User } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { type MaybeActor, requireActive } from './actor.ts';
import { loadBookingFor } from './bookings/access.ts';
import { lockListing } from './bookings/listing-lock.ts';
import { GUEST_SCOPES, guestListQuery, REALTOR_FILTERS, realtorListQuery } from './bookings/lists.ts';
import { type SweepResult, sweepBookings } from './bookings/sweep.ts';
import { cancelBooking, confirmBooking } from './bookings/transitions.ts';
import { type BookingView, bookingRef, bookingView, bookingViews } from './bookings/view.ts';
import { findVisibleListing } from './bookings/visibility.ts';
import { almatyToday } from './dates.ts';
import { isExclusionViolation } from './db-errors.ts';
import type { DomainDeps } from './deps.ts';
import { DatesTaken, Forbidden, NotFound, ValidationFailed } from './errors.ts';
import { stayOf } from './listings/stay.ts';
import {
  idSchema,
  isoDateSchema,
  type Page,
  type PageInput,
  pageOf,
  pageSchema,
  parseInput,
} from './validation.ts';

export type { SweepResult } from './bookings/sweep.ts';
export type { BookingStay, BookingView } from './bookings/view.ts';

const newBookingSchema = z.object({
  listingId: idSchema,
  checkIn: isoDateSchema,
  checkOut: isoDateSchema,
  guests: z.number().int().min(1).max(50),
});
const bookingIdSchema = z.object({ bookingId: idSchema });
const cancelSchema = z.object({
  bookingId: idSchema,
  reason: z
    .string()
    .trim()
    .max(500, 'at most 500 characters')
    .optional()
    .transform((reason) => reason || null),
});
const guestListSchema = pageSchema.extend({ scope: z.enum(GUEST_SCOPES).default('upcoming') });
const realtorListSchema = pageSchema.extend({ filter: z.enum(REALTOR_FILTERS).default('new') });

/**
 * Bookings: guests book and cancel, realtors confirm and cancel, the sweep
 * completes and expires. A live booking (pending or confirmed) holds its
 * dates through one occupancy row written in the same transaction; the
 * database's exclusion constraint over those rows is what keeps two live
 * bookings, or a booking and a block, from overlapping.
 */
export function createBookingService(deps: DomainDeps) {
  const today = () => almatyToday(deps.clock.now());

  return {
    /**
     * Books a visible listing for the actor (any active user, but not on their
     * own listing). Total = nights × price per night. The booking is pending
     * until paid or confirmed by the realtor, who is notified.
     * Errors: validation_failed, not_found, forbidden, dates_taken.
     */
    async create(
      em: Em,
      actor: MaybeActor,
      input: { listingId: number; checkIn: string; checkOut: string; guests: number },
    ): Promise<BookingView> {
      const me = requireActive(actor);
      const { listingId, ...wanted } = parseInput(newBookingSchema, input);
      // The same stay rules as search: check-in today or later, at most 90 nights.
      const { checkIn, checkOut, nights } = stayOf(wanted, today())!;
      try {
        return await em.transactional(async (tx) => {
          await lockListing(tx, listingId);
          const listing = await findVisibleListing(tx, listingId);
          if (!listing) throw new NotFound('listing', listingId);
          if (listing.realtor.id === me.id) throw new Forbidden('a realtor cannot book their own listing');
          if (wanted.guests > listing.maxGuests) {
            throw new ValidationFailed([{ field: 'guests', message: `at most ${listing.maxGuests}` }]);
          }
          const guest = await tx.findOneOrFail(User, me.id);
          const booking = tx.create(Booking, {
            listing,
            guest,
            checkIn,
            checkOut,
            guests: wanted.guests,
            total: nights * listing.pricePerNight,
            status: 'pending',
            cancelledBy: null,
            cancelReason: null,
            confirmedAt: null,
            cancelledAt: null,
            completedAt: null,
            createdAt: deps.clock.now(),
          });
          await tx.flush();
          tx.create(Occupancy, {
            listing,
            startsOn: checkIn,
            endsOn: checkOut,
            booking,
            block: null,
          });
          await tx.flush();
          await deps.notifier.notify(tx, listing.realtor.id, 'booking_created', {
            ...bookingRef(booking),
            guests: booking.guests,
            total: booking.total,
            guestName: guest.fullName,
          });
          return bookingView(booking, false);
        });
      } catch (error) {
        if (isExclusionViolation(error, 'occupancy_no_overlap')) throw new DatesTaken();
        throw error;
      }
    },

    /**
     * The guest or the listing's realtor cancels a live booking, before its
     * check-in day; the dates become free and the other side is notified.
     * Errors: validation_failed, not_found, forbidden, invalid_state
     * (currentState: cancelled/completed, or 'started' on and after check-in day).
     */
    async cancel(
      em: Em,
      actor: MaybeActor,
      input: { bookingId: number; reason?: string | undefined },
    ): Promise<BookingView> {
      const me = requireActive(actor);
      const { bookingId, reason } = parseInput(cancelSchema, input);
      const at = deps.clock.now();
      return em.transactional(async (tx) => {
        const { booking, party } = await loadBookingFor(tx, me, bookingId, ['guest', 'realtor'], {
          lock: true,
        });
        const by = party === 'guest' ? 'guest' : 'realtor';
        const previousStatus = await cancelBooking(tx, booking, { by, reason, at, today: almatyToday(at) });
        const otherSide = by === 'guest' ? booking.listing.realtor.id : booking.guest.id;
        await deps.notifier.notify(tx, otherSide, 'booking_cancelled', {
          ...bookingRef(booking),
          by,
          reason,
          previousStatus,
        });
        return {
          ...bookingView(booking, false),
          status: 'cancelled' as const,
          cancelledBy: by,
          cancelReason: reason,
        };
      });
    },

    /**
     * The listing's realtor confirms a pending booking; the guest is notified.
     * Errors: validation_failed, not_found, forbidden, invalid_state
     * (currentState: the booking's status, or 'expired' after its check-in day).
     */
    async confirm(em: Em, actor: MaybeActor, input: { bookingId: number }): Promise<BookingView> {
      const me = requireActive(actor);
      const { bookingId } = parseInput(bookingIdSchema, input);
      const at = deps.clock.now();
      return em.transactional(async (tx) => {
        const { booking } = await loadBookingFor(tx, me, bookingId, ['realtor'], { lock: true });
        await confirmBooking(tx, booking, at, almatyToday(at));
        await deps.notifier.notify(tx, booking.guest.id, 'booking_confirmed', {
          ...bookingRef(booking),
          by: 'realtor',
          total: booking.total,
        });
        return { ...bookingView(booking, false), status: 'confirmed' as const };
      });
    },

    /** The actor's own bookings (scope upcoming by default, 5 a page). */
    async listForGuest(
      em: Em,
      actor: MaybeActor,
      input: PageInput & { scope?: 'upcoming' | 'past' | 'all' } = {},
    ): Promise<Page<BookingView>> {
      const me = requireActive(actor);
      const { scope, page, pageSize } = parseInput(guestListSchema, input);
      const query = guestListQuery(me.id, scope, today());
      return listPage(em, query, page, pageSize);
    },

    /** Bookings of the actor's own listings (filter new by default, 5 a page). */
    async listForRealtor(
      em: Em,
      actor: MaybeActor,
      input: PageInput & { filter?: 'new' | 'upcoming' | 'past' } = {},
    ): Promise<Page<BookingView>> {
      const me = requireActive(actor);
      const { filter, page, pageSize } = parseInput(realtorListSchema, input);
      const query = realtorListQuery(me.id, filter, today());
      return listPage(em, query, page, pageSize);
    },

    /**
     * One booking, for its guest, the listing's realtor, a Super Admin of the
     * realtor's agency or a Superuser. Errors: validation_failed, not_found.
     */
    async get(em: Em, actor: MaybeActor, input: { bookingId: number }): Promise<BookingView> {
      const me = requireActive(actor);
      const { bookingId } = parseInput(bookingIdSchema, input);
      const { booking } = await loadBookingFor(em, me, bookingId, [
        'guest',
        'realtor',
        'agency_admin',
        'superuser',
      ]);
      const [view] = await bookingViews(em, [booking]);
      return view!;
    },

    /**
     * The periodic job (no actor): completes confirmed stays whose check-out
     * day has come and cancels (by 'system') bookings still pending after their
     * check-in day, notifying each guest. Idempotent.
     */
    async sweep(em: Em): Promise<SweepResult> {
      return sweepBookings(deps, em);
    },
  };
}

async function listPage(
  em: Em,
  query: ReturnType<typeof guestListQuery>,
  page: number,
  pageSize: number,
): Promise<Page<BookingView>> {
  const [bookings, total] = await em.findAndCount(Booking, query.where, {
    populate: ['listing', 'guest'],
    orderBy: query.orderBy,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    refresh: true,
  });
  return pageOf(await bookingViews(em, bookings), total, page, pageSize);
}
