import { z } from 'zod';
import { AvailabilityBlock, Booking, type BookingStatus, Occupancy } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { type MaybeActor, requireActive, requireRole } from './actor.ts';
import { lockListing } from './bookings/listing-lock.ts';
import { almatyToday, eachDay, nextMonthStart, nightsBetween } from './dates.ts';
import { isExclusionViolation } from './db-errors.ts';
import type { DomainDeps } from './deps.ts';
import { DatesTaken, NotFound, ValidationFailed } from './errors.ts';
import { findOwnListing, findSupervisedListing } from './listings/access.ts';
import { type BlockView, blockView } from './listings/block-view.ts';
import { idSchema, isoDateSchema, parseInput } from './validation.ts';

export type { BlockView } from './listings/block-view.ts';

/** The longest block a realtor may add at once. */
export const MAX_BLOCK_DAYS = 365;

export type DayState = 'free' | 'booked' | 'blocked';

export interface CalendarDay {
  /** YYYY-MM-DD. */
  date: string;
  state: DayState;
  /** The booking occupying the day, when `booked`. */
  bookingId?: number;
  /** The block covering the day, when `blocked`. */
  blockId?: number;
}

export interface CalendarMonth {
  listingId: number;
  /** YYYY-MM. */
  month: string;
  days: CalendarDay[];
}

/** Bookings that paint a day as booked: live ones and stays that already happened. */
const OCCUPYING_STATUSES: BookingStatus[] = ['pending', 'confirmed', 'completed'];

const monthSchema = z.object({
  listingId: idSchema,
  month: z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'),
});

const addBlockSchema = z
  .object({
    listingId: idSchema,
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    note: z
      .string()
      .trim()
      .max(200, 'too long')
      .transform((value) => (value === '' ? null : value))
      .nullish(),
  })
  .superRefine((block, ctx) => {
    if (block.endsOn <= block.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must be after startsOn' });
    } else if (nightsBetween(block.startsOn, block.endsOn) > MAX_BLOCK_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: `at most ${MAX_BLOCK_DAYS} days` });
    }
  });

/**
 * A listing's calendar and the realtor's blocks. The owner manages blocks;
 * the owner, a Super Admin of the owner's agency and a Superuser may look.
 * A listing the actor may not see answers `not_found`.
 */
export function createCalendarService(deps: DomainDeps) {
  const today = () => almatyToday(deps.clock.now());

  /** The live booking a new block ran into; null when it was another block (or it is gone already). */
  async function conflictingBookingId(em: Em, listingId: number, startsOn: string, endsOn: string) {
    const [row] = await em.execute<{ booking_id: number }[]>(
      `select o.booking_id from occupancy o
        where o.listing_id = ? and o.booking_id is not null
          and daterange(o.starts_on, o.ends_on, '[)') && daterange(?::date, ?::date, '[)')
        order by o.starts_on limit 1`,
      [listingId, startsOn, endsOn],
    );
    return row?.booking_id ?? null;
  }

  return {
    /** Every day of `month` ('YYYY-MM') as free, booked (with the booking) or blocked (with the block). */
    async month(
      em: Em,
      actor: MaybeActor,
      input: { listingId: number; month: string },
    ): Promise<CalendarMonth> {
      const me = requireActive(actor);
      const { listingId, month } = parseInput(monthSchema, input);
      const listing = await findSupervisedListing(em, me, listingId);
      const from = `${month}-01`;
      const to = nextMonthStart(from);
      const bookings = await em.find(Booking, {
        listing: listing.id,
        status: { $in: OCCUPYING_STATUSES },
        checkIn: { $lt: to },
        checkOut: { $gt: from },
      });
      const blocks = await em.find(AvailabilityBlock, {
        listing: listing.id,
        startsOn: { $lt: to },
        endsOn: { $gt: from },
      });
      const days = eachDay(from, to).map((date): CalendarDay => {
        const booking = bookings.find((b) => b.checkIn <= date && date < b.checkOut);
        if (booking) return { date, state: 'booked', bookingId: booking.id };
        const block = blocks.find((b) => b.startsOn <= date && date < b.endsOn);
        if (block) return { date, state: 'blocked', blockId: block.id };
        return { date, state: 'free' };
      });
      return { listingId: listing.id, month, days };
    },

    /**
     * Closes `startsOn`..`endsOn` (exclusive) of the realtor's own listing.
     * At most MAX_BLOCK_DAYS days and not entirely in the past. Overlapping a
     * live booking fails with `DatesTaken(bookingId)`, another block with
     * `DatesTaken(null)`; the database's exclusion constraint decides.
     */
    async addBlock(
      em: Em,
      actor: MaybeActor,
      input: { listingId: number; startsOn: string; endsOn: string; note?: string | null },
    ): Promise<BlockView> {
      const me = requireRole(actor, 'realtor');
      const { listingId, startsOn, endsOn, note } = parseInput(addBlockSchema, input);
      if (endsOn <= today()) throw new ValidationFailed([{ field: 'endsOn', message: 'in the past' }]);
      try {
        return await em.transactional(async (tx) => {
          const listing = await findOwnListing(tx, me, listingId);
          // One writer of a listing's days at a time: a clean dates_taken, never a deadlock.
          await lockListing(tx, listingId);
          const block = tx.create(AvailabilityBlock, {
            listing,
            startsOn,
            endsOn,
            note: note ?? null,
            createdBy: me.id,
            createdAt: deps.clock.now(),
          });
          tx.create(Occupancy, { listing, startsOn, endsOn, block, booking: null });
          await tx.flush();
          return blockView(block);
        });
      } catch (error) {
        if (!isExclusionViolation(error, 'occupancy_no_overlap')) throw error;
        // The transaction is rolled back by now; look the culprit up outside it.
        throw new DatesTaken(await conflictingBookingId(em, listingId, startsOn, endsOn));
      }
    },

    /** Deletes a block of the realtor's own listing; its occupancy row goes with it (FK cascade). */
    async removeBlock(em: Em, actor: MaybeActor, input: { blockId: number }): Promise<void> {
      const me = requireRole(actor, 'realtor');
      const { blockId } = parseInput(z.object({ blockId: idSchema }), input);
      await em.transactional(async (tx) => {
        const deleted = await tx.nativeDelete(AvailabilityBlock, {
          id: blockId,
          listing: { realtor: me.id },
        });
        if (deleted === 0) throw new NotFound('block', blockId);
      });
    },

    /** Blocks of a listing that have not ended yet, soonest first. */
    async blocks(em: Em, actor: MaybeActor, input: { listingId: number }): Promise<BlockView[]> {
      const me = requireActive(actor);
      const { listingId } = parseInput(z.object({ listingId: idSchema }), input);
      const listing = await findSupervisedListing(em, me, listingId);
      const blocks = await em.find(
        AvailabilityBlock,
        { listing: listing.id, endsOn: { $gt: today() } },
        { orderBy: { startsOn: 'asc', id: 'asc' } },
      );
      return blocks.map(blockView);
    },
  };
}
