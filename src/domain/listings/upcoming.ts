import type { Em } from '../../db/orm.ts';

/**
 * How many live (pending or confirmed) bookings each listing still has ahead
 * (check-out after `today`). Listings without any are absent from the map.
 */
export async function upcomingBookingCounts(
  em: Em,
  listingIds: number[],
  today: string,
): Promise<Map<number, number>> {
  if (listingIds.length === 0) return new Map();
  const rows = await em.execute<{ listing_id: number; upcoming: number }[]>(
    `select listing_id, count(*)::int as upcoming from booking
      where listing_id in (?) and status in ('pending', 'confirmed') and check_out > ?::date
      group by listing_id`,
    [listingIds, today],
  );
  return new Map(rows.map((row) => [row.listing_id, row.upcoming]));
}
