import { nightsBetween } from '../../../domain/dates.ts';
import type { SearchFilters } from '../../../machines/search.machine.ts';
import type { Locale, Messages } from '../../i18n/index.ts';
import { formatStay } from '../../parse/date-range.ts';
import { formatTenge } from '../../parse/money.ts';

/** A nightly price range as a label: «до 15 000 ₸», «15 000 ₸ – 25 000 ₸», «от 40 000 ₸»; null for any. */
export function priceRange(t: Messages, min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return t.search.priceBetween(formatTenge(min), formatTenge(max));
  if (max !== null) return t.search.priceUpTo(formatTenge(max));
  if (min !== null) return t.search.priceFrom(formatTenge(min));
  return null;
}

/** Amenity codes as their translated names, comma-separated. */
export function amenityNames(t: Messages, codes: readonly string[]): string {
  const names = t.search.amenities as Record<string, string>;
  return codes.map((code) => names[code] ?? code).join(', ');
}

/** A rating average as the locale writes decimals: 4,5 / 4.5. */
export function formatRating(average: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(average);
}

/** The filters of a search, one line each, «any» where a filter is not set. */
export function filterSummary(t: Messages, filters: SearchFilters): string {
  const s = t.search;
  const dates =
    filters.checkIn && filters.checkOut
      ? s.stay(
          formatStay(filters.checkIn, filters.checkOut),
          nightsBetween(filters.checkIn, filters.checkOut),
        )
      : s.anyDates;
  const price = priceRange(t, filters.priceMin, filters.priceMax);
  return [
    s.summaryTitle,
    `🏙 ${filters.city ?? s.anyCity}`,
    `📅 ${dates}`,
    `👥 ${filters.guests ? s.guestsCount(filters.guests) : s.anyGuests}`,
    `💰 ${price ? s.priceSummary(price) : s.anyPriceSummary}`,
    `✨ ${filters.amenities.length > 0 ? amenityNames(t, filters.amenities) : s.anyAmenities}`,
  ].join('\n');
}
