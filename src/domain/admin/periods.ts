import { addDays, almatyMidnight, almatyToday, monthStart, nextMonthStart } from '../dates.ts';

/** A half-open interval of instants, [from, to). */
export interface InstantRange {
  from: Date;
  to: Date;
}

/** The Almaty calendar month containing `now`, as instants. */
export function almatyMonthOf(now: Date): InstantRange & { month: string } {
  const today = almatyToday(now);
  return {
    month: today.slice(0, 7),
    from: almatyMidnight(monthStart(today)),
    to: almatyMidnight(nextMonthStart(today)),
  };
}

/** The `days` Almaty days ending with today (inclusive), oldest first. */
export function lastAlmatyDays(now: Date, days: number): string[] {
  const today = almatyToday(now);
  return Array.from({ length: days }, (_, index) => addDays(today, index - days + 1));
}
