import type {
  PlatformRealtorsContext,
  RealtorItem,
  RealtorsDone,
} from '../../../machines/platform-realtors.machine.ts';
import type { Messages } from '../../i18n/index.ts';
import type { InlineButton, OutgoingMessage } from '../../screen.ts';
import { errorText } from '../keyboards.ts';
import { pagerRow } from '../paging.ts';

function doneText(t: Messages, done: RealtorsDone): string {
  if (done.kind === 'detached') return t.platformRealtors.detached(done.name, done.agency);
  return done.status === 'blocked'
    ? t.platformRealtors.deactivated(done.name)
    : t.platformRealtors.activated(done.name);
}

/** What happened last, above the list: a success, or why the press changed nothing. */
function noticeLine(t: Messages, context: PlatformRealtorsContext): string | null {
  if (context.done) return doneText(t, context.done);
  const code = context.error?.code;
  if (!code) return null;
  return `⚠️ ${code === 'invalid_state' ? t.platformRealtors.stale : errorText(t, code)}`;
}

function itemText(t: Messages, item: RealtorItem, index: number): string {
  return [
    `${index}. ${item.fullName} · ${t.platformRealtors.status[item.status]}`,
    `🏢 ${item.agency ? item.agency.name : t.platformRealtors.noAgency}`,
    `✉️ ${item.email} · 📞 ${item.phone}`,
  ].join('\n');
}

/** «Сменить агентство», «Убрать агентство» (when there is one), «Активировать/Деактивировать». */
function itemButtons(t: Messages, item: RealtorItem, index: number): InlineButton[][] {
  const { buttons } = t.platformRealtors;
  const agency: InlineButton[] = [{ text: buttons.move(index), callback: { action: 'prmove', id: item.id } }];
  if (item.agency)
    agency.push({ text: buttons.detach(index), callback: { action: 'prdetach', id: item.id } });
  const active = item.status === 'active';
  const status: InlineButton = {
    text: active ? buttons.deactivate(index) : buttons.activate(index),
    callback: { action: 'prstatus', id: item.id, arg: active ? 'blocked' : 'active' },
  };
  return [agency, [status]];
}

/** One page of realtors as a single inline message (paging and actions edit it in place). */
export function realtorsListMessage(t: Messages, context: PlatformRealtorsContext): OutgoingMessage {
  const list = context.list!;
  const first = (list.page - 1) * list.pageSize + 1;
  const body =
    list.items.length > 0
      ? list.items.map((item, i) => itemText(t, item, first + i))
      : [t.platformRealtors.empty];
  const notice = noticeLine(t, context);
  return {
    text: [
      ...(notice ? [notice] : []),
      t.platformRealtors.title(list.total, list.page, list.pages),
      ...body,
    ].join('\n\n'),
    inline: [
      ...list.items.flatMap((item, i) => itemButtons(t, item, first + i)),
      ...pagerRow(t.platformRealtors.buttons, list.page, list.pages),
      [{ text: t.platformRealtors.buttons.close, callback: { action: 'close', id: 0 } }],
    ],
  };
}

const targetOf = (context: PlatformRealtorsContext): RealtorItem =>
  context.list!.items.find((item) => item.id === context.target)!;

/** «Нет»: the list again, as it now is. */
const no = (t: Messages, context: PlatformRealtorsContext): InlineButton => ({
  text: t.platformRealtors.buttons.no,
  callback: { action: 'page', id: context.page },
});

/** «Убрать риелтора X из агентства Y?»: «Да» / «Нет». */
export function confirmDetachMessage(t: Messages, context: PlatformRealtorsContext): OutgoingMessage {
  const realtor = targetOf(context);
  return {
    text: t.platformRealtors.confirmDetach(realtor.fullName, realtor.agency?.name ?? ''),
    inline: [
      [
        { text: t.platformRealtors.buttons.yes, callback: { action: 'prdetachok', id: realtor.id } },
        no(t, context),
      ],
    ],
  };
}

/** «Деактивировать риелтора X?»: «Да» / «Нет». */
export function confirmDeactivateMessage(t: Messages, context: PlatformRealtorsContext): OutgoingMessage {
  const realtor = targetOf(context);
  return {
    text: t.platformRealtors.confirmDeactivate(realtor.fullName),
    inline: [
      [
        {
          text: t.platformRealtors.buttons.yes,
          callback: { action: 'prstatusok', id: realtor.id, arg: 'blocked' },
        },
        no(t, context),
      ],
    ],
  };
}
