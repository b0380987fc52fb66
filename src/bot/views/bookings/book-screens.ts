import { nightsBetween } from '../../../domain/dates.ts';
import { addMonths, type BookContext, CALENDAR_MONTHS_AHEAD } from '../../../machines/book.machine.ts';
import type { ViewContext } from '../../flow.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatDate, formatStay } from '../../parse/date-range.ts';
import { formatTenge } from '../../parse/money.ts';
import type { InlineButton, OutgoingMessage, ReplyButton } from '../../screen.ts';
import { calendarKeyboard } from '../calendar-keyboard.ts';
import { errorText, navigationRow, withNotice } from '../keyboards.ts';
import { stayText } from './stay.ts';

/** The warning above a step: what was wrong with the last input, or the domain's refusal. */
export function bookNotice(t: Messages, context: BookContext): string | null {
  const { notice, error } = context;
  if (notice?.startsWith('dates.')) {
    return t.booking.dates[notice.slice('dates.'.length) as keyof Messages['booking']['dates']];
  }
  if (notice === 'tooManyGuests') return t.booking.tooManyGuests(context.listing?.maxGuests ?? 1);
  if (notice) return t.booking[notice as 'datesTaken' | 'datesGone' | 'badGuests' | 'useButtons' | 'payHint'];
  return error ? errorText(t, error.code) : null;
}

/** Back is offered on the first step only when there is somewhere to go back to. */
const firstStepRow = (t: Messages, context: BookContext) =>
  navigationRow(t, { back: context.request.returnTo != null });

export function needAccountScreen(context: BookContext, { t }: ViewContext): OutgoingMessage[] {
  return [
    {
      text: withNotice(bookNotice(t, context), t.booking.needAccount(context.listing?.title ?? '')),
      reply: [
        [{ text: t.menu.register, event: { type: 'cb.acct', id: 0, arg: 'register' } }],
        [{ text: t.menu.link, event: { type: 'cb.acct', id: 0, arg: 'link' } }],
        firstStepRow(t, context),
      ],
    },
  ];
}

/** The month calendar without arrows past the months one can book. */
function calendar(context: BookContext, locale: ViewContext['locale']): InlineButton[][] {
  const today = context.today!;
  const first = today.slice(0, 7);
  const month = context.month ?? first;
  const rows = calendarKeyboard({
    month,
    locale,
    firstSelectable: today,
    from: context.checkIn,
    to: context.checkOut,
  });
  const blank: InlineButton = { text: ' ', callback: { action: 'noop', id: 0 } };
  const [header, ...rest] = rows;
  if (!header) return rows;
  const [previous, title, next] = header;
  const lastMonth = addMonths(first, CALENDAR_MONTHS_AHEAD);
  return [[month > first ? previous! : blank, title!, month < lastMonth ? next! : blank], ...rest];
}

/**
 * Two messages: the step with its reply keyboard (Back: to the check-in, or to
 * where the guest came from), then the calendar with what changes while
 * picking (the check-in so far, a warning).
 */
export function datesScreen(context: BookContext, { t, locale }: ViewContext): OutgoingMessage[] {
  const prompt =
    context.checkIn && !context.checkOut
      ? t.booking.pickCheckOut(formatDate(context.checkIn))
      : t.booking.pickCheckIn;
  return [
    {
      text: t.booking.askDates(context.listing?.title ?? ''),
      // The same whatever is picked, so a press in the calendar changes only the calendar's message.
      reply: [navigationRow(t, { back: true })],
    },
    { text: withNotice(bookNotice(t, context), prompt), inline: calendar(context, locale) },
  ];
}

export function guestsScreen(context: BookContext, { t }: ViewContext): OutgoingMessage[] {
  const max = context.listing?.maxGuests ?? 1;
  const numbers: ReplyButton[] = Array.from({ length: Math.min(max, 8) }, (_, i) => ({
    text: String(i + 1),
    event: { type: 'TEXT', text: String(i + 1) },
  }));
  const rows: ReplyButton[][] = [];
  for (let i = 0; i < numbers.length; i += 4) rows.push(numbers.slice(i, i + 4));
  const stay = formatStay(context.checkIn!, context.checkOut!);
  const nights = nightsBetween(context.checkIn!, context.checkOut!);
  return [
    {
      text: withNotice(bookNotice(t, context), t.booking.askGuests(stay, nights, max)),
      reply: [...rows, navigationRow(t, { back: true })],
    },
  ];
}

const stayOf = (context: BookContext) => ({ checkIn: context.checkIn!, checkOut: context.checkOut! });

export function confirmScreen(context: BookContext, { t }: ViewContext): OutgoingMessage[] {
  const summary = stayText(context.listing!, { ...stayOf(context), guests: context.guests! });
  return [
    {
      text: withNotice(bookNotice(t, context), t.booking.summary(summary)),
      reply: [[{ text: t.buttons.confirm, event: { type: 'CONFIRM' } }], navigationRow(t, { back: true })],
    },
  ];
}

/** The booking with its Pay button, then the keyboard (Pay stays on the booking's message). */
export function paymentScreen(context: BookContext, { t }: ViewContext): OutgoingMessage[] {
  const booking = context.booking!;
  const summary = {
    ...stayText(context.listing!, { ...stayOf(context), guests: context.guests! }),
    total: formatTenge(booking.total),
  };
  return [
    {
      text: withNotice(bookNotice(t, context), t.booking.created(booking.id, summary)),
      inline: [[{ text: t.booking.pay, callback: { action: 'pay', id: booking.id } }]],
    },
    { text: t.booking.payLater, reply: [navigationRow(t)] },
  ];
}
