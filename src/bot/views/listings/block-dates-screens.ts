import type { BlockDatesContext } from '../../../machines/block-dates.machine.ts';
import type { ViewContext } from '../../flow.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatDate, formatStay } from '../../parse/date-range.ts';
import type { OutgoingMessage } from '../../screen.ts';
import { calendarKeyboard } from '../calendar-keyboard.ts';
import { errorText, navigationRow, withNotice } from '../keyboards.ts';
import { blockSpan } from './block-span.ts';

/** Why the last answer or the save did not go through; null when nothing went wrong. */
export function blockNotice(t: Messages, context: BlockDatesContext): string | null {
  const { conflict } = context;
  if (conflict) {
    return t.blockDates.conflict(
      conflict.id,
      conflict.guestName,
      formatStay(conflict.checkIn, conflict.checkOut),
      t.myListings.bookingStatus[conflict.status],
    );
  }
  if (context.notice) return t.blockDates[context.notice];
  return context.error ? errorText(t, context.error.code) : null;
}

/**
 * Two messages, as in search: the step with its reply keyboard, then the
 * calendar with the listing's booked and blocked days. Paging months and the
 * first tap change only the calendar's message, which is edited in place.
 */
export function datesScreen(context: BlockDatesContext, { t, locale }: ViewContext): OutgoingMessage[] {
  const pending = context.pendingStart;
  const prompt = pending ? t.blockDates.pickEnd(formatDate(pending)) : t.blockDates.pickStart;
  return [
    { text: t.blockDates.askDates(context.title), reply: [navigationRow(t, { back: true })] },
    {
      text: withNotice(blockNotice(t, context), prompt),
      inline: calendarKeyboard({
        month: context.month,
        locale,
        firstSelectable: context.today,
        from: pending,
        marks: context.days,
      }),
    },
  ];
}

const span = (t: Messages, context: BlockDatesContext) => blockSpan(t, context.startsOn!, context.endsOn!);

export function noteScreen(context: BlockDatesContext, { t }: ViewContext): OutgoingMessage[] {
  return [
    {
      text: withNotice(blockNotice(t, context), t.blockDates.askNote(span(t, context))),
      reply: [[{ text: t.buttons.skip, event: { type: 'SKIP' } }], navigationRow(t, { back: true })],
    },
  ];
}

export function summaryScreen(context: BlockDatesContext, { t }: ViewContext): OutgoingMessage[] {
  return [
    {
      text: withNotice(
        blockNotice(t, context),
        t.blockDates.summary(context.title, span(t, context), context.note),
      ),
      reply: [
        [{ text: t.buttons.confirm, event: { type: 'CONFIRM' } }],
        [
          { text: t.buttons.edit, event: { type: 'EDIT' } },
          { text: t.buttons.back, event: { type: 'BACK' } },
        ],
        [{ text: t.buttons.cancel, event: { type: 'CANCEL' } }],
      ],
    },
  ];
}
