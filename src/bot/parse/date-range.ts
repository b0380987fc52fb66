import { isIsoDate, nightsBetween } from '../../domain/dates.ts';
import { DATE_SEPARATOR, fullYear, isoOf, WRITTEN_DATE } from './typed-date.ts';

export type DateRangeProblem = 'format' | 'order' | 'past' | 'tooLong';
export type DateRangeParse =
  | { ok: true; checkIn: string; checkOut: string }
  | { ok: false; problem: DateRangeProblem };

const RANGE = new RegExp(`^${WRITTEN_DATE}${DATE_SEPARATOR}${WRITTEN_DATE}$`);

/**
 * Reads a typed stay like `12.12–15.12`, `12.12-15.12`, `12.12.2026 - 15.12.2026`.
 * Without a year a date means its next occurrence from `today` (a check-out
 * earlier in the year than the check-in rolls into the next year).
 * Check-out must be after check-in, check-in not before today, at most `maxNights`.
 */
export function parseDateRange(text: string, today: string, maxNights = 90): DateRangeParse {
  const match = RANGE.exec(text.trim());
  if (!match) return { ok: false, problem: 'format' };
  const [, d1, m1, y1, d2, m2, y2] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
    string,
    string | undefined,
  ];
  const thisYear = Number(today.slice(0, 4));
  let checkIn = isoOf(d1, m1, fullYear(y1) ?? thisYear);
  if (!y1 && checkIn < today) checkIn = isoOf(d1, m1, thisYear + 1);
  const inYear = Number(checkIn.slice(0, 4));
  let checkOut = isoOf(d2, m2, fullYear(y2) ?? inYear);
  if (!y2 && checkOut <= checkIn) checkOut = isoOf(d2, m2, inYear + 1);
  if (!isIsoDate(checkIn) || !isIsoDate(checkOut)) return { ok: false, problem: 'format' };
  if (checkOut <= checkIn) return { ok: false, problem: 'order' };
  if (checkIn < today) return { ok: false, problem: 'past' };
  if (nightsBetween(checkIn, checkOut) > maxNights) return { ok: false, problem: 'tooLong' };
  return { ok: true, checkIn, checkOut };
}

/** `2026-12-12` → `12.12.2026`, the way people in Kazakhstan write dates. */
export function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** A stay as `12.12.2026 – 15.12.2026`. */
export function formatStay(checkIn: string, checkOut: string): string {
  return `${formatDate(checkIn)} – ${formatDate(checkOut)}`;
}
