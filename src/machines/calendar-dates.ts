import { shiftMonth } from '../bot/views/calendar-keyboard.ts';

/*
 * Dates picked on a calendar or typed as a range, as the search and block
 * dates flows read them.
 */

/** The notice for each reason `parseDateRange` refuses a typed range. */
export const DATE_NOTICES = {
  format: 'datesFormat',
  order: 'datesOrder',
  past: 'datesPast',
  tooLong: 'datesTooLong',
} as const;

/** `month` (YYYY-MM) kept within the months a calendar pages: today's month up to `monthsAhead` after it. */
export function clampMonth(month: string, today: string, monthsAhead: number): string {
  const first = today.slice(0, 7);
  let last = first;
  for (let i = 0; i < monthsAhead; i++) last = shiftMonth(last, 1);
  return month < first ? first : month > last ? last : month;
}
