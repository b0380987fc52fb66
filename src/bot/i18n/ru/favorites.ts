import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

/** «⭐ Избранное» in Russian. */
export const favorites = {
  title: (total: number, page: number, pages: number) =>
    `⭐ Избранное: ${n(total, '# квартира', '# квартиры', '# квартир')}${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}`,
  perNight: (price: string) => `${price} / ночь`,
  rating: (average: string, count: number) =>
    count > 0 ? `★ ${average} (${n(count, '# отзыв', '# отзыва', '# отзывов')})` : 'без отзывов',
  maxGuests: (count: number) => `до ${n(count, '# гостя', '# гостей', '# гостей')}`,
  unavailable: '⛔ Сейчас недоступна для бронирования',
  amenities: 'Удобства:',
  latestReviews: 'Последние отзывы:',
  noReviews: 'Отзывов пока нет.',
  removed: (title: string) => `🗑 «${title}» удалена из избранного.`,
  empty: '⭐ В избранном пока пусто. Добавляйте квартиры кнопкой «⭐ В избранное» в результатах поиска.',
  emptyAfterRemoval: (title: string) => `🗑 «${title}» удалена из избранного. В избранном больше ничего нет.`,
  useButtons: 'Выберите действие кнопками под сообщением.',
  buttons: {
    details: (index: number) => `${index} · Подробнее`,
    book: (index: number) => `${index} · Забронировать`,
    remove: (index: number) => `${index} · Удалить из избранного`,
    cardBook: '📅 Забронировать',
    cardRemove: '🗑 Удалить из избранного',
    backToList: '⬅️ К избранному',
    previous: '◀️',
    next: '▶️',
    close: '✖️ Закрыть',
  },
};
