import { z } from 'zod';
import { Notification } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { type MaybeActor, requireActive } from './actor.ts';
import type { DomainDeps } from './deps.ts';
import { NotFound } from './errors.ts';
import { idSchema, type Page, type PageInput, pageOf, pageSchema, parseInput } from './validation.ts';

export interface NotificationView {
  id: number;
  kind: string;
  data: Notification['data'];
  createdAt: Date;
}

function view(notification: Notification): NotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    data: notification.data,
    createdAt: notification.createdAt,
  };
}

/** The actor's own notifications: list unread, count, mark read. */
export function createNotificationService(deps: DomainDeps) {
  return {
    /** Unread notifications, newest first. */
    async listUnread(em: Em, actor: MaybeActor, input: PageInput = {}): Promise<Page<NotificationView>> {
      const me = requireActive(actor);
      const { page, pageSize } = parseInput(pageSchema, input);
      const [items, total] = await em.findAndCount(
        Notification,
        { user: me.id, readAt: null },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: pageSize, offset: (page - 1) * pageSize },
      );
      return pageOf(items.map(view), total, page, pageSize);
    },

    async unreadCount(em: Em, actor: MaybeActor): Promise<number> {
      const me = requireActive(actor);
      return em.count(Notification, { user: me.id, readAt: null });
    },

    /** Marks one of the actor's notifications read (idempotent). */
    async markRead(em: Em, actor: MaybeActor, input: { notificationId: number }): Promise<void> {
      const me = requireActive(actor);
      const { notificationId } = parseInput(z.object({ notificationId: idSchema }), input);
      const affected = await em.nativeUpdate(
        Notification,
        { id: notificationId, user: me.id, readAt: null },
        { readAt: deps.clock.now() },
      );
      if (affected === 0 && (await em.count(Notification, { id: notificationId, user: me.id })) === 0) {
        throw new NotFound('notification', notificationId);
      }
    },

    /** Marks every unread notification of the actor read; returns how many. */
    async markAllRead(em: Em, actor: MaybeActor): Promise<number> {
      const me = requireActive(actor);
      return em.nativeUpdate(Notification, { user: me.id, readAt: null }, { readAt: deps.clock.now() });
    },

    /** One notification with its recipient's id, for the Telegram push job. */
    async forPush(
      em: Em,
      notificationId: number,
    ): Promise<(NotificationView & { userId: number; pushedAt: Date | null }) | null> {
      const notification = await em.findOne(Notification, notificationId);
      return notification
        ? { ...view(notification), userId: notification.user.id, pushedAt: notification.pushedAt ?? null }
        : null;
    },

    /** Records that the push job is done with a notification, so a retry does not send it twice. */
    async markPushed(em: Em, notificationId: number): Promise<void> {
      await em.nativeUpdate(
        Notification,
        { id: notificationId, pushedAt: null },
        { pushedAt: deps.clock.now() },
      );
    },
  };
}
