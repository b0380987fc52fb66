import { fromPromise } from 'xstate';
import { TIME_ZONE } from '../../domain/dates.ts';
import {
  type NotificationItem,
  type NotificationsContext,
  type NotificationsOutput,
  type NotificationsPage,
  notificationsMachine,
} from '../../machines/notifications.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { Messages } from '../i18n/index.ts';
import { notificationText } from '../notification-push.ts';
import type { InlineButton, OutgoingMessage } from '../screen.ts';
import { errorText, withNotice } from './keyboards.ts';
import { mapPage, pageOrLast, pagerRow } from './paging.ts';

const when = new Intl.DateTimeFormat('ru-RU', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** `12.03, 14:05` in Almaty time: when it happened, the way people there write it. */
export function formatWhen(iso: string): string {
  return when.format(new Date(iso));
}

function itemText(t: Messages, item: NotificationItem, index: number): string {
  const text = notificationText(t, item.kind, item.data) ?? t.notificationsList.other;
  return `${index}. 🕑 ${formatWhen(item.createdAt)}\n${text}`;
}

function listMessage(t: Messages, context: NotificationsContext): OutgoingMessage {
  const list = context.list as NotificationsPage;
  const first = (list.page - 1) * list.pageSize + 1;
  const body = [
    t.notificationsList.title(list.total, list.page, list.pages),
    ...list.items.map((item, i) => itemText(t, item, first + i)),
  ].join('\n\n');
  const buttons = list.items.map(
    (item, i): InlineButton => ({
      text: t.notificationsList.buttons.read(first + i),
      callback: { action: 'read', id: item.id },
    }),
  );
  // Two «Прочитано» buttons a row keep five of them short.
  const inline: InlineButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) inline.push(buttons.slice(i, i + 2));
  inline.push(...pagerRow(t.notificationsList.buttons, list.page, list.pages));
  inline.push([{ text: t.notificationsList.buttons.readAll, callback: { action: 'readall', id: 0 } }]);
  inline.push([{ text: t.notificationsList.buttons.close, callback: { action: 'close', id: 0 } }]);
  const notice = context.notice
    ? t.notificationsList[context.notice]
    : context.error
      ? errorText(t, context.error.code)
      : null;
  return { text: withNotice(notice, body), inline };
}

/** «🔔 Уведомления»: unread notifications, each marked read from its button, or all at once. */
export const notificationsFlow: Flow = {
  id: 'notifications',
  version: 1,
  audience: 'account',
  machine: notificationsMachine.provide({
    actors: {
      loadUnread: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const page = await pageOrLast(input.page, (page) =>
          domain.notifications.listUnread(em, actor, { page }),
        );
        return mapPage(page, (item) => ({
          id: item.id,
          kind: item.kind,
          data: item.data,
          createdAt: item.createdAt.toISOString(),
        }));
      }),
      markRead: fromPromise(({ input }) => {
        const { em, domain, actor } = flowServices();
        return domain.notifications.markRead(em, actor, { notificationId: input.notificationId });
      }),
      markAllRead: fromPromise(() => {
        const { em, domain, actor } = flowServices();
        return domain.notifications.markAllRead(em, actor);
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    return [listMessage(t, snapshot.context as NotificationsContext)];
  },
  finish(output, { t }) {
    const result = output as NotificationsOutput;
    switch (result.outcome) {
      case 'empty':
        return result.read > 0 ? t.notificationsList.readAndEmpty(result.read) : t.notificationsList.empty;
      case 'allRead':
        return t.notificationsList.allRead(result.count);
      case 'cancelled':
        return t.common.cancelled;
      case 'failed':
        return errorText(t, result.code);
      default:
        return null;
    }
  },
};
