import { addDays, monthStart, nextMonthStart } from '../../domain/dates.ts';
import type { Locale } from '../i18n/index.ts';
import type { InlineButton } from '../screen.ts';

export type DayMark = 'free' | 'booked' | 'blocked';

export interface CalendarOptions {
  /** The month shown, `YYYY-MM`. */
  month: string;
  locale: Locale;
  /** Days before this are shown but not selectable. */
  firstSelectable?: string;
  /** The chosen range (check-in, and check-out once picked), highlighted. */
  from?: string | null;
  to?: string | null;
  /** Per-day marks (a realtor's calendar): 🟢 free, 🔴 booked, ⛔ blocked. */
  marks?: Record<string, DayMark>;
}

const MARK: Record<DayMark, string> = { free: '', booked: '🔴', blocked: '⛔' };

/** `2026-12-05` → 20261205, the id a day button carries. */
export const dayId = (date: string) => Number(date.replaceAll('-', ''));
/** 20261205 → `2026-12-05`. */
export const dateOfDayId = (id: number) => {
  const text = String(id).padStart(8, '0');
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
};
/** `2026-12` ↔ 202612. */
export const monthId = (month: string) => Number(month.replace('-', ''));
export const monthOfId = (id: number) => `${String(id).slice(0, 4)}-${String(id).slice(4, 6)}`;

/** The month after / before `YYYY-MM`. */
export const shiftMonth = (month: string, by: 1 | -1) =>
  by === 1 ? nextMonthStart(`${month}-01`).slice(0, 7) : monthStart(addDays(`${month}-01`, -1)).slice(0, 7);

/**
 * An inline month calendar: ◀ Month ▶, weekday names, and a button per day
 * (Monday first). Days before `firstSelectable` are dots; chosen days are
 * bracketed; marks show a realtor's booked and blocked days.
 */
export function calendarKeyboard(options: CalendarOptions): InlineButton[][] {
  const { month, locale } = options;
  const first = `${month}-01`;
  const title = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${first}T00:00:00Z`));
  const noop = { action: 'noop' as const, id: 0 };
  const rows: InlineButton[][] = [
    [
      { text: '◀', callback: { action: 'month', id: monthId(shiftMonth(month, -1)) } },
      { text: title.charAt(0).toLocaleUpperCase(locale) + title.slice(1), callback: noop },
      { text: '▶', callback: { action: 'month', id: monthId(shiftMonth(month, 1)) } },
    ],
    (locale === 'ru'
      ? ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс']
      : ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']
    ).map((name) => ({ text: name, callback: noop })),
  ];
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  let week: InlineButton[] = Array.from({ length: weekday }, () => ({ text: ' ', callback: noop }));
  const end = nextMonthStart(first);
  for (let day = first; day < end; day = addDays(day, 1)) {
    const number = String(Number(day.slice(8)));
    const chosen = day === options.from || day === options.to;
    const inRange = options.from && options.to && day > options.from && day < options.to;
    const selectable = !options.firstSelectable || day >= options.firstSelectable;
    const dayMark = options.marks?.[day];
    const mark = dayMark ? MARK[dayMark] : '';
    const text = !selectable ? '·' : chosen ? `[${number}]` : inRange ? `•${number}` : `${mark}${number}`;
    week.push({ text, callback: selectable ? { action: 'day', id: dayId(day) } : noop });
    if (week.length === 7) {
      rows.push(week);
      week = [];
    }
  }
  if (week.length > 0) {
    while (week.length < 7) week.push({ text: ' ', callback: noop });
    rows.push(week);
  }
  return rows;
}
