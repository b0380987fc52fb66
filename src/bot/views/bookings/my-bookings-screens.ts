import type { MyBookingItem, MyBookingsContext } from '../../../machines/my-bookings.machine.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatStay } from '../../parse/date-range.ts';
import { formatTenge } from '../../parse/money.ts';
import type { InlineButton, OutgoingMessage } from '../../screen.ts';
import { errorText } from '../keyboards.ts';
import { bookingListMessage } from './booking-list-message.ts';

/** What happened last, above the list: a success, or why the press changed nothing. */
function noticeLine(t: Messages, context: MyBookingsContext): string | null {
  if (context.notice) return t.myBookings[context.notice];
  const code = context.error?.code;
  if (!code) return null;
  // A stale button: the booking was cancelled, paid or started meanwhile.
  return `⚠️ ${code === 'invalid_state' ? t.myBookings.stale : errorText(t, code)}`;
}

function statusLine(t: Messages, item: MyBookingItem): string {
  const parts = [formatTenge(item.total), t.myBookings.status[item.status]];
  if (item.status === 'cancelled' && item.cancelledBy) {
    parts[1] = `${parts[1]} (${t.myBookings.cancelledBy[item.cancelledBy]})`;
  }
  if (item.reviewed) parts.push(t.myBookings.reviewed);
  return `💰 ${parts.join(' · ')}`;
}

function itemText(t: Messages, item: MyBookingItem, index: number): string {
  return [
    `${index}. «${item.title}», ${item.city}`,
    t.myBookings.stay(formatStay(item.checkIn, item.checkOut), item.nights, item.guests),
    statusLine(t, item),
  ].join('\n');
}

/** The actions that fit a booking's status, in one row. */
function itemButtons(t: Messages, item: MyBookingItem, index: number): InlineButton[][] {
  const row: InlineButton[] = [];
  if (item.payable)
    row.push({ text: t.myBookings.buttons.pay(index), callback: { action: 'pay', id: item.id } });
  if (item.cancellable) {
    row.push({ text: t.myBookings.buttons.cancel(index), callback: { action: 'bcancel', id: item.id } });
  }
  if (item.reviewable) {
    row.push({ text: t.myBookings.buttons.review(index), callback: { action: 'review', id: item.id } });
  }
  return row.length > 0 ? [row] : [];
}

function tabsRow(t: Messages, context: MyBookingsContext): InlineButton[] {
  const tab = (scope: 'upcoming' | 'past'): InlineButton => ({
    text: context.scope === scope ? `• ${t.myBookings.tabs[scope]} •` : t.myBookings.tabs[scope],
    callback: { action: 'tab', id: 0, arg: scope },
  });
  return [tab('upcoming'), tab('past')];
}

/** One page of the guest's bookings with pay, cancel and review, under the «Предстоящие» / «Прошедшие» tabs. */
export function listMessage(t: Messages, context: MyBookingsContext): OutgoingMessage {
  const list = context.list!;
  return bookingListMessage({
    list,
    notice: noticeLine(t, context),
    title: t.myBookings.title(context.scope, list.total, list.page, list.pages),
    empty: context.scope === 'upcoming' ? t.myBookings.emptyUpcoming : t.myBookings.emptyPast,
    itemText: (item, index) => itemText(t, item, index),
    itemButtons: (item, index) => itemButtons(t, item, index),
    tabs: tabsRow(t, context),
    buttons: t.myBookings.buttons,
  });
}

/** «Отменить» asks first: «Да, отменить» / «Нет» (back to the list as it now is). */
export function confirmCancelMessage(t: Messages, context: MyBookingsContext): OutgoingMessage {
  const id = context.target!;
  const item = context.list?.items.find((candidate) => candidate.id === id);
  const text = item
    ? t.myBookings.confirmCancel(item.title, formatStay(item.checkIn, item.checkOut), formatTenge(item.total))
    : t.myBookings.confirmCancelById(id);
  return {
    text,
    inline: [
      [
        { text: t.myBookings.buttons.yes, callback: { action: 'bcancelok', id } },
        { text: t.myBookings.buttons.no, callback: { action: 'page', id: context.page } },
      ],
    ],
  };
}
