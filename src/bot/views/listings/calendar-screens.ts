import { addDays } from '../../../domain/dates.ts';
import type { BlockBrief, CalendarPage, MyListingsContext } from '../../../machines/my-listings.machine.ts';
import type { ViewContext } from '../../flow.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatStay } from '../../parse/date-range.ts';
import { formatTenge } from '../../parse/money.ts';
import type { OutgoingMessage } from '../../screen.ts';
import { calendarKeyboard, type DayMark, monthId } from '../calendar-keyboard.ts';
import { blockSpan } from './block-span.ts';
import { noticeLine, withLine } from './list-screens.ts';

/** The calendar's occupied days as the keyboard marks them. */
export function marksOf(calendar: CalendarPage): Record<string, DayMark> {
  return Object.fromEntries(Object.entries(calendar.days).map(([date, day]) => [date, day.state]));
}

/** The month view: ◀ ▶, a button per day (🔴 booked, ⛔ blocked), «Добавить блок», back to the card. */
export function calendarMessage({ t, locale }: ViewContext, context: MyListingsContext): OutgoingMessage {
  const card = context.card!;
  const calendar = context.calendar!;
  const text = `${t.myListings.calendarTitle(card.title)}\n${t.myListings.legend}`;
  return {
    text: withLine(noticeLine(t, context), text),
    inline: [
      ...calendarKeyboard({ month: calendar.month, locale, marks: marksOf(calendar) }),
      [{ text: t.myListings.buttons.addBlock, callback: { action: 'addblock', id: card.id } }],
      [{ text: t.myListings.buttons.toCard, callback: { action: 'listing', id: card.id } }],
    ],
  };
}

/** A booked day tapped: who, when, how many, how much, in what status. */
export function bookingMessage(t: Messages, context: MyListingsContext): OutgoingMessage {
  const booking = context.booking!;
  const m = t.myListings;
  return {
    text: [
      m.bookingTitle(booking.id, context.card!.title),
      m.guest(booking.guestName, booking.guestPhone),
      m.stay(formatStay(booking.checkIn, booking.checkOut), booking.nights, booking.guests),
      m.total(formatTenge(booking.total)),
      m.bookingStatus[booking.status],
    ].join('\n'),
    inline: [
      [{ text: m.buttons.toCalendar, callback: { action: 'month', id: monthId(context.calendar!.month) } }],
    ],
  };
}

/**
 * The block a tapped day belongs to: from the listing's blocks, or (a block
 * that has ended, which that list leaves out) the run of its days this month.
 */
export function blockOfDay(calendar: CalendarPage, blockId: number): BlockBrief {
  const known = calendar.blocks.find((block) => block.id === blockId);
  if (known) return known;
  const dates = Object.entries(calendar.days)
    .filter(([, day]) => day.state === 'blocked' && day.id === blockId)
    .map(([date]) => date)
    .sort();
  const first = dates[0] ?? `${calendar.month}-01`;
  return { id: blockId, startsOn: first, endsOn: addDays(dates.at(-1) ?? first, 1), note: null };
}

/** A blocked day tapped: «Да, снять блок» / «Нет» (the month again). */
export function confirmUnblockMessage(t: Messages, context: MyListingsContext): OutgoingMessage {
  const calendar = context.calendar!;
  const block = blockOfDay(calendar, context.dayTarget!);
  return {
    text: t.myListings.confirmUnblock(blockSpan(t, block.startsOn, block.endsOn), block.note),
    inline: [
      [
        { text: t.myListings.buttons.yesUnblock, callback: { action: 'unblock', id: block.id } },
        { text: t.myListings.buttons.no, callback: { action: 'month', id: monthId(calendar.month) } },
      ],
    ],
  };
}
