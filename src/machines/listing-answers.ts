import { parseTenge } from '../bot/parse/money.ts';
import { listingFields } from '../domain/listings/fields.ts';

/** The typed steps of the add-listing wizard, named as the wizard's states. */
export const TYPED_FIELDS = ['title', 'city', 'price', 'guests', 'description'] as const;
export type TypedField = (typeof TYPED_FIELDS)[number];

/** The listing field each typed step sets, named as the domain names it. */
export const LISTING_KEY = {
  title: 'title',
  city: 'city',
  price: 'pricePerNight',
  guests: 'maxGuests',
  description: 'description',
} as const satisfies Record<TypedField, keyof typeof listingFields>;

/** Why a typed answer was not taken; the wizard shows it above the same step. */
export type ListingNotice =
  | 'titleShort'
  | 'titleLong'
  | 'cityBad'
  | 'cityLong'
  | 'badPrice'
  | 'priceTooHigh'
  | 'badGuests'
  | 'descriptionShort'
  | 'descriptionLong'
  | 'photoExpected';

/** A typed answer read: the value the domain will take, or why not. */
export type Answer<T> = { value: T } | { notice: ListingNotice };

/** Whether zod refused a value for being too small (too short, below the minimum). */
const tooSmall = (issues: readonly { code: string }[]) => issues[0]?.code === 'too_small';

/**
 * Each typed field checked with the domain's own schema (src/domain/listings/fields.ts),
 * so the domain never refuses what the wizard took. The wizard is only stricter
 * where the schema is silent: a city needs a letter, a price must be written as
 * whole tenge.
 */
export const readAnswer: { [F in TypedField]: (text: string) => Answer<string | number> } = {
  title(text) {
    const parsed = listingFields.title.safeParse(text);
    if (parsed.success) return { value: parsed.data };
    return { notice: tooSmall(parsed.error.issues) ? 'titleShort' : 'titleLong' };
  },
  city(text) {
    if (!/\p{L}/u.test(text)) return { notice: 'cityBad' };
    const parsed = listingFields.city.safeParse(text);
    if (parsed.success) return { value: parsed.data };
    return { notice: tooSmall(parsed.error.issues) ? 'cityBad' : 'cityLong' };
  },
  price(text) {
    const amount = parseTenge(text);
    if (amount === null) return { notice: 'badPrice' };
    const parsed = listingFields.pricePerNight.safeParse(amount);
    return parsed.success ? { value: parsed.data } : { notice: 'priceTooHigh' };
  },
  guests(text) {
    const trimmed = text.trim();
    if (!/^\d{1,3}$/.test(trimmed)) return { notice: 'badGuests' };
    const parsed = listingFields.maxGuests.safeParse(Number(trimmed));
    return parsed.success ? { value: parsed.data } : { notice: 'badGuests' };
  },
  description(text) {
    const parsed = listingFields.description.safeParse(text);
    if (parsed.success) return { value: parsed.data };
    return { notice: tooSmall(parsed.error.issues) ? 'descriptionShort' : 'descriptionLong' };
  },
};
