import { Listing } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import { VISIBLE_LISTINGS_FROM, VISIBLE_LISTINGS_WHERE } from '../listings/visibility.ts';

/**
 * Which of `listingIds` guests may see, book and favourite — by the same SQL
 * rule search and the details card use (published, realtor active and still a
 * realtor, agency active or none), so that they never disagree.
 */
export async function visibleListingIds(em: Em, listingIds: number[]): Promise<Set<number>> {
  if (listingIds.length === 0) return new Set();
  const rows = await em.execute<{ id: number }[]>(
    `select l.id from ${VISIBLE_LISTINGS_FROM}
      where l.id in (${listingIds.map(() => '?').join(', ')}) and ${VISIBLE_LISTINGS_WHERE}`,
    listingIds,
  );
  return new Set(rows.map((row) => row.id));
}

/** The listing, when it exists and guests may see it; else null. */
export async function findVisibleListing(em: Em, listingId: number): Promise<Listing | null> {
  if (!(await visibleListingIds(em, [listingId])).has(listingId)) return null;
  return em.findOne(Listing, listingId, { refresh: true });
}
