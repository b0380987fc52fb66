import type { AgencyRealtorItem, AgencyRealtorsContext } from '../../../machines/agency-realtors.machine.ts';
import type { Messages } from '../../i18n/index.ts';
import type { InlineButton, OutgoingMessage } from '../../screen.ts';
import { errorText } from '../keyboards.ts';
import { pagerRow } from '../paging.ts';

/** What happened last, above the list: a status changed, or why the press changed nothing. */
function noticeLine(t: Messages, context: AgencyRealtorsContext): string | null {
  const texts = t.superAdmin.realtors;
  if (context.notice) {
    const { name, status } = context.notice;
    return status === 'active' ? texts.activated(name) : texts.deactivated(name);
  }
  const code = context.error?.code;
  if (!code) return null;
  // A double press, or another admin changed the status meanwhile.
  return `⚠️ ${code === 'invalid_state' ? texts.stale : errorText(t, code)}`;
}

function itemText(t: Messages, item: AgencyRealtorItem, index: number): string {
  const texts = t.superAdmin.realtors;
  return [
    `${index}. ${item.fullName} — ${texts.status[item.status]}`,
    `✉️ ${item.email} · 📞 ${item.phone}`,
    texts.stats(item.listingsCount, item.bookingsThisMonth),
  ].join('\n');
}

/** «Деактивировать» for an active realtor, «Активировать» for a deactivated one. */
function itemButton(t: Messages, item: AgencyRealtorItem, index: number): InlineButton {
  const { buttons } = t.superAdmin.realtors;
  return item.status === 'active'
    ? { text: buttons.deactivate(index), callback: { action: 'rstatus', id: item.id, arg: 'blocked' } }
    : { text: buttons.activate(index), callback: { action: 'rstatus', id: item.id, arg: 'active' } };
}

/** One page of realtors as a single inline message (paging and actions edit it in place). */
export function realtorsListMessage(t: Messages, context: AgencyRealtorsContext): OutgoingMessage {
  const texts = t.superAdmin.realtors;
  const list = context.list!;
  const first = (list.page - 1) * list.pageSize + 1;
  const body =
    list.items.length > 0 ? list.items.map((item, i) => itemText(t, item, first + i)) : [texts.empty];
  const notice = noticeLine(t, context);
  const buttons = list.items.map((item, i) => itemButton(t, item, first + i));
  return {
    text: [...(notice ? [notice] : []), texts.title(list.total, list.page, list.pages), ...body].join('\n\n'),
    inline: [
      // Two actions a row keeps the numbers easy to match with the list above.
      ...Array.from({ length: Math.ceil(buttons.length / 2) }, (_, row) =>
        buttons.slice(row * 2, row * 2 + 2),
      ),
      ...pagerRow(texts.buttons, list.page, list.pages),
      [
        { text: texts.buttons.add, callback: { action: 'radd', id: 0 } },
        { text: texts.buttons.close, callback: { action: 'close', id: 0 } },
      ],
    ],
  };
}

/** «Активировать/Деактивировать» asks first: «Да, …» / «Нет» (back to the list as it now is). */
export function confirmStatusMessage(t: Messages, context: AgencyRealtorsContext): OutgoingMessage {
  const texts = t.superAdmin.realtors;
  const { id, status } = context.target!;
  const item = context.list?.items.find((candidate) => candidate.id === id);
  const deactivate = status === 'blocked';
  const text = item
    ? deactivate
      ? texts.confirmDeactivate(item.fullName)
      : texts.confirmActivate(item.fullName)
    : deactivate
      ? texts.confirmDeactivateById(id)
      : texts.confirmActivateById(id);
  return {
    text,
    inline: [
      [
        {
          text: deactivate ? texts.buttons.yesDeactivate : texts.buttons.yesActivate,
          callback: { action: 'rstatusok', id, arg: status },
        },
        { text: texts.buttons.no, callback: { action: 'page', id: context.page } },
      ],
    ],
  };
}
