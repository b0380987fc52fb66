import { TIME_ZONE } from '../../../domain/dates.ts';

const day = new Intl.DateTimeFormat('ru-RU', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** An instant (ISO) as its Almaty calendar day, `12.11.2026`: when an account or agency appeared. */
export function formatDay(iso: string): string {
  return day.format(new Date(iso));
}
