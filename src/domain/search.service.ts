import { z } from 'zod';
import { Listing, Review } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { type MaybeActor, requireActive } from './actor.ts';
import { AMENITIES } from './amenities.ts';
import { cityKey, citySqlKey, DEFAULT_CITIES } from './cities.ts';
import { almatyToday } from './dates.ts';
import type { DomainDeps } from './deps.ts';
import { NotFound } from './errors.ts';
import { MAX_PRICE_PER_NIGHT } from './listings/fields.ts';
import { type Stay, stayFields, stayOf } from './listings/stay.ts';
import { FREE_FOR_STAY_SQL, VISIBLE_LISTINGS_FROM, VISIBLE_LISTINGS_WHERE } from './listings/visibility.ts';
import { idSchema, type Page, pageOf, parseInput } from './validation.ts';

/** One search result. `nights` and `total` are null when no dates were given. */
export interface SearchResult {
  listingId: number;
  title: string;
  city: string;
  pricePerNight: number;
  nights: number | null;
  /** nights × price per night, integer tenge. */
  total: number | null;
  ratingAvg: number;
  ratingCount: number;
  photoFileId: string | null;
  maxGuests: number;
}

export interface ReviewSnippet {
  rating: number;
  text: string;
  /** The author's first name only. */
  authorName: string;
  createdAt: Date;
}

/** The card a guest opens with «Подробнее». */
export interface ListingDetails {
  listingId: number;
  title: string;
  city: string;
  address: string | null;
  pricePerNight: number;
  maxGuests: number;
  description: string;
  amenities: string[];
  photoFileId: string | null;
  ratingAvg: number;
  ratingCount: number;
  /** The latest reviews, newest first (at most LATEST_REVIEWS). */
  reviews: ReviewSnippet[];
  realtorName: string;
  /** False when the owner looks at a listing guests cannot see. */
  visible: boolean;
  nights: number | null;
  total: number | null;
  /** Whether the given dates are free; null without dates. */
  available: boolean | null;
}

export const MAX_SEARCH_PAGE_SIZE = 20;
export const LATEST_REVIEWS = 3;

const priceSchema = z.number().int().min(0).max(MAX_PRICE_PER_NIGHT);

const searchSchema = z
  .object({
    city: z.string().trim().min(1).max(100).nullish(),
    ...stayFields,
    guests: z.number().int().min(1).max(50).nullish(),
    priceMin: priceSchema.nullish(),
    priceMax: priceSchema.nullish(),
    /** Every one of them must be present. */
    amenities: z.array(z.enum(AMENITIES)).nullish(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(MAX_SEARCH_PAGE_SIZE).default(5),
  })
  .superRefine((filters, ctx) => {
    if (filters.priceMin != null && filters.priceMax != null && filters.priceMin > filters.priceMax) {
      ctx.addIssue({ code: 'custom', path: ['priceMax'], message: 'below priceMin' });
    }
  });
export type SearchInput = z.input<typeof searchSchema>;

const detailsSchema = z.object({ listingId: idSchema, ...stayFields });
export type DetailsInput = z.input<typeof detailsSchema>;

interface ResultRow {
  id: number;
  title: string;
  city: string;
  price_per_night: number;
  rating_avg: string | number;
  rating_count: number;
  photo_file_id: string | null;
  max_guests: number;
}

/** A blocked person gets nothing; anyone else, account or not, may search. */
function requireNotBlocked(actor: MaybeActor): void {
  if (actor) requireActive(actor);
}

function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}

/**
 * Guest-facing search over visible listings: published, by an active
 * realtor whose agency (if any) is active. Open to everyone, even without
 * an account.
 */
export function createSearchService(deps: DomainDeps) {
  const today = () => almatyToday(deps.clock.now());

  return {
    /**
     * Listings matching every given filter and free for the whole stay,
     * cheapest first (ties by id, so pages never shuffle). City matches
     * case- and ё/е-insensitively; `amenities` means all of them.
     */
    async search(em: Em, actor: MaybeActor, input: SearchInput = {}): Promise<Page<SearchResult>> {
      requireNotBlocked(actor);
      const filters = parseInput(searchSchema, input);
      const stay = stayOf(filters, today());
      const conditions = [VISIBLE_LISTINGS_WHERE];
      const params: unknown[] = [];
      if (filters.city) {
        conditions.push(`${citySqlKey('l.city')} = ?`);
        params.push(cityKey(filters.city));
      }
      if (filters.guests != null) {
        conditions.push('l.max_guests >= ?');
        params.push(filters.guests);
      }
      if (filters.priceMin != null) {
        conditions.push('l.price_per_night >= ?');
        params.push(filters.priceMin);
      }
      if (filters.priceMax != null) {
        conditions.push('l.price_per_night <= ?');
        params.push(filters.priceMax);
      }
      if (filters.amenities?.length) {
        // MikroORM expands an array parameter into a comma list: array['wifi', 'tv'].
        conditions.push('l.amenities @> array[?]::text[]');
        params.push(filters.amenities);
      }
      if (stay) {
        conditions.push(FREE_FOR_STAY_SQL);
        params.push(stay.checkIn, stay.checkOut);
      }
      const where = conditions.join(' and ');
      const { page, pageSize } = filters;
      // One pass: the matching ids with their count (the window runs before LIMIT), cheapest first,
      // read from the search indexes alone; only the page's rows are then fetched from the table.
      const rows = await em.execute<(ResultRow & { total: number })[]>(
        `select r.id, r.title, r.city, r.price_per_night, r.rating_avg, r.rating_count, r.photo_file_id,
                r.max_guests, m.total
           from (select l.id, l.price_per_night, (count(*) over ())::int as total
                   from ${VISIBLE_LISTINGS_FROM}
                  where ${where}
                  order by l.price_per_night asc, l.id asc
                  limit ? offset ?) m
           join listing r on r.id = m.id
          order by m.price_per_night asc, m.id asc`,
        [...params, pageSize, (page - 1) * pageSize],
      );
      // A page past the end carries no count; only then is it asked for on its own.
      const total = rows[0] ? rows[0].total : page === 1 ? 0 : await countMatching(em, where, params);
      const items = rows.map((row) => resultOf(row, stay));
      return pageOf(items, total, page, pageSize);
    },

    /** Cities that have visible listings, tidy and sorted; the default list when there are none. */
    async knownCities(em: Em): Promise<string[]> {
      const rows = await em.execute<{ city: string; listings: number }[]>(
        `select l.city, count(*)::int as listings from ${VISIBLE_LISTINGS_FROM}
          where ${VISIBLE_LISTINGS_WHERE} group by l.city`,
      );
      // Spellings that differ only in case or ё/е are one city, named as most of its listings name it.
      rows.sort((a, b) => b.listings - a.listings || a.city.localeCompare(b.city, 'ru'));
      const byKey = new Map<string, string>();
      for (const { city } of rows) if (!byKey.has(cityKey(city))) byKey.set(cityKey(city), city);
      const cities = [...byKey.values()].sort((a, b) => a.localeCompare(b, 'ru'));
      return cities.length > 0 ? cities : [...DEFAULT_CITIES];
    },

    /**
     * The full card of a visible listing (its owner also sees it while hidden),
     * with the latest reviews and, when dates are given, the total and whether
     * they are free. A hidden listing is `not_found` for everyone else.
     */
    async details(em: Em, actor: MaybeActor, input: DetailsInput): Promise<ListingDetails> {
      requireNotBlocked(actor);
      const { listingId, ...dates } = parseInput(detailsSchema, input);
      const stay = stayOf(dates, today());
      const [visibleRow] = await em.execute<{ id: number }[]>(
        `select l.id from ${VISIBLE_LISTINGS_FROM} where ${VISIBLE_LISTINGS_WHERE} and l.id = ?`,
        [listingId],
      );
      const listing = await em.findOne(Listing, listingId, { populate: ['realtor'] });
      const visible = visibleRow !== undefined;
      const isOwner = actor !== null && listing?.realtor.id === actor.id;
      if (!listing || (!visible && !isOwner)) throw new NotFound('listing', listingId);
      const reviews = await em.find(
        Review,
        { listing: listing.id },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: LATEST_REVIEWS, populate: ['author'] },
      );
      const available = stay ? await isFree(em, listing.id, stay) : null;
      return {
        listingId: listing.id,
        title: listing.title,
        city: listing.city,
        address: listing.address ?? null,
        pricePerNight: listing.pricePerNight,
        maxGuests: listing.maxGuests,
        description: listing.description,
        amenities: [...listing.amenities],
        photoFileId: listing.photoFileId ?? null,
        ratingAvg: Number(listing.ratingAvg),
        ratingCount: listing.ratingCount,
        reviews: reviews.map((review) => ({
          rating: review.rating,
          text: review.text,
          authorName: firstName(review.author.fullName),
          createdAt: review.createdAt,
        })),
        realtorName: listing.realtor.fullName,
        visible,
        nights: stay?.nights ?? null,
        total: stay ? stay.nights * listing.pricePerNight : null,
        available,
      };
    },
  };
}

function resultOf(row: ResultRow, stay: Stay | null): SearchResult {
  return {
    listingId: row.id,
    title: row.title,
    city: row.city,
    pricePerNight: row.price_per_night,
    nights: stay?.nights ?? null,
    total: stay ? stay.nights * row.price_per_night : null,
    ratingAvg: Number(row.rating_avg),
    ratingCount: row.rating_count,
    photoFileId: row.photo_file_id,
    maxGuests: row.max_guests,
  };
}

async function countMatching(em: Em, where: string, params: unknown[]): Promise<number> {
  const [row] = await em.execute<{ total: number }[]>(
    `select count(*)::int as total from ${VISIBLE_LISTINGS_FROM} where ${where}`,
    params,
  );
  return row?.total ?? 0;
}

async function isFree(em: Em, listingId: number, stay: Stay): Promise<boolean> {
  const [row] = await em.execute<{ id: number }[]>(
    `select l.id from listing l where l.id = ? and ${FREE_FOR_STAY_SQL}`,
    [listingId, stay.checkIn, stay.checkOut],
  );
  return row !== undefined;
}
