import { describe, expect, it } from 'vitest';
import { LOCALES, localeFromTelegram, type Messages, messagesFor } from '../../src/bot/i18n/index.ts';
import { expectSamplesFilled, type SampleCalls } from '../support/i18n-samples.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

type Leaf = { path: string; value: unknown };

/** Every leaf (string or function) of a catalogue, by dotted path. */
function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'object' && node !== null) {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  return [{ path, value: node }];
}

/** One call with realistic arguments for every message that is a function. */
/** Sections whose own tests call every message (test/bot/*.i18n.test.ts and the flows' view tests). */
const SECTIONS_TESTED_ELSEWHERE = [
  'favorites',
  'reviews',
  'notificationsList',
  'booking',
  'myBookings',
  'superAdmin',
  'users',
  'platformRealtors',
  'agencyPicker',
  'addListing',
  'publishListing',
  'realtorBookings',
  'myListings',
  'blockDates',
  'agencies',
  'addAgency',
  'findUser',
];

const calls: SampleCalls = {
  'search.unknownCity': (t) => t.search.unknownCity('Алматы, Астана'),
  'search.pickCheckOut': (t) => t.search.pickCheckOut('12.12.2026'),
  'search.amenitiesChosen': (t) => t.search.amenitiesChosen('Wi-Fi, Кухня'),
  'search.stay': (t) => t.search.stay('12.12.2026 – 15.12.2026', 3),
  'search.guestsCount': (t) => t.search.guestsCount(2),
  'search.priceUpTo': (t) => t.search.priceUpTo('15 000 ₸'),
  'search.priceFrom': (t) => t.search.priceFrom('40 000 ₸'),
  'search.priceBetween': (t) => t.search.priceBetween('15 000 ₸', '25 000 ₸'),
  'search.priceSummary': (t) => t.search.priceSummary('до 15 000 ₸'),
  'search.found': (t) => t.search.found(12, 1, 3),
  'search.perNight': (t) => t.search.perNight('15 000 ₸'),
  'search.forStay': (t) => t.search.forStay('45 000 ₸', 3),
  'search.rating': (t) => t.search.rating('4,5', 2),
  'search.more': (t) => t.search.more(1),
  'search.book': (t) => t.search.book(1),
  'search.favorite': (t) => t.search.favorite(1),
  'search.maxGuests': (t) => t.search.maxGuests(4),
  'search.amenitiesLine': (t) => t.search.amenitiesLine('Wi-Fi, Кухня'),
  'menu.notificationsCount': (t) => t.menu.notificationsCount(3),
  'common.welcomeAnonymous': (t) => t.common.welcomeAnonymous('Айгерим'),
  'common.menu': (t) => t.common.menu('Айгерим', 'super_admin'),
  'register.askEmail': (t) => t.register.askEmail('+77011234567'),
  'register.summary': (t) => t.register.summary('+77011234567', 'a@example.kz'),
  'link.wrongCode': (t) => t.link.wrongCode(2),
  'link.rateLimited': (t) => t.link.rateLimited(30),
  'link.done': (t) => t.link.done('realtor'),
  'notifications.booking_created': (t) =>
    t.notifications.booking_created({
      listingTitle: 'Студия у Байтерека',
      checkIn: '2025-07-01',
      checkOut: '2025-07-03',
      guestName: 'Айгерим',
      total: 36000,
    }),
  'notifications.booking_confirmed': (t) =>
    t.notifications.booking_confirmed({
      listingTitle: 'Студия',
      checkIn: '2025-07-01',
      checkOut: '2025-07-03',
      by: 'payment',
    }),
  'notifications.booking_cancelled': (t) =>
    t.notifications.booking_cancelled({
      listingTitle: 'Студия',
      checkIn: '2025-07-01',
      checkOut: '2025-07-03',
      reason: 'планы изменились',
    }),
  'notifications.booking_completed': (t) => t.notifications.booking_completed({ listingTitle: 'Студия' }),
  'notifications.review_created': (t) =>
    t.notifications.review_created({ listingTitle: 'Студия', rating: 4 }),
  'notifications.role_changed': (t) => t.notifications.role_changed({ role: 'realtor', agencyName: 'Дом' }),
  'notifications.status_changed': (t) => t.notifications.status_changed({ status: 'blocked' }),
  'notifications.agency_changed': (t) =>
    t.notifications.agency_changed({ realtorName: 'Ерлан', fromAgency: null, toAgency: 'Дом' }),
};

describe('message catalogues', () => {
  it('en has every message of ru, of the same kind, and nothing ru lacks', () => {
    const shape = (t: Messages) =>
      leaves(t)
        .map(({ path, value }) => `${path}: ${typeof value}`)
        .sort();
    expect(shape(en)).toEqual(shape(ru));
  });

  it.each(LOCALES)('%s has no empty text', (locale) => {
    const empty = leaves(messagesFor(locale)).filter(
      ({ value }) => typeof value === 'string' && value.trim() === '',
    );
    expect(empty).toEqual([]);
  });

  it('every message that is a function has a sample call here', () => {
    const functions = leaves(ru)
      .filter(({ value }) => typeof value === 'function')
      .map(({ path }) => path)
      .filter((path) => !SECTIONS_TESTED_ELSEWHERE.includes(path.split('.')[0] ?? ''));
    expect(functions.sort()).toEqual(Object.keys(calls).sort());
  });

  it.each(LOCALES)('%s fills every function message with its arguments', (locale) => {
    expectSamplesFilled(calls, messagesFor(locale));
    expect(calls['common.welcomeAnonymous']!(messagesFor(locale))).toContain('Айгерим');
    expect(calls['register.summary']!(messagesFor(locale))).toContain('a@example.kz');
  });

  it('speaks of the reader’s role by its name', () => {
    expect(ru.common.menu('Айгерим', 'super_admin')).toContain('Супер Админ');
    expect(en.common.menu('Aigerim', 'super_admin')).toContain('Super Admin');
    expect(ru.link.done('guest')).toContain('Гость');
    expect(en.link.done('superuser')).toContain('Superuser');
  });

  it('names the person who changed agency by their role; old notifications without a role read as a realtor', () => {
    const move = { realtorName: 'Олжас', fromAgency: null, toAgency: 'Дом' };
    expect(ru.notifications.agency_changed({ ...move, role: 'super_admin' })).toBe(
      'Супер Админ Олжас: агентство — → «Дом».',
    );
    expect(en.notifications.agency_changed({ ...move, role: 'super_admin' })).toBe(
      'Super Admin Олжас: agency — → "Дом".',
    );
    for (const data of [move, { ...move, role: 'realtor' as const }]) {
      expect(ru.notifications.agency_changed(data)).toBe('Риелтор Олжас: агентство — → «Дом».');
      expect(en.notifications.agency_changed(data)).toBe('Realtor Олжас: agency — → "Дом".');
    }
  });

  it('tells a realtor their account is deactivated or activated, anyone else (or an old notification) blocked or active', () => {
    expect(ru.notifications.status_changed({ status: 'blocked', role: 'realtor' })).toBe(
      'Ваш аккаунт риелтора деактивирован.',
    );
    expect(ru.notifications.status_changed({ status: 'active', role: 'realtor' })).toBe(
      'Ваш аккаунт риелтора снова активирован.',
    );
    expect(en.notifications.status_changed({ status: 'blocked', role: 'realtor' })).toBe(
      'Your realtor account was deactivated.',
    );
    expect(en.notifications.status_changed({ status: 'active', role: 'realtor' })).toBe(
      'Your realtor account is activated again.',
    );
    for (const data of [{}, { role: 'guest' as const }, { role: 'super_admin' as const }]) {
      expect(ru.notifications.status_changed({ status: 'blocked', ...data })).toBe(
        'Ваш аккаунт заблокирован.',
      );
      expect(ru.notifications.status_changed({ status: 'active', ...data })).toBe(
        'Ваш аккаунт снова активен.',
      );
      expect(en.notifications.status_changed({ status: 'blocked', ...data })).toBe(
        'Your account is blocked.',
      );
      expect(en.notifications.status_changed({ status: 'active', ...data })).toBe(
        'Your account is active again.',
      );
    }
  });
});

describe('plural forms', () => {
  it.each([
    [1, 'Осталась 1 попытка'],
    [2, 'Осталось 2 попытки'],
    [5, 'Осталось 5 попыток'],
    [11, 'Осталось 11 попыток'],
    [21, 'Осталась 21 попытка'],
    [0, 'Осталось 0 попыток'],
  ])('ru: %i wrong-code attempts left → «%s»', (count, form) => {
    expect(ru.link.wrongCode(count)).toBe(`Неверный код. ${form}.`);
  });

  it.each([
    [1, 'через 1 секунду'],
    [2, 'через 2 секунды'],
    [5, 'через 5 секунд'],
    [11, 'через 11 секунд'],
    [21, 'через 21 секунду'],
    [22, 'через 22 секунды'],
  ])('ru: a wait of %i seconds → «%s»', (count, form) => {
    expect(ru.link.rateLimited(count)).toContain(`${form}.`);
  });

  it('en: one and other', () => {
    expect(en.link.wrongCode(1)).toBe('Wrong code. 1 attempt left.');
    expect(en.link.wrongCode(2)).toBe('Wrong code. 2 attempts left.');
    expect(en.link.wrongCode(0)).toBe('Wrong code. 0 attempts left.');
    expect(en.link.rateLimited(1)).toContain('in 1 second.');
    expect(en.link.rateLimited(2)).toContain('in 2 seconds.');
  });
});

describe('ru menu labels', () => {
  it('are the customer’s exact texts (MISSION.md §2 and the issue)', () => {
    expect(ru.menu).toMatchObject({
      register: '📝 Регистрация',
      link: '🔗 Привязать аккаунт',
      search: '🔍 Поиск',
      myBookings: '📦 Мои бронирования',
      favorites: '⭐ Избранное',
      reviews: '📝 Отзывы',
      notifications: '🔔 Уведомления',
      myListings: '🏘 Мои объекты',
      addListing: '➕ Добавить объект',
      realtorBookings: '📅 Брони',
      agencyRealtors: '👥 Риелторы',
      agency: '📊 Агентство',
      agencies: '🏢 Агентства',
      findUser: '🔎 Пользователь',
      users: '👥 Пользователи',
      platformRealtors: '👨‍💼 Риелторы',
    });
    expect(ru.menu.notificationsCount(3)).toBe('🔔 Уведомления (3)');
  });
});

describe('language from Telegram', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    ['ru', 'ru'],
    ['kk', 'ru'],
    ['de', 'ru'],
    [undefined, 'ru'],
  ] as const)('%s → %s', (code, locale) => {
    expect(localeFromTelegram(code)).toBe(locale);
  });
});
