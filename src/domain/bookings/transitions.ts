import { Booking, type BookingStatus, type CancelledBy, Occupancy } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import { InvalidState } from '../errors.ts';

/**
 * The booking's status changes. Each is a conditional update that names the
 * state it leaves, so a stale button or a double press changes nothing the
 * second time; the occupancy row follows the booking in the same transaction.
 *
 *   pending   → confirmed (payment, realtor) | cancelled (guest, realtor, system)
 *   confirmed → cancelled (guest, realtor)   | completed (system)
 */

/** Live bookings hold their dates. */
export const LIVE_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed'];

export function isLive(status: BookingStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

/** The error for a booking that is no longer in the state the operation needs. */
async function staleState(em: Em, bookingId: number): Promise<InvalidState> {
  const current = await em.findOne(Booking, bookingId, { refresh: true });
  return new InvalidState('booking', current?.status ?? 'missing');
}

/**
 * pending → confirmed. A pending booking whose check-in day has passed is
 * expired (the sweep cancels it) and can no longer be confirmed or paid.
 */
export async function confirmBooking(em: Em, booking: Booking, at: Date, today: string): Promise<void> {
  if (booking.status !== 'pending') throw new InvalidState('booking', booking.status);
  if (booking.checkIn < today) throw new InvalidState('booking', 'expired');
  const changed = await em.nativeUpdate(
    Booking,
    { id: booking.id, status: 'pending', checkIn: { $gte: today } },
    { status: 'confirmed', confirmedAt: at, updatedAt: at },
  );
  if (changed === 0) throw await staleState(em, booking.id);
}

/**
 * A guest or realtor cancels a live booking before its check-in day and frees
 * its dates. Returns the status it had.
 */
export async function cancelBooking(
  em: Em,
  booking: Booking,
  change: { by: Exclude<CancelledBy, 'system'>; reason: string | null; at: Date; today: string },
): Promise<BookingStatus> {
  const previous = booking.status;
  if (!isLive(previous)) throw new InvalidState('booking', previous);
  if (booking.checkIn <= change.today) throw new InvalidState('booking', 'started');
  const changed = await em.nativeUpdate(
    Booking,
    { id: booking.id, status: previous, checkIn: { $gt: change.today } },
    {
      status: 'cancelled',
      cancelledBy: change.by,
      cancelReason: change.reason,
      cancelledAt: change.at,
      updatedAt: change.at,
    },
  );
  if (changed === 0) throw await staleState(em, booking.id);
  await em.nativeDelete(Occupancy, { booking: booking.id });
  return previous;
}

/** The sweep: a confirmed stay whose check-out day has come is completed (it keeps its occupancy). */
export async function completeStay(em: Em, bookingId: number, at: Date, today: string): Promise<boolean> {
  const changed = await em.nativeUpdate(
    Booking,
    { id: bookingId, status: 'confirmed', checkOut: { $lte: today } },
    { status: 'completed', completedAt: at, updatedAt: at },
  );
  return changed === 1;
}

/** The sweep: a booking still pending after its check-in day is cancelled by the system and frees its dates. */
export async function expireUnconfirmed(
  em: Em,
  bookingId: number,
  at: Date,
  today: string,
): Promise<boolean> {
  const changed = await em.nativeUpdate(
    Booking,
    { id: bookingId, status: 'pending', checkIn: { $lt: today } },
    { status: 'cancelled', cancelledBy: 'system', cancelReason: null, cancelledAt: at, updatedAt: at },
  );
  if (changed === 0) return false;
  await em.nativeDelete(Occupancy, { booking: bookingId });
  return true;
}
