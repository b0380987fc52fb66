import type { Em } from '../../db/orm.ts';

/**
 * Locks the listing's row until the transaction ends, so that whatever takes
 * the listing's days (a booking, a block) or recomputes its rating is written
 * one at a time per listing. Without it, two transactions inserting
 * overlapping occupancy rows can wait on each other inside the exclusion
 * constraint and end in a deadlock (40P01, seen with 20 concurrent bookings
 * on PostgreSQL) instead of a clean `dates_taken`; and two reviews could each
 * compute the rating without the other. `for no key update` leaves
 * foreign-key checks (favourites, payments) unblocked.
 */
export async function lockListing(em: Em, listingId: number): Promise<void> {
  await em.execute('select id from listing where id = ? for no key update', [listingId]);
}
