import pg from 'pg';
import pino from 'pino';
import { createJobQueue } from '../src/db/job-queue.ts';
import { createOrm, type Em, migrateToLatest } from '../src/db/orm.ts';
import { AMENITIES } from '../src/domain/amenities.ts';
import { systemClock } from '../src/domain/clock.ts';
import { addDays, almatyToday } from '../src/domain/dates.ts';
import { createDomain, type Domain } from '../src/domain/index.ts';
import type { SearchInput } from '../src/domain/search.service.ts';
import { createSecrets } from '../src/domain/secrets.ts';
import {
  BENCH_CITIES,
  createSearchDatabase,
  type LoadedCounts,
  loadListings,
  loadPeople,
} from './search-data.ts';
import { ms, padLeft, percentile } from './stats.ts';

/**
 * The search part of `npm run bench` (PostgreSQL only): the real
 * `domain.search.search` through the ORM, as the bot calls it, at 10,000 and
 * 100,000 listings with about ten bookings each. Each query is a random city
 * (weighted like the listings), a 2–7 night stay within five months, a price
 * range, two amenities and a number of guests; the first page of 5 and the
 * total, so both of the service's statements count.
 */
export const SEARCH_SIZES = [10_000, 100_000];
export const SEARCH_TARGET_P95_MS = 20;
const WARM_UP = 30;
const QUERIES = 300;

/** Per-night price ranges a guest picks (tenge); null is open. */
const PRICE_RANGES: [min: number | null, max: number | null][] = [
  [null, 15_000],
  [15_000, 25_000],
  [25_000, 40_000],
  [40_000, null],
  [10_000, 30_000],
];

/** The query whose plan is printed: the busiest city, a typical stay and filters. */
const EXPLAINED = (today: string): SearchInput => ({
  city: 'Алматы',
  checkIn: addDays(today, 30),
  checkOut: addDays(today, 33),
  guests: 2,
  priceMin: 15_000,
  priceMax: 25_000,
  amenities: ['wifi', 'kitchen'],
});

export interface SearchSizeResult extends LoadedCounts {
  loadSeconds: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Mean of the results' totals (listings matching and free). */
  meanTotal: number;
}

/** Deterministic random numbers (mulberry32), so every run asks the same queries. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function queryMaker(today: string, seed: number): () => SearchInput {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cities = BENCH_CITIES.flatMap(([city, weight]) => Array<string>(weight).fill(city));
  return () => {
    const checkIn = addDays(today, 1 + Math.floor(random() * 150));
    const [priceMin, priceMax] = pick(PRICE_RANGES);
    const first = pick(AMENITIES);
    let second = pick(AMENITIES);
    while (second === first) second = pick(AMENITIES);
    return {
      city: pick(cities),
      checkIn,
      checkOut: addDays(checkIn, 2 + Math.floor(random() * 6)),
      guests: 1 + Math.floor(random() * 4),
      priceMin,
      priceMax,
      amenities: [first, second],
    };
  };
}

async function measure(domain: Domain, fork: () => Em, next: () => SearchInput) {
  for (let i = 0; i < WARM_UP; i++) await domain.search.search(fork(), null, next());
  const samples: number[] = [];
  let totals = 0;
  for (let i = 0; i < QUERIES; i++) {
    const input = next();
    const started = performance.now();
    const page = await domain.search.search(fork(), null, input);
    samples.push(performance.now() - started);
    totals += page.total;
  }
  samples.sort((a, b) => a - b);
  return {
    queries: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.at(-1)!,
    meanTotal: totals / samples.length,
  };
}

/**
 * Runs `input` through the service with `execute` recorded, then prints
 * `EXPLAIN (ANALYZE, BUFFERS)` of each statement it sent, as sent.
 */
async function explain(domain: Domain, em: Em, input: SearchInput): Promise<void> {
  const sent: { sql: string; params: unknown[] }[] = [];
  const execute = em.execute.bind(em);
  // Recording wrapper around the fork's own method; the signature is the ORM's overloads, hence the cast.
  em.execute = ((sql: string, params: unknown[] = []) => {
    sent.push({ sql, params });
    return execute(sql, params as never);
  }) as typeof em.execute;
  await domain.search.search(em, null, input);
  em.execute = execute;
  for (const { sql, params } of sent) {
    const rows = await em.execute<{ 'QUERY PLAN': string }[]>(
      `explain (analyze, buffers, costs off) ${sql}`,
      params as never,
    );
    console.log(`\n  ${sql.replace(/\s+/g, ' ').trim().slice(0, 160)}…`);
    for (const row of rows) console.log(`    ${row['QUERY PLAN']}`);
  }
}

function printHeader(): void {
  console.log(
    `  ${padLeft('listings', 9)}${padLeft('bookings', 10)}${padLeft('occupancy', 11)}${padLeft('load s', 8)}` +
      `${padLeft('queries', 9)}${padLeft('p50 ms', 9)}${padLeft('p95 ms', 9)}${padLeft('p99 ms', 9)}` +
      `${padLeft('max ms', 9)}   matches per query (mean)`,
  );
}

function printSize(result: SearchSizeResult): void {
  console.log(
    `  ${padLeft(result.listings, 9)}${padLeft(result.bookings, 10)}${padLeft(result.occupancy, 11)}` +
      `${padLeft(result.loadSeconds.toFixed(1), 8)}${padLeft(result.queries, 9)}${padLeft(ms(result.p50), 9)}` +
      `${padLeft(ms(result.p95), 9)}${padLeft(ms(result.p99), 9)}${padLeft(ms(result.max), 9)}` +
      `   ${result.meanTotal.toFixed(1)}`,
  );
}

/** Loads, measures and explains at each size in a throw-away database next to `databaseUrl`'s. */
export async function runSearchBench(databaseUrl: string): Promise<SearchSizeResult[]> {
  const opening = performance.now();
  const server = await createSearchDatabase(databaseUrl);
  const orm = await createOrm({ databaseUrl: server.url });
  const loader = new pg.Client({ connectionString: server.url });
  const jobs = createJobQueue({
    orm,
    databaseUrl: server.url,
    logger: pino({ level: 'silent' }),
    background: false,
  });
  try {
    await migrateToLatest(orm);
    await jobs.start();
    await loader.connect();
    const domain = createDomain({
      clock: systemClock,
      jobs,
      secrets: createSecrets('bench-secret-bench-secret-bench-secret-0123456789'),
    });
    const today = almatyToday(systemClock.now());
    const fork = () => orm.em.fork();
    await loadPeople(loader);
    console.log(
      `\nsearch on PostgreSQL: domain.search.search (first page of 5 + total), random city + 2–7 nights + ` +
        `price range + 2 amenities + guests  (ready in ${((performance.now() - opening) / 1000).toFixed(1)} s)`,
    );
    printHeader();
    const results: SearchSizeResult[] = [];
    let loaded = 0;
    for (const size of SEARCH_SIZES) {
      const loading = performance.now();
      const counts = await loadListings(loader, loaded, size, today);
      const loadSeconds = (performance.now() - loading) / 1000;
      loaded = size;
      const result = { ...counts, loadSeconds, ...(await measure(domain, fork, queryMaker(today, size))) };
      results.push(result);
      printSize(result);
    }
    const input = EXPLAINED(today);
    console.log(
      `\n  plan at ${loaded} listings for ${input.city}, ${input.checkIn} → ${input.checkOut}, ` +
        `${input.priceMin}–${input.priceMax} ₸, ${input.amenities?.join(' + ')}, ${input.guests} guests:`,
    );
    await explain(domain, fork(), input);
    return results;
  } finally {
    await loader.end().catch(() => undefined);
    await jobs.stop();
    await orm.close();
    await server.drop();
  }
}

/** The target row for `printTargets`: p95 at the largest size. */
export function searchTarget(results: SearchSizeResult[]): { label: string; figure: string; ok: boolean } {
  const largest = results.at(-1)!;
  return {
    label: `PostgreSQL search: p95 ≤ ${SEARCH_TARGET_P95_MS} ms at ${largest.listings.toLocaleString('en')} listings`,
    figure: `${ms(largest.p95)} ms`,
    ok: largest.p95 <= SEARCH_TARGET_P95_MS,
  };
}
