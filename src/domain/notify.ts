import { Notification } from '../db/entities/index.ts';
import type { JobQueue } from '../db/job-queue.ts';
import type { Em } from '../db/orm.ts';
import type { Clock } from './clock.ts';
import type { NotificationKind, NotificationPayloads } from './notification-kinds.ts';

/** Records domain events that concern a person, and queues their Telegram push. */
export interface Notifier {
  /** Creates the notification in `em`'s transaction and queues its push. Call inside the change's transaction. */
  notify<K extends NotificationKind>(
    em: Em,
    userId: number,
    kind: K,
    data: NotificationPayloads[K],
  ): Promise<void>;
}

/** `clock` dates the notifications (a replay's clock keeps their times the same every run). */
export function createNotifier(jobs: JobQueue, clock: Clock): Notifier {
  return {
    async notify(em, userId, kind, data) {
      const notification = em.create(Notification, {
        user: userId,
        kind,
        data,
        readAt: null,
        pushedAt: null,
        createdAt: clock.now(),
      });
      await em.flush();
      await jobs.send(em, 'notification.push', { notificationId: notification.id });
    },
  };
}
