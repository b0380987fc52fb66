import {
  PRESET_REASONS,
  REALTOR_BOOKING_FILTERS,
  type RealtorBookingFilter,
  type RealtorBookingItem,
  type RealtorBookingsContext,
} from '../../../machines/realtor-bookings.machine.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatStay } from '../../parse/date-range.ts';
import { formatTenge } from '../../parse/money.ts';
import type { InlineButton, OutgoingMessage } from '../../screen.ts';
import { errorText } from '../keyboards.ts';
import { bookingListMessage } from './booking-list-message.ts';
import { formatKzPhone } from './phone-text.ts';

/** What happened last, above the list: a success, or why the press changed nothing. */
function noticeLine(t: Messages, context: RealtorBookingsContext): string | null {
  const r = t.realtorBookings;
  if (context.notice === 'confirmed' || context.notice === 'cancelled') return r[context.notice];
  if (context.notice === 'stale') return `⚠️ ${r.stale}`;
  if (context.notice === 'badReason') return `⚠️ ${r.badReason}`;
  return context.error ? `⚠️ ${errorText(t, context.error.code)}` : null;
}

function statusLine(t: Messages, item: RealtorBookingItem): string {
  const r = t.realtorBookings;
  const status =
    item.status === 'cancelled' && item.cancelledBy
      ? `${r.status.cancelled} (${r.cancelledBy[item.cancelledBy]})`
      : r.status[item.status];
  return `💰 ${formatTenge(item.total)} · ${status}`;
}

function itemText(t: Messages, item: RealtorBookingItem, index: number): string {
  const r = t.realtorBookings;
  return [
    `${index}. «${item.title}», ${item.city}`,
    r.guest(item.guestName, formatKzPhone(item.guestPhone)),
    r.stay(formatStay(item.checkIn, item.checkOut), item.nights, item.guests),
    statusLine(t, item),
    ...(item.status === 'cancelled' && item.cancelReason ? [r.reasonLine(item.cancelReason)] : []),
  ].join('\n');
}

/** The actions that fit a booking's status today, in one row. */
function itemButtons(t: Messages, item: RealtorBookingItem, index: number): InlineButton[][] {
  const row: InlineButton[] = [];
  if (item.confirmable) {
    row.push({
      text: t.realtorBookings.buttons.confirm(index),
      callback: { action: 'bconfirm', id: item.id },
    });
  }
  if (item.cancellable) {
    row.push({ text: t.realtorBookings.buttons.cancel(index), callback: { action: 'bcancel', id: item.id } });
  }
  return row.length > 0 ? [row] : [];
}

function tabsRow(t: Messages, current: RealtorBookingFilter): InlineButton[] {
  return REALTOR_BOOKING_FILTERS.map((filter) => ({
    text: filter === current ? `• ${t.realtorBookings.tabs[filter]} •` : t.realtorBookings.tabs[filter],
    callback: { action: 'tab', id: 0, arg: filter },
  }));
}

/** One page of bookings of the realtor's listings with confirm and cancel, under the filter tabs. */
export function realtorListMessage(t: Messages, context: RealtorBookingsContext): OutgoingMessage {
  const list = context.list!;
  return bookingListMessage({
    list,
    notice: noticeLine(t, context),
    title: t.realtorBookings.title(context.filter, list.total, list.page, list.pages),
    empty: t.realtorBookings.empty[context.filter],
    itemText: (item, index) => itemText(t, item, index),
    itemButtons: (item, index) => itemButtons(t, item, index),
    tabs: tabsRow(t, context.filter),
    buttons: t.realtorBookings.buttons,
  });
}

/** The booking a press is about, when it is on the page shown (a forged id is not). */
const targetOf = (context: RealtorBookingsContext) =>
  context.list?.items.find((item) => item.id === context.target) ?? null;

/** The reason as the guest will read it: typed, or a preset in the realtor's language. */
export function reasonText(t: Messages, context: RealtorBookingsContext): string {
  const reason = context.reason;
  if (!reason) return '';
  return 'text' in reason ? reason.text : (t.realtorBookings.reasons[reason.preset - 1] ?? '');
}

/** «Отменить» asks the reason: typed, or one of the preset buttons; «Назад к списку». */
export function askReasonMessage(t: Messages, context: RealtorBookingsContext): OutgoingMessage {
  const r = t.realtorBookings;
  const item = targetOf(context);
  const prompt = item
    ? r.askReason(item.title, formatStay(item.checkIn, item.checkOut), item.guestName)
    : r.askReasonById(context.target!);
  const presets: InlineButton[][] = Array.from({ length: PRESET_REASONS }, (_, i) => [
    { text: r.reasons[i]!, callback: { action: 'reason', id: i + 1 } },
  ]);
  return {
    text: context.notice === 'badReason' ? `⚠️ ${r.badReason}\n\n${prompt}` : prompt,
    inline: [...presets, [{ text: r.buttons.backToList, callback: { action: 'page', id: context.page } }]],
  };
}

/** The last word before cancelling: «Да, отменить» / «Другая причина» / «Нет». */
export function confirmCancelMessage(t: Messages, context: RealtorBookingsContext): OutgoingMessage {
  const r = t.realtorBookings;
  const id = context.target!;
  const item = targetOf(context);
  const reason = reasonText(t, context);
  const text = item
    ? r.confirmCancel(item.title, formatStay(item.checkIn, item.checkOut), item.guestName, reason)
    : r.confirmCancelById(id, reason);
  return {
    text,
    inline: [
      [{ text: r.buttons.yes, callback: { action: 'bcancelok', id } }],
      [{ text: r.buttons.otherReason, callback: { action: 'bcancel', id } }],
      [{ text: r.buttons.no, callback: { action: 'page', id: context.page } }],
    ],
  };
}
