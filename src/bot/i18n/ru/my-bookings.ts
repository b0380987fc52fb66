import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

/** «📦 Мои бронирования» in Russian. */
export const myBookings = {
  header: '📦 Мои бронирования. Брони и действия с ними — в сообщении ниже.',
  title: (scope: 'upcoming' | 'past', total: number, page: number, pages: number) =>
    `${scope === 'upcoming' ? '🗓 Предстоящие' : '🕘 Прошедшие'}: ${n(total, '# бронь', '# брони', '# броней')}` +
    `${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}`,
  emptyUpcoming: 'Предстоящих броней нет. Найдите жильё в «🔍 Поиск».',
  emptyPast: 'Прошедших броней пока нет.',
  stay: (stay: string, nights: number, guests: number) =>
    `📅 ${stay} · ${n(nights, '# ночь', '# ночи', '# ночей')} · 👥 ${guests}`,
  status: {
    pending: '⏳ ждёт оплаты',
    confirmed: '✅ подтверждена',
    cancelled: '❌ отменена',
    completed: '🏁 завершена',
  },
  cancelledBy: {
    guest: 'вами',
    realtor: 'риелтором',
    system: 'автоматически: не оплачена до заезда',
  },
  reviewed: '⭐ отзыв оставлен',
  tabs: { upcoming: '🗓 Предстоящие', past: '🕘 Прошедшие' },
  buttons: {
    pay: (index: number) => `${index} · 💳 Оплатить (демо)`,
    cancel: (index: number) => `${index} · ❌ Отменить`,
    review: (index: number) => `${index} · ⭐ Оставить отзыв`,
    previous: '◀️',
    next: '▶️',
    close: '✖️ Закрыть',
    yes: 'Да, отменить',
    no: 'Нет',
  },
  confirmCancel: (title: string, stay: string, total: string) =>
    `Отменить бронь «${title}» (${stay}, ${total})?\n\nДаты освободятся, риелтор получит уведомление.`,
  confirmCancelById: (id: number) => `Отменить бронь №${id}?`,
  paid: '✅ Оплачено, бронь подтверждена.',
  alreadyPaid: 'Эта бронь уже оплачена.',
  cancelled: 'Бронь отменена. Риелтор получил уведомление.',
  stale: 'Бронь уже изменилась (например, её отменили) — действие неактуально. Список обновлён.',
};
