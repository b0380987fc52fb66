import { Listing } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';

/**
 * A listing guests may see, book and favourite: published, its realtor
 * active, and the realtor's agency active (or the realtor has none).
 * Expects `listing.realtor` (and its agency, when it has one) loaded.
 */
export function isListingVisible(listing: Listing): boolean {
  const realtor = listing.realtor;
  if (!listing.published || realtor.status !== 'active') return false;
  return !realtor.agency || realtor.agency.active;
}

/** The listing with its realtor and agency, when it exists and is visible to guests; else null. */
export async function findVisibleListing(em: Em, listingId: number): Promise<Listing | null> {
  const listing = await em.findOne(Listing, listingId, { populate: ['realtor.agency'], refresh: true });
  return listing && isListingVisible(listing) ? listing : null;
}

/**
 * Locks the listing's row until the transaction ends, so bookings and reviews
 * of one listing are written one at a time. Without it, two concurrent
 * bookings waiting on each other's occupancy row could end in a deadlock
 * instead of a clean `dates_taken`, and two reviews could each compute the
 * rating without the other. `for no key update` leaves foreign-key checks
 * (favourites, blocks) unblocked.
 */
export async function lockListing(em: Em, listingId: number): Promise<void> {
  await em.execute('select id from listing where id = ? for no key update', [listingId]);
}
