import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { itHasFilledSamples, type SampleCalls } from '../support/i18n-samples.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

const span = '12.12.2026 – 14.12.2026 (3 ночи), с 15.12.2026 снова свободно';

/**
 * A call with realistic arguments for every message of the `myListings` and
 * `blockDates` sections that is a function (test/bot/i18n.test.ts leaves these
 * sections to this file).
 */
const calls: SampleCalls = {
  'myListings.title': (t) => t.myListings.title(9, 1, 2),
  'myListings.perNight': (t) => t.myListings.perNight('15 000 ₸'),
  'myListings.upcoming': (t) => t.myListings.upcoming(2),
  'myListings.open': (t) => t.myListings.open(1, 'Студия у Медеу'),
  'myListings.maxGuests': (t) => t.myListings.maxGuests(4),
  'myListings.upcomingLine': (t) => t.myListings.upcomingLine(1),
  'myListings.confirmUnpublish': (t) => t.myListings.confirmUnpublish('Студия у Медеу', 2),
  'myListings.chooseField': (t) => t.myListings.chooseField('Студия у Медеу'),
  'myListings.calendarTitle': (t) => t.myListings.calendarTitle('Студия у Медеу'),
  'myListings.bookingTitle': (t) => t.myListings.bookingTitle(41, 'Студия у Медеу'),
  'myListings.guest': (t) => t.myListings.guest('Алия Серикова', '+77010000021'),
  'myListings.stay': (t) => t.myListings.stay('05.12.2026 – 08.12.2026', 3, 2),
  'myListings.total': (t) => t.myListings.total('45 000 ₸'),
  'myListings.confirmUnblock': (t) => t.myListings.confirmUnblock(span, 'Ремонт'),
  'blockDates.askDates': (t) => t.blockDates.askDates('Студия у Медеу'),
  'blockDates.pickEnd': (t) => t.blockDates.pickEnd('12.12.2026'),
  'blockDates.conflict': (t) =>
    t.blockDates.conflict(
      41,
      'Алия Серикова',
      '13.12.2026 – 16.12.2026',
      t.myListings.bookingStatus.confirmed,
    ),
  'blockDates.askNote': (t) => t.blockDates.askNote(span),
  'blockDates.summary': (t) => t.blockDates.summary('Студия у Медеу', span, null),
  'blockDates.span': (t) => t.blockDates.span('12.12.2026', '14.12.2026', 3, '15.12.2026'),
  'blockDates.added': (t) => t.blockDates.added(span),
};

describe('the «🏘 Мои объекты» and «Добавить блок» texts', () => {
  itHasFilledSamples(['myListings', 'blockDates'], calls);

  it('use the customer’s labels for the card’s actions', () => {
    expect(ru.myListings.buttons).toMatchObject({
      publish: 'Активировать',
      unpublish: 'Снять',
      calendar: 'Календарь',
      addBlock: 'Добавить блок',
      edit: 'Редактировать',
      toList: '⬅️ К списку',
    });
  });

  it.each([
    [1, '🏘 1 объект', '📅 1 предстоящая бронь'],
    [3, '🏘 3 объекта', '📅 3 предстоящие брони'],
    [5, '🏘 5 объектов', '📅 5 предстоящих броней'],
    [21, '🏘 21 объект', '📅 21 предстоящая бронь'],
  ])('ru: %i listings and bookings → «%s», «%s»', (count, listings, bookings) => {
    expect(ru.myListings.title(count, 1, 1)).toBe(listings);
    expect(ru.myListings.upcoming(count)).toBe(bookings);
  });

  it('ru and en: nights, guests and a one-night block in the right form', () => {
    expect(ru.blockDates.span('12.12.2026', '12.12.2026', 1, '13.12.2026')).toBe(
      '12.12.2026 (1 ночь), с 13.12.2026 снова свободно',
    );
    expect(ru.blockDates.span('12.12.2026', '16.12.2026', 5, '17.12.2026')).toContain('(5 ночей)');
    expect(en.blockDates.span('12.12.2026', '13.12.2026', 2, '14.12.2026')).toBe(
      '12.12.2026 – 13.12.2026 (2 nights), free again from 14.12.2026',
    );
    expect(ru.myListings.maxGuests(1)).toBe('👥 до 1 гостя');
    expect(ru.myListings.maxGuests(5)).toBe('👥 до 5 гостей');
    expect(en.myListings.maxGuests(1)).toBe('👥 up to 1 guest');
    expect(en.myListings.title(6, 2, 2)).toBe('🏘 6 listings · page 2 of 2');
    expect(ru.myListings.upcoming(0)).toBe('📅 нет предстоящих броней');
  });
});
