import type { FlowError } from '../../../machines/flow-error.ts';
import type { MyListingsContext, OwnListingItem } from '../../../machines/my-listings.machine.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatTenge } from '../../parse/money.ts';
import type { InlineButton, OutgoingMessage } from '../../screen.ts';
import { errorText } from '../keyboards.ts';
import { pagerRow } from '../paging.ts';

/**
 * The message above every inline screen of the flow (list, card, calendar):
 * always the same, so a press below it edits the pressed message in place.
 */
export function headMessage(t: Messages): OutgoingMessage {
  return { text: t.myListings.head, reply: [[{ text: t.buttons.cancel, event: { type: 'CANCEL' } }]] };
}

/** Why the domain refused the last action, in the reader's language. */
export function refusalText(t: Messages, error: FlowError): string {
  return error.code === 'agency_inactive' ? t.myListings.agencyInactive : errorText(t, error.code);
}

/** What the last press did, or why it did not: a line above the screen below the head. */
export function noticeLine(t: Messages, context: MyListingsContext): string | null {
  const { notice, error } = context;
  if (notice && notice in t.myListings.notices) {
    return t.myListings.notices[notice as keyof Messages['myListings']['notices']];
  }
  return error ? `⚠️ ${refusalText(t, error)}` : null;
}

/** Puts the notice line (if any) above a screen's text. */
export function withLine(line: string | null, text: string): string {
  return line ? `${line}\n\n${text}` : text;
}

function itemText(t: Messages, item: OwnListingItem, index: number): string {
  const status = item.published ? t.myListings.status.published : t.myListings.status.hidden;
  return [
    `${index}. ${item.title}`,
    `${status} · 📍 ${item.city} · 💰 ${t.myListings.perNight(formatTenge(item.pricePerNight))}`,
    t.myListings.upcoming(item.upcomingBookings),
  ].join('\n');
}

/** One page of the realtor's listings; a button per listing opens its card. */
export function listMessage(t: Messages, context: MyListingsContext): OutgoingMessage {
  const list = context.list ?? { items: [], page: 1, pageSize: 5, pages: 1, total: 0 };
  const first = (list.page - 1) * list.pageSize + 1;
  const body =
    list.items.length > 0 ? list.items.map((item, i) => itemText(t, item, first + i)) : [t.myListings.empty];
  const open: InlineButton[][] = list.items.map((item, i) => [
    { text: t.myListings.open(first + i, item.title), callback: { action: 'listing', id: item.id } },
  ]);
  const text = [t.myListings.title(list.total, list.page, list.pages), ...body].join('\n\n');
  return {
    text: withLine(noticeLine(t, context), text),
    inline: [...open, ...pagerRow(t.myListings.buttons, list.page, list.pages)],
  };
}
