import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

/** «🔔 Notifications», the list of unread ones, in English (their texts are `notifications`). */
export const notificationsList: Messages['notificationsList'] = {
  title: (total, page, pages) =>
    `🔔 ${n(total, '# unread notification', '# unread notifications')}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
  other: 'A new notification.',
  empty: '🔔 No unread notifications.',
  readAndEmpty: (count) =>
    `✅ ${n(count, '# notification', '# notifications')} read. Nothing unread is left.`,
  allRead: (count) => `✅ ${n(count, '# notification', '# notifications')} marked as read.`,
  useButtons: 'Mark notifications read with the buttons under the list.',
  buttons: {
    read: (index) => `${index} · Read`,
    readAll: '✅ Mark all as read',
    previous: '◀️',
    next: '▶️',
    close: '✖️ Close',
  },
};
