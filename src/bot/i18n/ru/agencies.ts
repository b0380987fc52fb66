import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

/** «🏢 Агентства» (Superuser) in Russian; field names and refusals are shared with the add wizard. */
export const agencies = {
  header: '🏢 Агентства. Список и действия — в сообщении ниже.',
  title: (total: number, page: number, pages: number) =>
    `🏢 ${n(total, '# агентство', '# агентства', '# агентств')}${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}`,
  empty: 'Агентств пока нет. Добавьте первое кнопкой «➕ Добавить агентство».',
  active: '🟢 активно',
  inactive: '🔴 неактивно',
  realtors: (count: number) => n(count, '# риелтор', '# риелтора', '# риелторов'),
  listings: (count: number) => n(count, '# объект', '# объекта', '# объектов'),
  /** Marks the agency just created. */
  newMark: '🆕',
  buttons: {
    more: (index: number) => `${index} · Подробнее`,
    activate: (index: number) => `${index} · Активировать`,
    deactivate: (index: number) => `${index} · Деактивировать`,
    add: '➕ Добавить агентство',
    export: '📥 Выгрузить брони (CSV)',
    previous: '◀️',
    next: '▶️',
    close: '✖️ Закрыть',
    yes: 'Да, деактивировать',
    no: 'Нет',
    cardActivate: 'Активировать',
    cardDeactivate: 'Деактивировать',
    edit: 'Редактировать',
    toList: '⬅️ К списку',
    back: '⬅️ Назад',
  },
  confirmDeactivate: (name: string) =>
    `Деактивировать агентство «${name}»?\n\nЕго объекты пропадут из поиска, пока агентство снова не активируют. ` +
    'Брони, риелторы и данные сохранятся.',
  activated: (name: string) => `✅ Агентство «${name}» активировано: его объекты снова в поиске.`,
  deactivated: (name: string) => `🔴 Агентство «${name}» деактивировано: его объекты скрыты из поиска.`,
  saved: (name: string) => `✅ Изменения агентства «${name}» сохранены.`,
  stale: 'Агентство уже изменилось — показано, как оно есть сейчас.',
  useButtons: 'Выбирайте действия кнопками под сообщением.',
  card: {
    title: (name: string, city: string) => `🏢 «${name}» — ${city}`,
    status: (active: boolean, since: string) =>
      `${active ? '🟢 Активно' : '🔴 Неактивно: объекты скрыты из поиска'} · на платформе с ${since}`,
    contacts: (phone: string, email: string) => `📞 ${phone}\n✉️ ${email}`,
    realtors: (active: number, total: number) =>
      `👨‍💼 Риелторы: ${total}${total > 0 ? ` (${n(active, '# активен', '# активны', '# активны')})` : ''}`,
    listings: (published: number, total: number) =>
      `🏠 Объекты: ${total}${total > 0 ? ` (${n(published, '# опубликован', '# опубликованы', '# опубликовано')})` : ''}`,
    bookings: (total: number) => `📅 Брони: ${total}`,
    bookingStatuses: (counts: { pending: number; confirmed: number; completed: number; cancelled: number }) =>
      `⏳ ждут оплаты ${counts.pending} · ✅ подтверждены ${counts.confirmed} · ` +
      `🏁 завершены ${counts.completed} · ❌ отменены ${counts.cancelled}`,
    revenue: (amount: string) => `💰 Выручка: ${amount}`,
    superAdmins: '👤 Супер Админы:',
    noSuperAdmins: '👤 Супер Админа пока нет: назначьте его в «👥 Пользователи».',
    superAdmin: (name: string, email: string, phone: string, blocked: boolean) =>
      `• ${name} — ${email}, ${phone}${blocked ? ' (заблокирован)' : ''}`,
  },
  fields: { name: 'Название', city: 'Город', phone: 'Телефон', email: 'Email' },
  chooseField: (name: string) => `✏️ Что изменить в агентстве «${name}»? Меняется одно поле за раз.`,
  askValue: {
    name: (current: string) =>
      `Напишите новое название агентства (сейчас «${current}»), от 2 до 100 символов.`,
    city: (current: string) => `Выберите новый город агентства кнопкой или напишите его (сейчас ${current}).`,
    phone: (current: string) =>
      `Напишите новый телефон агентства (сейчас ${current}), например +7 727 250 01 00.`,
    email: (current: string) =>
      `Напишите новый email агентства (сейчас ${current}), например office@agency.kz.`,
  },
  badName: 'Название должно быть от 2 до 100 символов.',
  badCity: 'Название города должно быть от 2 до 100 символов.',
  badPhone: 'Это не похоже на казахстанский номер. Пример: +7 727 250 01 00 или 8 701 123 45 67.',
  badEmail: 'Это не похоже на email. Пример: office@agency.kz',
  nameTaken: 'Агентство с таким названием уже есть. Напишите другое название.',
};
