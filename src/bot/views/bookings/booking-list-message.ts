import type { Page } from '../../../domain/validation.ts';
import type { InlineButton, OutgoingMessage } from '../../screen.ts';
import { pagerRow } from '../paging.ts';

/** What one page of a booking list shows; the guest's and the realtor's lists differ only in these. */
export interface BookingListParts<T> {
  list: Page<T>;
  /** What happened last, above the title; null for nothing. */
  notice: string | null;
  title: string;
  /** The body of a page with no bookings. */
  empty: string;
  /** A booking's lines, numbered across pages. */
  itemText: (item: T, index: number) => string;
  /** The rows of actions a booking has today (none, or one row). */
  itemButtons: (item: T, index: number) => InlineButton[][];
  /** The row of tabs (scopes or filters) under the actions. */
  tabs: InlineButton[];
  buttons: { previous: string; next: string; close: string };
}

/**
 * One page of bookings as a single inline message: the notice, the title and
 * the numbered bookings, then each booking's actions, the tabs, ◀ ▶ and
 * «Закрыть» (tabs, paging and actions edit it in place).
 */
export function bookingListMessage<T>(parts: BookingListParts<T>): OutgoingMessage {
  const { list } = parts;
  const first = (list.page - 1) * list.pageSize + 1;
  const body =
    list.items.length > 0 ? list.items.map((item, i) => parts.itemText(item, first + i)) : [parts.empty];
  const text = [...(parts.notice ? [parts.notice] : []), parts.title, ...body].join('\n\n');
  return {
    text,
    inline: [
      ...list.items.flatMap((item, i) => parts.itemButtons(item, first + i)),
      parts.tabs,
      ...pagerRow(parts.buttons, list.page, list.pages),
      [{ text: parts.buttons.close, callback: { action: 'close', id: 0 } }],
    ],
  };
}
