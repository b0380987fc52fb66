import { LockMode } from '@mikro-orm/core';
import { Booking } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import type { Actor } from '../actor.ts';
import { Forbidden, NotFound } from '../errors.ts';

/** How a person relates to a booking. */
export type BookingParty = 'guest' | 'realtor' | 'agency_admin' | 'superuser';

/** The actor's relation to `booking` (listing loaded), or null when they have none. */
export function partyOf(actor: Actor, booking: Booking): BookingParty | null {
  if (booking.guest.id === actor.id) return 'guest';
  const realtor = booking.listing.realtor;
  if (realtor.id === actor.id) return 'realtor';
  if (actor.role === 'superuser') return 'superuser';
  if (actor.role === 'super_admin' && actor.agencyId !== null && realtor.agency?.id === actor.agencyId) {
    return 'agency_admin';
  }
  return null;
}

/**
 * Loads a booking with its listing, realtor and guest for `actor`.
 * With `lock`, the booking's row stays locked until the transaction ends, so
 * the status read here is the one the conditional update will meet (and a
 * cancellation reports the true previous status even when a payment races it).
 * Throws `NotFound` when the booking does not exist or the actor may not see
 * it, `Forbidden` when they may see it but their relation is not in `allowed`.
 */
export async function loadBookingFor(
  em: Em,
  actor: Actor,
  bookingId: number,
  allowed: readonly BookingParty[],
  options: { lock?: boolean } = {},
): Promise<{ booking: Booking; party: BookingParty }> {
  const booking = await loadBooking(em, bookingId, options);
  const party = booking ? partyOf(actor, booking) : null;
  if (!booking || !party) throw new NotFound('booking', bookingId);
  if (!allowed.includes(party)) throw new Forbidden(`${party} may not do this to booking ${bookingId}`);
  return { booking, party };
}

/** The booking with listing, realtor and guest loaded (row locked with `lock`); null when missing. */
export async function loadBooking(
  em: Em,
  bookingId: number,
  options: { lock?: boolean } = {},
): Promise<Booking | null> {
  // Lock the booking row alone: a joined `for update` would lock the listing and users too.
  const booking = await em.findOne(Booking, bookingId, {
    refresh: true,
    ...(options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}),
  });
  if (!booking) return null;
  await em.populate(booking, ['listing.realtor', 'guest'], { refresh: true });
  return booking;
}
