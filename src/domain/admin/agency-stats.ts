import { BOOKING_STATUSES, type BookingStatus } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import type { InstantRange } from './periods.ts';
import { queryOne, queryRows } from './sql.ts';

/**
 * Figures of one agency. A listing belongs to the agency its realtor belongs to
 * now, so a realtor who moves takes their listings' history along.
 */

/** booking → listing → realtor, filtered on `r.agency_id`. */
const AGENCY_BOOKINGS =
  'booking b join listing l on l.id = b.listing_id join app_user r on r.id = l.realtor_id';

export type BookingCounts = Record<BookingStatus, number> & { total: number };

function rangeFilter(column: string, range: InstantRange | undefined): { sql: string; params: string[] } {
  if (!range) return { sql: '', params: [] };
  return {
    sql: ` and ${column} >= ?::timestamptz and ${column} < ?::timestamptz`,
    params: [range.from.toISOString(), range.to.toISOString()],
  };
}

/** Bookings of the agency's listings by status, optionally only those created in `range`. */
export async function bookingCounts(em: Em, agencyId: number, range?: InstantRange): Promise<BookingCounts> {
  const filter = rangeFilter('b.created_at', range);
  const rows = await queryRows<{ status: BookingStatus; n: number }>(
    em,
    `select b.status, count(*)::int as n from ${AGENCY_BOOKINGS}
      where r.agency_id = ?${filter.sql} group by b.status`,
    [agencyId, ...filter.params],
  );
  const counts = Object.fromEntries(BOOKING_STATUSES.map((status) => [status, 0])) as BookingCounts;
  counts.total = 0;
  for (const row of rows) {
    counts[row.status] = row.n;
    counts.total += row.n;
  }
  return counts;
}

/** Sum of succeeded payments for the agency's listings, optionally only payments made in `range`. */
export async function revenue(em: Em, agencyId: number, range?: InstantRange): Promise<number> {
  const filter = rangeFilter('p.created_at', range);
  const row = await queryOne<{ revenue: number }>(
    em,
    `select coalesce(sum(p.amount), 0)::float8 as revenue
       from payment p join booking b on b.id = p.booking_id
       join listing l on l.id = b.listing_id join app_user r on r.id = l.realtor_id
      where r.agency_id = ? and p.status = 'succeeded'${filter.sql}`,
    [agencyId, ...filter.params],
  );
  return row.revenue;
}

/** The agency's realtors (role realtor), active and all. */
export async function realtorCounts(em: Em, agencyId: number): Promise<{ active: number; total: number }> {
  return queryOne(
    em,
    `select count(*) filter (where status = 'active')::int as active, count(*)::int as total
       from app_user where agency_id = ? and role = 'realtor'`,
    [agencyId],
  );
}

/** The agency's listings, published and all. */
export async function listingCounts(em: Em, agencyId: number): Promise<{ published: number; total: number }> {
  return queryOne(
    em,
    `select count(*) filter (where l.published)::int as published, count(*)::int as total
       from listing l join app_user r on r.id = l.realtor_id where r.agency_id = ?`,
    [agencyId],
  );
}
