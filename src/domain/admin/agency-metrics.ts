import { LIVE_BOOKING_STATUSES } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import { addDays, almatyToday } from '../dates.ts';
import { type BookingCounts, bookingCounts, listingCounts, realtorCounts, revenue } from './agency-stats.ts';
import { almatyMonthOf } from './periods.ts';
import { queryOne, queryRows } from './sql.ts';

/** How many listings and realtors the TOP lists show. */
export const TOP_SIZE = 5;
/** The window of the occupancy figure, in days. */
export const OCCUPANCY_DAYS = 30;

export interface TopListing {
  listingId: number;
  title: string;
  realtorName: string;
  revenue: number;
  bookings: number;
}

export interface TopRealtor {
  realtorId: number;
  fullName: string;
  revenue: number;
  bookings: number;
}

/** What a Super Admin sees on «📊 Агентство». */
export interface AgencyMetrics {
  agency: { id: number; name: string; active: boolean };
  /** Almaty date the figures were taken on. */
  today: string;
  realtors: { active: number; total: number };
  listings: { published: number; total: number };
  /** Bookings created and payments made in the current Almaty month ('YYYY-MM'). */
  thisMonth: { month: string; bookings: BookingCounts; revenue: number };
  allTime: { bookings: BookingCounts; revenue: number };
  /** Booked nights of live and completed bookings over the last 30 days ÷ (listings × 30), 0..1. */
  occupancy: number;
  /** Mean of the rated listings' ratings (2 decimals); null when none is rated. */
  averageRating: number | null;
  /** By revenue of all time, only listings / realtors that earned something. */
  topListings: TopListing[];
  topRealtors: TopRealtor[];
}

const BOOKED_STATUSES = [...LIVE_BOOKING_STATUSES, 'completed'];

async function occupancy(em: Em, agencyId: number, today: string, listings: number): Promise<number> {
  if (listings === 0) return 0;
  const from = addDays(today, -OCCUPANCY_DAYS);
  // date − date is a whole number of days in PostgreSQL.
  const { nights } = await queryOne<{ nights: number }>(
    em,
    `select coalesce(sum(least(b.check_out, ?::date) - greatest(b.check_in, ?::date)), 0)::int as nights
       from booking b join listing l on l.id = b.listing_id join app_user r on r.id = l.realtor_id
      where r.agency_id = ? and b.status in (${BOOKED_STATUSES.map(() => '?').join(', ')})
        and b.check_in < ?::date and b.check_out > ?::date`,
    [today, from, agencyId, ...BOOKED_STATUSES, today, from],
  );
  return Math.min(1, nights / (listings * OCCUPANCY_DAYS));
}

async function averageRating(em: Em, agencyId: number): Promise<number | null> {
  const { rating } = await queryOne<{ rating: number | null }>(
    em,
    `select avg(l.rating_avg)::float8 as rating
       from listing l join app_user r on r.id = l.realtor_id where r.agency_id = ? and l.rating_count > 0`,
    [agencyId],
  );
  return rating === null ? null : Math.round(rating * 100) / 100;
}

const PAID_BOOKINGS = `from payment p join booking b on b.id = p.booking_id
  join listing l on l.id = b.listing_id join app_user r on r.id = l.realtor_id
  where r.agency_id = ? and p.status = 'succeeded'`;

async function topListings(em: Em, agencyId: number): Promise<TopListing[]> {
  return queryRows<TopListing>(
    em,
    `select l.id as "listingId", l.title, r.full_name as "realtorName",
            sum(p.amount)::float8 as revenue, count(distinct b.id)::int as bookings
       ${PAID_BOOKINGS}
      group by l.id, l.title, r.full_name order by revenue desc, l.id limit ${TOP_SIZE}`,
    [agencyId],
  );
}

async function topRealtors(em: Em, agencyId: number): Promise<TopRealtor[]> {
  return queryRows<TopRealtor>(
    em,
    `select r.id as "realtorId", r.full_name as "fullName",
            sum(p.amount)::float8 as revenue, count(distinct b.id)::int as bookings
       ${PAID_BOOKINGS}
      group by r.id, r.full_name order by revenue desc, r.id limit ${TOP_SIZE}`,
    [agencyId],
  );
}

/** Every figure of the agency's dashboard, as of `now`. */
export async function agencyMetrics(
  em: Em,
  agency: { id: number; name: string; active: boolean },
  now: Date,
): Promise<AgencyMetrics> {
  const today = almatyToday(now);
  const month = almatyMonthOf(now);
  const listings = await listingCounts(em, agency.id);
  return {
    agency: { id: agency.id, name: agency.name, active: agency.active },
    today,
    realtors: await realtorCounts(em, agency.id),
    listings,
    thisMonth: {
      month: month.month,
      bookings: await bookingCounts(em, agency.id, month),
      revenue: await revenue(em, agency.id, month),
    },
    allTime: { bookings: await bookingCounts(em, agency.id), revenue: await revenue(em, agency.id) },
    occupancy: await occupancy(em, agency.id, today, listings.total),
    averageRating: await averageRating(em, agency.id),
    topListings: await topListings(em, agency.id),
    topRealtors: await topRealtors(em, agency.id),
  };
}
