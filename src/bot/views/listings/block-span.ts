import { addDays, nightsBetween } from '../../../domain/dates.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatDate } from '../../parse/date-range.ts';

/**
 * The nights a block closes, as a realtor reads them: the first and the last
 * night and the day the listing is free again (`endsOn` is exclusive, like a
 * guest's check-out).
 */
export function blockSpan(t: Messages, startsOn: string, endsOn: string): string {
  return t.blockDates.span(
    formatDate(startsOn),
    formatDate(addDays(endsOn, -1)),
    nightsBetween(startsOn, endsOn),
    formatDate(endsOn),
  );
}
