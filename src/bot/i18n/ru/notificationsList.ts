import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

/** «🔔 Уведомления», the list of unread ones, in Russian (their texts are `notifications`). */
export const notificationsList = {
  title: (total: number, page: number, pages: number) =>
    `🔔 ${n(total, '# непрочитанное уведомление', '# непрочитанных уведомления', '# непрочитанных уведомлений')}${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}`,
  other: 'Новое уведомление.',
  empty: '🔔 Непрочитанных уведомлений нет.',
  readAndEmpty: (count: number) =>
    `✅ ${n(count, 'Прочитано # уведомление', 'Прочитано # уведомления', 'Прочитано # уведомлений')}. Непрочитанных больше нет.`,
  allRead: (count: number) =>
    `✅ ${n(count, '# уведомление отмечено', '# уведомления отмечены', '# уведомлений отмечены')} прочитанными.`,
  useButtons: 'Отмечайте уведомления кнопками под списком.',
  buttons: {
    read: (index: number) => `${index} · Прочитано`,
    readAll: '✅ Отметить все прочитанными',
    previous: '◀️',
    next: '▶️',
    close: '✖️ Закрыть',
  },
};
