import type { Orm } from '../db/orm.ts';
import type { Domain } from '../domain/index.ts';
import type { NotificationPayloads } from '../domain/notification-kinds.ts';
import { type Messages, messagesFor } from './i18n/index.ts';
import type { Sender } from './sender.ts';

type Render = (data: unknown) => string;

/** A notification's text in the reader's language. */
export function notificationText(t: Messages, kind: string, data: unknown): string | null {
  const render = (t.notifications as Record<string, Render | undefined>)[kind];
  return render ? render(data as NotificationPayloads[keyof NotificationPayloads]) : null;
}

/**
 * The `notification.push` job: sends a stored notification to its user's
 * linked Telegram chat, once (a pushed one is skipped on retry). People
 * without Telegram, or who blocked the bot, read it under «🔔 Уведомления».
 */
export function notificationPushHandler(orm: Orm, domain: Domain, sender: Sender) {
  return async ({ notificationId }: { notificationId: number }): Promise<void> => {
    const em = orm.em.fork();
    const notification = await domain.notifications.forPush(em, notificationId);
    if (!notification || notification.pushedAt) return;
    const target = await domain.accounts.pushTarget(em, notification.userId);
    if (target && !target.botBlocked) {
      const text = notificationText(messagesFor(target.language), notification.kind, notification.data);
      if (text) await sender.send(target.chatId, { text });
    }
    await domain.notifications.markPushed(em, notificationId);
  };
}
