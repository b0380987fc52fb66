import type pg from 'pg';
import type { AMENITIES } from '../src/domain/amenities.ts';
import { createServerDatabase } from '../test/support/server-database.ts';

/**
 * Bulk data for the search benchmark, written with plain SQL (generate_series)
 * into a throw-away PostgreSQL database: realtors in a few agencies, listings
 * in 20 cities, about ten bookings per listing over the next six months (each
 * live one with its occupancy row, as the booking service writes them) and some
 * blocks. Listings are added in id ranges so one database grows from 10,000 to
 * 100,000 listings without loading the first ones again.
 */

/** Cities and how many shares of the listings each gets: the big three are busier. */
export const BENCH_CITIES: readonly [city: string, weight: number][] = [
  ['Алматы', 3],
  ['Астана', 3],
  ['Шымкент', 2],
  ...[
    'Караганда',
    'Актобе',
    'Актау',
    'Атырау',
    'Туркестан',
    'Павлодар',
    'Усть-Каменогорск',
    'Семей',
    'Костанай',
    'Кызылорда',
    'Уральск',
    'Петропавловск',
    'Талдыкорган',
    'Тараз',
    'Экибастуз',
    'Кокшетау',
    'Жезказган',
  ].map((city): [string, number] => [city, 1]),
];

/** How often each amenity appears on a listing (wifi nearly everywhere, pets rarely). */
const AMENITY_SHARE: Record<(typeof AMENITIES)[number], number> = {
  wifi: 0.9,
  kitchen: 0.8,
  washer: 0.6,
  air_conditioning: 0.4,
  parking: 0.4,
  tv: 0.7,
  balcony: 0.5,
  elevator: 0.5,
  workspace: 0.3,
  kids_friendly: 0.3,
  pets_allowed: 0.15,
  iron: 0.5,
};

const GUESTS = 50_000;
const LISTINGS_PER_REALTOR = 50;
const AGENCIES = 10;
const GUEST_ID_BASE = 0;
const REALTOR_ID_BASE = 1_000_000;
/** Bookings are laid out in 18-day slots from tomorrow on: at most 10 + 7 days each, so they never overlap. */
const SLOTS = 10;
const SLOT_DAYS = 18;

/** A throw-away PostgreSQL database for the search benchmark. */
export function createSearchDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  return createServerDatabase(baseUrl, 'bench_search');
}

/** Agencies (the first one inactive) and the guests who make the bookings; once per database. */
export async function loadPeople(client: pg.Client): Promise<void> {
  await client.query('select setseed(0.42)');
  await client.query(
    `insert into agency (id, name, city, phone, email, active, created_at)
     select n, 'Агентство ' || n, 'Алматы', '+7727' || lpad(n::text, 7, '0'), 'agency' || n || '@bench.kz', n <> 1, now()
       from generate_series(1, $1::int) n`,
    [AGENCIES],
  );
  await client.query(
    `insert into app_user (id, email, phone, full_name, role, status, created_at, updated_at)
     select $1::int + n, 'guest' || n || '@bench.kz', '+7701' || lpad(n::text, 7, '0'), 'Гость ' || n,
            'guest', 'active', now(), now()
       from generate_series(1, $2::int) n`,
    [GUEST_ID_BASE, GUESTS],
  );
}

export interface LoadedCounts {
  listings: number;
  bookings: number;
  occupancy: number;
}

/**
 * Listings `from + 1 … to` with their realtors (one per 50 listings, most in an
 * agency, a few blocked), bookings (≈ 10 % cancelled, so without occupancy) and
 * blocks, starting the day after `today`. Ends with VACUUM ANALYZE, as
 * autovacuum would leave a table that has settled.
 */
export async function loadListings(
  client: pg.Client,
  from: number,
  to: number,
  today: string,
): Promise<LoadedCounts> {
  const cities = BENCH_CITIES.flatMap(([city, weight]) => Array<string>(weight).fill(city));
  await client.query(`select setseed(${from / to})`);
  await client.query('begin');
  // The rows reference each other correctly by construction; skipping the foreign-key triggers (a
  // superuser's right, ignored otherwise) roughly halves the load. Check and exclusion constraints
  // and unique indexes still hold.
  await client.query('savepoint replica');
  await client
    .query(`set local session_replication_role = replica`)
    .catch(() => client.query('rollback to savepoint replica'));
  await client.query(
    `insert into app_user (id, email, phone, full_name, role, status, agency_id, created_at, updated_at)
     select $1::int + r, 'realtor' || r || '@bench.kz', '+7702' || lpad(r::text, 7, '0'), 'Риелтор ' || r,
            'realtor', case when r % 50 = 0 then 'blocked' else 'active' end,
            case when r % 100 = 99 then 1 when r % 10 < 7 then 2 + r % ($4::int - 1) end, now(), now()
       from generate_series($2::int / $5::int + 1, ($3::int + $5::int - 1) / $5::int) r`,
    [REALTOR_ID_BASE, from, to, AGENCIES, LISTINGS_PER_REALTOR],
  );
  await client.query(
    `insert into listing (id, realtor_id, title, city, address, price_per_night, max_guests, description,
                          amenities, published, rating_avg, rating_count, created_at, updated_at)
     select n, $3::int + (n - 1) / $4::int + 1, 'Квартира №' || n, ($5::text[])[1 + floor(random() * $6)::int],
            'ул. Абая, ' || (1 + n % 200), 5000 + 500 * floor(random() ^ 2 * 111)::int, 1 + floor(random() * 8)::int,
            'Уютная квартира для посуточной аренды.',
            array(select code from unnest($7::text[], $8::float8[]) as a(code, share) where random() < share and n > 0),
            random() < 0.95, round((3 + random() * 2)::numeric, 2), floor(random() * 40)::int, now(), now()
       from generate_series($1::int + 1, $2::int) n`,
    [
      from,
      to,
      REALTOR_ID_BASE,
      LISTINGS_PER_REALTOR,
      cities,
      cities.length,
      Object.keys(AMENITY_SHARE),
      Object.values(AMENITY_SHARE),
    ],
  );
  // One slot in 25 holds a block instead of a booking.
  const slots = `select l.id as listing_id, l.realtor_id, l.price_per_night, s,
                        $3::date + 1 + s * ${SLOT_DAYS} + floor(random() * 11)::int as starts_on,
                        2 + floor(random() * 6)::int as nights, random() as r
                   from listing l cross join generate_series(0, ${SLOTS - 1}) s
                  where l.id > $1 and l.id <= $2`;
  await client.query(
    `with slot as (${slots}),
     b as (
       insert into booking (listing_id, guest_id, check_in, check_out, guests, total, status, cancelled_by,
                            created_at, confirmed_at, cancelled_at, updated_at)
       select listing_id, $4::int + 1 + floor(random() * $5)::int, starts_on, starts_on + nights,
              1 + floor(random() * 3)::int, nights * price_per_night,
              case when r < 0.10 then 'cancelled' when r < 0.15 then 'pending' else 'confirmed' end,
              case when r < 0.10 then 'guest' end, now(),
              case when r >= 0.15 then now() end, case when r < 0.10 then now() end, now()
         from slot where (listing_id + s) % 25 <> 0
       returning id, listing_id, check_in, check_out, status)
     insert into occupancy (listing_id, starts_on, ends_on, booking_id)
     select listing_id, check_in, check_out, id from b where status <> 'cancelled'`,
    [from, to, today, GUEST_ID_BASE, GUESTS],
  );
  await client.query(
    `with slot as (${slots}),
     k as (
       insert into availability_block (listing_id, starts_on, ends_on, note, created_by_id, created_at)
       select listing_id, starts_on, starts_on + nights, 'Ремонт', realtor_id, now()
         from slot where (listing_id + s) % 25 = 0
       returning id, listing_id, starts_on, ends_on)
     insert into occupancy (listing_id, starts_on, ends_on, block_id)
     select listing_id, starts_on, ends_on, id from k`,
    [from, to, today],
  );
  await client.query('commit');
  for (const table of ['agency', 'app_user', 'listing', 'booking', 'availability_block', 'occupancy']) {
    await client.query(`select setval('${table}_id_seq', (select max(id) from ${table}))`);
  }
  await client.query('vacuum analyze');
  const [counted] = (
    await client.query<{ listings: number; bookings: number; occupancy: number }>(
      `select (select count(*)::int from listing) as listings, (select count(*)::int from booking) as bookings,
              (select count(*)::int from occupancy) as occupancy`,
    )
  ).rows;
  return counted!;
}
