import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

const TABS = { new: '🆕 Новые', upcoming: '🗓 Предстоящие', past: '🕘 Прошедшие' };

/** «📅 Брони» (bookings of the realtor's listings) in Russian. */
export const realtorBookings = {
  header: '📅 Брони ваших объектов. Список и действия — в сообщении ниже.',
  title: (filter: 'new' | 'upcoming' | 'past', total: number, page: number, pages: number) =>
    `${TABS[filter]}: ${n(total, '# бронь', '# брони', '# броней')}` +
    `${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}`,
  empty: {
    new: 'Новых броней нет: все заявки разобраны.',
    upcoming: 'Предстоящих подтверждённых броней нет.',
    past: 'Прошедших броней пока нет.',
  },
  guest: (name: string, phone: string) => `👤 ${name} · 📞 ${phone}`,
  stay: (stay: string, nights: number, guests: number) =>
    `📅 ${stay} · ${n(nights, '# ночь', '# ночи', '# ночей')} · 👥 ${guests}`,
  status: {
    pending: '⏳ ждёт подтверждения',
    confirmed: '✅ подтверждена',
    cancelled: '❌ отменена',
    completed: '🏁 завершена',
  },
  cancelledBy: {
    guest: 'гостем',
    realtor: 'вами',
    system: 'автоматически: не подтверждена до заезда',
  },
  reasonLine: (reason: string) => `💬 Причина: ${reason}`,
  tabs: TABS,
  buttons: {
    confirm: (index: number) => `${index} · ✅ Подтвердить`,
    cancel: (index: number) => `${index} · ❌ Отменить`,
    previous: '◀️',
    next: '▶️',
    close: '✖️ Закрыть',
    yes: 'Да, отменить',
    no: 'Нет',
    otherReason: '✏️ Другая причина',
    backToList: '⬅️ Назад к списку',
  },
  askReason: (title: string, stay: string, guest: string) =>
    `Отмена брони «${title}» (${stay}), гость ${guest}.\n\nНапишите причину для гостя (от 3 до 300 символов) или выберите готовую кнопкой:`,
  askReasonById: (id: number) =>
    `Отмена брони №${id}.\n\nНапишите причину для гостя (от 3 до 300 символов) или выберите готовую кнопкой:`,
  badReason: 'Причина — от 3 до 300 символов. Напишите её ещё раз или выберите готовую кнопкой.',
  /** Preset reasons, by their button number (1..3). */
  reasons: [
    'Даты заняты: объект недоступен в эти дни',
    'Ремонт или поломка в квартире',
    'Не удалось связаться с гостем',
  ],
  confirmCancel: (title: string, stay: string, guest: string, reason: string) =>
    `Отменить бронь «${title}» (${stay}), гость ${guest}?\n\nПричина: ${reason}\n\nДаты освободятся, гость получит уведомление с этой причиной.`,
  confirmCancelById: (id: number, reason: string) => `Отменить бронь №${id}?\n\nПричина: ${reason}`,
  confirmed: '✅ Бронь подтверждена. Гость получил уведомление.',
  cancelled: '❌ Бронь отменена. Гость получил уведомление с причиной.',
  stale:
    'Бронь уже изменилась (её отменили, подтвердили или заезд уже начался) — ничего не изменено. Список обновлён.',
};
