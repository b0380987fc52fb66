/**
 * Calendar dates of stays: `YYYY-MM-DD` strings in the Asia/Almaty time zone.
 * Check-in is inclusive, check-out exclusive. Arithmetic runs on UTC midnights,
 * which has no DST to trip over.
 */
export const TIME_ZONE = 'Asia/Almaty';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const almatyFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Almaty at instant `now`. */
export function almatyToday(now: Date): string {
  return almatyFormatter.format(now);
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Nights between check-in and check-out (check-out − check-in in days). */
export function nightsBetween(checkIn: string, checkOut: string): number {
  return Math.round((toUtc(checkOut) - toUtc(checkIn)) / DAY_MS);
}

/** First day of the month of `date`. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** First day of the month after `date`'s month. */
export function nextMonthStart(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** Every date from `from` (inclusive) to `to` (exclusive). */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The instant Almaty's day `date` begins (UTC+5, no DST). */
export function almatyMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+05:00`);
}
