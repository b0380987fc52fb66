import { EXPORT_MAX_DAYS } from '../../domain/admin/bookings-export.ts';
import { isIsoDate, nightsBetween } from '../../domain/dates.ts';
import { fullYear, isoOf } from './typed-date.ts';

// A report period names both years (past periods are the point): `dd.mm.yyyy`, also `..` between.
const DATE = String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})`;
const PERIOD = new RegExp(`^${DATE}\\s*(?:-|–|—|\\.\\.|\\s)\\s*${DATE}$`);

/**
 * Reads a typed report period such as `01.10.2026–31.10.2026` (also `-`, `—`,
 * a space, two-digit years): both days included, dates in order, at most
 * `maxDays` days (default: what one export covers). Null for anything else — past periods are the point,
 * so unlike a stay no date is too early.
 */
export function parsePeriod(text: string, maxDays = EXPORT_MAX_DAYS): { from: string; to: string } | null {
  const match = PERIOD.exec(text.trim());
  if (!match) return null;
  const [, d1 = '', m1 = '', y1 = '', d2 = '', m2 = '', y2 = ''] = match;
  const from = isoOf(d1, m1, fullYear(y1) ?? 0);
  const to = isoOf(d2, m2, fullYear(y2) ?? 0);
  if (!isIsoDate(from) || !isIsoDate(to) || to < from) return null;
  return nightsBetween(from, to) < maxDays ? { from, to } : null;
}
