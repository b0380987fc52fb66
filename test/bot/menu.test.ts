import { describe, expect, it } from 'vitest';
import { LOCALES, messagesFor } from '../../src/bot/i18n/index.ts';
import { type MenuItem, mainMenuKeyboard, menuItemFor, menuItems } from '../../src/bot/menu.ts';
import type { UserRole } from '../../src/db/entities/index.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');
const labels = (role: UserRole | null, locale: 'ru' | 'en' = 'ru', unread = 0) =>
  mainMenuKeyboard(role, messagesFor(locale), unread).map((row) => row.map((button) => button.text));

const ROLES: (UserRole | null)[] = [null, 'guest', 'realtor', 'super_admin', 'superuser'];

describe('main menu (ReplyKeyboard) per role, in Russian', () => {
  it('without an account: search, sign up, link', () => {
    expect(labels(null)).toEqual([['🔍 Поиск'], ['📝 Регистрация', '🔗 Привязать аккаунт'], ['🌐 Язык']]);
  });

  it('Guest', () => {
    expect(labels('guest')).toEqual([
      ['🔍 Поиск', '📦 Мои бронирования'],
      ['⭐ Избранное', '📝 Отзывы'],
      ['🔔 Уведомления', '🌐 Язык'],
    ]);
  });

  it('Realtor', () => {
    expect(labels('realtor')).toEqual([
      ['🏘 Мои объекты', '➕ Добавить объект'],
      ['📅 Брони', '🔔 Уведомления'],
      ['🌐 Язык'],
    ]);
  });

  it('Super Admin', () => {
    expect(labels('super_admin')).toEqual([
      ['👥 Риелторы', '📊 Агентство'],
      ['🔔 Уведомления', '🌐 Язык'],
    ]);
  });

  it('Superuser', () => {
    expect(labels('superuser')).toEqual([
      ['🏢 Агентства', '🔎 Пользователь'],
      ['👥 Пользователи', '👨‍💼 Риелторы'],
      ['🔔 Уведомления', '🌐 Язык'],
    ]);
  });
});

describe('main menu in English', () => {
  it.each(ROLES)('%s has the same items with the English labels', (role) => {
    expect(labels(role, 'en')).toEqual(menuItems(role).map((row) => row.map((item) => en.menu[item])));
    expect(labels(role, 'en').flat()).not.toContain(ru.menu.search);
  });

  it('Guest', () => {
    expect(labels('guest', 'en')).toEqual([
      ['🔍 Search', '📦 My bookings'],
      ['⭐ Favourites', '📝 Reviews'],
      ['🔔 Notifications', '🌐 Language'],
    ]);
  });
});

describe('the unread count', () => {
  it.each(['guest', 'realtor', 'super_admin', 'superuser'] as const)(
    'shows on the notifications button of %s',
    (role) => {
      expect(labels(role, 'ru', 3).flat()).toContain('🔔 Уведомления (3)');
      expect(labels(role, 'en', 12).flat()).toContain('🔔 Notifications (12)');
      expect(labels(role, 'ru', 0).flat()).toContain('🔔 Уведомления');
    },
  );
});

describe('menuItemFor', () => {
  it.each(LOCALES)(
    'recognises every label of every role in %s, and the labels of a menu are distinct',
    (locale) => {
      const t = messagesFor(locale);
      for (const role of ROLES) {
        const items = menuItems(role).flat();
        expect(new Set(items.map((item) => t.menu[item])).size).toBe(items.length);
        for (const item of items) expect(menuItemFor(t.menu[item], role, t)).toBe(item);
      }
    },
  );

  it('recognises the notifications button with its unread count', () => {
    expect(menuItemFor('🔔 Уведомления (3)', 'guest', ru)).toBe('notifications');
    expect(menuItemFor(ru.menu.notificationsCount(120), 'superuser', ru)).toBe('notifications');
    expect(menuItemFor(en.menu.notificationsCount(1), 'realtor', en)).toBe('notifications');
  });

  it("does not take another role's button, another language's label or other text", () => {
    const none: [string, UserRole | null][] = [
      ['🏘 Мои объекты', 'guest'],
      ['👥 Пользователи', 'super_admin'],
      ['📦 Мои бронирования', 'realtor'],
      ['📝 Регистрация', 'guest'],
      ['🔔 Уведомления', null],
      ['🔍 Search', 'guest'],
      ['Поиск', 'guest'],
      ['🔍 поиск', 'guest'],
      ['', 'guest'],
    ];
    for (const [text, role] of none) expect(menuItemFor(text, role, ru), `${text} for ${role}`).toBeNull();
  });

  it('every menu item of every role has a label in both languages', () => {
    const items = new Set<MenuItem>(ROLES.flatMap((role) => menuItems(role).flat()));
    for (const item of items) {
      expect(ru.menu[item]).toBeTruthy();
      expect(en.menu[item]).toBeTruthy();
    }
  });
});
