import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

const bookingsCount = (count: number) =>
  n(count, '# предстоящая бронь', '# предстоящие брони', '# предстоящих броней');

/** «🏘 Мои объекты» (the realtor's listings, card, editor, calendar) in Russian. */
export const myListings = {
  head: '🏘 Мои объекты. Объекты и действия с ними — в сообщении ниже. «❌ Отмена» — в главное меню.',
  title: (total: number, page: number, pages: number) =>
    `🏘 ${n(total, '# объект', '# объекта', '# объектов')}${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}`,
  empty: 'У вас пока нет объектов. Добавьте первый кнопкой «➕ Добавить объект» в главном меню.',
  status: { published: '🟢 опубликован', hidden: '⚪️ скрыт' },
  perNight: (price: string) => `${price} за ночь`,
  upcoming: (count: number) => (count > 0 ? `📅 ${bookingsCount(count)}` : '📅 нет предстоящих броней'),
  open: (index: number, title: string) => `${index} · ${title}`,
  buttons: {
    previous: '◀️',
    next: '▶️',
    publish: 'Активировать',
    unpublish: 'Снять',
    calendar: 'Календарь',
    addBlock: 'Добавить блок',
    edit: 'Редактировать',
    toList: '⬅️ К списку',
    back: '⬅️ Назад',
    toCard: '⬅️ К объекту',
    toCalendar: '⬅️ К календарю',
    yesUnpublish: 'Да, снять',
    yesUnblock: 'Да, снять блок',
    no: 'Нет',
  },
  // The card.
  published: '🟢 Опубликован — гости видят его в поиске',
  hidden: '⚪️ Скрыт — гости его не видят',
  maxGuests: (count: number) => `👥 до ${n(count, '# гостя', '# гостей', '# гостей')}`,
  upcomingLine: (count: number) =>
    count > 0 ? `📅 Впереди ${bookingsCount(count)}` : '📅 Предстоящих броней нет',
  notices: {
    published: '✅ Объект опубликован — гости увидят его в поиске.',
    unpublished: '⚪️ Объект снят с публикации. Существующие брони остаются в силе.',
    saved: '✅ Сохранено.',
    freeDay: 'Этот день свободен. Чтобы закрыть даты, нажмите «Добавить блок».',
    pastDay: 'Этот день уже прошёл; он был свободен.',
    blockRemoved: '✅ Блок снят — эти даты снова можно бронировать.',
  },
  /** Publishing refused because the realtor's agency is inactive (listings of inactive agencies are hidden). */
  agencyInactive: 'Опубликовать нельзя: ваше агентство неактивно. Обратитесь к администратору агентства.',
  confirmUnpublish: (title: string, count: number) =>
    `У «${title}» ${bookingsCount(count)}. Брони останутся в силе, но новые гости не найдут объект в поиске.\n\nСнять с публикации?`,
  // The editor (its prompts and warnings are the add-listing wizard's, in `addListing`).
  chooseField: (title: string) => `✏️ Что изменить в «${title}»?`,
  // The calendar.
  calendarTitle: (title: string) => `📅 Календарь «${title}»`,
  legend:
    '🔴 — бронь, ⛔ — блок, просто число — свободно. Нажмите на бронь, чтобы открыть её, или на блок, чтобы снять его.',
  bookingTitle: (id: number, title: string) => `🧾 Бронь №${id} · «${title}»`,
  guest: (name: string, phone: string) => `👤 ${name}, ${phone}`,
  stay: (stay: string, nights: number, guests: number) =>
    `📅 ${stay} · ${n(nights, '# ночь', '# ночи', '# ночей')} · 👥 ${guests}`,
  total: (total: string) => `💰 ${total}`,
  bookingStatus: {
    pending: '⏳ ждёт оплаты или вашего подтверждения',
    confirmed: '✅ подтверждена',
    cancelled: '❌ отменена',
    completed: '🏁 завершена',
  },
  confirmUnblock: (span: string, note: string | null) =>
    `⛔ Блок: ${span}${note ? `\n📝 ${note}` : ''}\n\nСнять блок? Даты снова станут доступны для бронирования.`,
  toBlock: '🔒 Блокировка дат.',
};
