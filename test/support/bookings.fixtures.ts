import {
  AvailabilityBlock,
  Booking,
  type BookingStatus,
  type Listing,
  Notification,
  Occupancy,
  Payment,
  Review,
  type User,
} from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import { almatyMidnight, nightsBetween } from '../../src/domain/dates.ts';

/** The test clock's first day (createTestDatabase starts at 2026-12-01 10:00 Almaty). */
export const FIRST_DAY = '2026-12-01';

/** Moves a manual clock to 10:00 Almaty on `date`. */
export function setToday(clock: { set(at: Date): void }, date: string): void {
  clock.set(new Date(almatyMidnight(date).getTime() + 10 * 3_600_000));
}

/**
 * A realtor's block of `startsOn`..`endsOn` (exclusive), written the way the
 * calendar does it: the block and its occupancy row in one transaction.
 * Rejects with the database's exclusion violation when the days are taken.
 */
export async function makeBlock(
  em: Em,
  listing: Listing,
  createdBy: User,
  startsOn: string,
  endsOn: string,
): Promise<AvailabilityBlock> {
  return em.transactional(async (tx) => {
    const block = tx.create(AvailabilityBlock, { listing, startsOn, endsOn, note: null, createdBy });
    await tx.flush();
    tx.create(Occupancy, { listing, startsOn, endsOn, booking: null, block });
    await tx.flush();
    return block;
  });
}

/**
 * A booking written straight to the database, bypassing the service (for
 * states the clock would otherwise have to reach, such as a completed stay).
 * Live and completed bookings get their occupancy row, as the service does.
 */
export async function makeBooking(
  em: Em,
  listing: Listing,
  guest: User,
  stay: { checkIn: string; checkOut: string; status?: BookingStatus; guests?: number },
): Promise<Booking> {
  const status = stay.status ?? 'pending';
  return em.transactional(async (tx) => {
    const booking = tx.create(Booking, {
      listing,
      guest,
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
      guests: stay.guests ?? 1,
      total: nightsBetween(stay.checkIn, stay.checkOut) * listing.pricePerNight,
      status,
      cancelledBy: status === 'cancelled' ? 'guest' : null,
      cancelReason: null,
      confirmedAt: null,
      cancelledAt: null,
      completedAt: null,
    });
    await tx.flush();
    if (status !== 'cancelled') {
      tx.create(Occupancy, { listing, startsOn: stay.checkIn, endsOn: stay.checkOut, booking, block: null });
      await tx.flush();
    }
    return booking;
  });
}

/** Row counts of everything the booking services write, to prove a refused call wrote nothing. */
export async function bookingRowCounts(em: Em): Promise<Record<string, number>> {
  const fork = em.fork();
  return {
    booking: await fork.count(Booking, {}),
    occupancy: await fork.count(Occupancy, {}),
    payment: await fork.count(Payment, {}),
    review: await fork.count(Review, {}),
    notification: await fork.count(Notification, {}),
  };
}

/** The kinds of notifications a user has received, oldest first. */
export async function notificationKinds(em: Em, userId: number): Promise<string[]> {
  const rows = await em.fork().find(Notification, { user: userId }, { orderBy: { id: 'asc' } });
  return rows.map((row) => row.kind);
}

/** The occupancy rows of a booking (a live or completed booking has exactly one). */
export async function occupancyOf(em: Em, bookingId: number): Promise<Occupancy[]> {
  return em.fork().find(Occupancy, { booking: bookingId });
}
