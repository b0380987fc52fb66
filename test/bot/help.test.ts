import { describe, expect, it } from 'vitest';
import { commandsFor, helpText } from '../../src/bot/help.ts';
import { LOCALES, messagesFor } from '../../src/bot/i18n/index.ts';
import { menuItems } from '../../src/bot/menu.ts';
import type { UserRole } from '../../src/db/entities/index.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');
const ROLES: (UserRole | null)[] = [null, 'guest', 'realtor', 'super_admin', 'superuser'];
const ALL_ITEMS = [...new Set(ROLES.flatMap((role) => menuItems(role).flat()))];
const ALL_COMMANDS = Object.keys(ru.help.commands) as (keyof typeof ru.help.commands)[];

describe('/help', () => {
  it.each(LOCALES)('lists exactly the commands and menu items of each role, in %s', (locale) => {
    const t = messagesFor(locale);
    for (const role of ROLES) {
      const text = helpText(role, t);
      const lines = text.split('\n');
      expect(text.startsWith(`ℹ️ ${t.help.title}`)).toBe(true);
      const own = menuItems(role).flat();
      for (const item of ALL_ITEMS) {
        expect(lines.includes(t.help.menuItems[item]), `${role} ${item}`).toBe(own.includes(item));
      }
      for (const command of ALL_COMMANDS) {
        expect(lines.includes(t.help.commands[command]), `${role} /${command}`).toBe(
          commandsFor(role).includes(command),
        );
      }
    }
  });

  it('offers /register and /link only to someone without an account', () => {
    expect(helpText(null, ru)).toContain('/register');
    expect(helpText(null, ru)).toContain('/link');
    for (const role of ['guest', 'realtor', 'super_admin', 'superuser'] as const) {
      expect(helpText(role, ru)).not.toContain('/register');
      expect(helpText(role, ru)).not.toContain('/link');
      expect(helpText(role, ru)).toContain('/menu');
      expect(helpText(role, ru)).toContain('/cancel');
    }
  });

  it('shows a Guest the guest items and no admin items, in Russian', () => {
    const text = helpText('guest', ru);
    for (const label of ['🔍 Поиск', '📦 Мои бронирования', '⭐ Избранное', '📝 Отзывы', '🔔 Уведомления'])
      expect(text).toContain(label);
    for (const label of ['🏘 Мои объекты', '👥 Риелторы', '🏢 Агентства', '👥 Пользователи'])
      expect(text).not.toContain(label);
  });

  it('shows a Superuser the platform items and no guest items, in English', () => {
    const text = helpText('superuser', en);
    for (const label of ['🏢 Agencies', '🔎 User', '👥 Users', '👨‍💼 Realtors'])
      expect(text).toContain(label);
    for (const label of ['📦 My bookings', '⭐ Favourites', '🏘 My listings'])
      expect(text).not.toContain(label);
    expect(text).not.toMatch(/[а-яё]/i);
  });

  it('is entirely in Russian words for a Russian reader (no English catalogue text)', () => {
    for (const role of ROLES) {
      const text = helpText(role, ru);
      for (const line of Object.values(en.help.menuItems)) expect(text).not.toContain(line);
    }
  });
});
