import { defineEntity, p } from '@mikro-orm/core';
import type { NotificationData } from '../../domain/notification-kinds.ts';
import { User } from './user.entity.ts';

export const NotificationSchema = defineEntity({
  name: 'Notification',
  tableName: 'notification',
  properties: {
    id: p.integer().primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    kind: p.string().length(50),
    data: p.json<NotificationData>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    readAt: p.datetime().nullable(),
    /** When it was pushed to the user's Telegram chat (or found nobody to push to). */
    pushedAt: p.datetime().nullable(),
  },
  indexes: [{ name: 'notification_user_unread_idx', properties: ['user', 'readAt', 'createdAt'] }],
});

export class Notification extends NotificationSchema.class {}
NotificationSchema.setClass(Notification);
