import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { itHasFilledSamples, type SampleCalls } from '../support/i18n-samples.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

/**
 * A call with realistic arguments for every message of the `favorites`,
 * `reviews` and `notificationsList` sections that is a function (the same
 * entries belong in the catalogue-wide list of test/bot/i18n.test.ts).
 */
const calls: SampleCalls = {
  'favorites.title': (t) => t.favorites.title(7, 1, 2),
  'favorites.perNight': (t) => t.favorites.perNight('15 000 ₸'),
  'favorites.rating': (t) => t.favorites.rating('4,5', 12),
  'favorites.maxGuests': (t) => t.favorites.maxGuests(3),
  'favorites.removed': (t) => t.favorites.removed('Студия у Байтерека'),
  'favorites.emptyAfterRemoval': (t) => t.favorites.emptyAfterRemoval('Студия у Байтерека'),
  'favorites.buttons.details': (t) => t.favorites.buttons.details(1),
  'favorites.buttons.book': (t) => t.favorites.buttons.book(1),
  'favorites.buttons.remove': (t) => t.favorites.buttons.remove(1),
  'reviews.moreStays': (t) => t.reviews.moreStays(8, 11),
  'reviews.stay': (t) => t.reviews.stay('Студия', '20.11.2026 – 23.11.2026'),
  'reviews.askStars': (t) => t.reviews.askStars('Студия', '20.11.2026 – 23.11.2026'),
  'reviews.current': (t) => t.reviews.current('★★★★☆'),
  'reviews.askText': (t) => t.reviews.askText(2000),
  'reviews.preview': (t) => t.reviews.preview('Студия', '★★★★☆', 'Чисто и уютно'),
  'reviews.published': (t) => t.reviews.published('Студия', '★★★★☆'),
  'reviews.mineTitle': (t) => t.reviews.mineTitle(6, 2, 2),
  'reviews.tooLong': (t) => t.reviews.tooLong(2000),
  'notificationsList.title': (t) => t.notificationsList.title(7, 1, 2),
  'notificationsList.readAndEmpty': (t) => t.notificationsList.readAndEmpty(3),
  'notificationsList.allRead': (t) => t.notificationsList.allRead(5),
  'notificationsList.buttons.read': (t) => t.notificationsList.buttons.read(2),
};

describe('the favourites, reviews and notifications-list texts', () => {
  itHasFilledSamples(['favorites', 'reviews', 'notificationsList'], calls);

  it.each([
    [1, '⭐ Избранное: 1 квартира'],
    [3, '⭐ Избранное: 3 квартиры'],
    [5, '⭐ Избранное: 5 квартир'],
    [21, '⭐ Избранное: 21 квартира'],
  ])('ru: %i favourites → «%s»', (count, text) => {
    expect(ru.favorites.title(count, 1, 1)).toBe(text);
  });

  it.each([
    [1, '🔔 1 непрочитанное уведомление'],
    [2, '🔔 2 непрочитанных уведомления'],
    [11, '🔔 11 непрочитанных уведомлений'],
  ])('ru: %i unread → «%s»', (count, text) => {
    expect(ru.notificationsList.title(count, 1, 1)).toBe(text);
  });

  it('en: one and other', () => {
    expect(en.favorites.title(1, 1, 1)).toBe('⭐ Favourites: 1 flat');
    expect(en.favorites.title(2, 2, 3)).toBe('⭐ Favourites: 2 flats · page 2 of 3');
    expect(en.favorites.rating('4.5', 1)).toBe('★ 4.5 (1 review)');
    expect(en.notificationsList.allRead(1)).toBe('✅ 1 notification marked as read.');
    expect(en.notificationsList.allRead(4)).toBe('✅ 4 notifications marked as read.');
  });

  it('ru: reviews and guests in the right form', () => {
    expect(ru.favorites.rating('4,5', 2)).toBe('★ 4,5 (2 отзыва)');
    expect(ru.favorites.rating('5', 11)).toBe('★ 5 (11 отзывов)');
    expect(ru.favorites.maxGuests(1)).toBe('до 1 гостя');
    expect(ru.favorites.maxGuests(4)).toBe('до 4 гостей');
    expect(ru.notificationsList.allRead(2)).toBe('✅ 2 уведомления отмечены прочитанными.');
    expect(ru.notificationsList.allRead(1)).toBe('✅ 1 уведомление отмечено прочитанными.');
  });
});
