import type { UserRole } from '../db/entities/index.ts';
import type { Messages } from './i18n/index.ts';
import type { ReplyButton } from './screen.ts';

/** Every main-menu item, by the key of its label in the catalogue. */
export type MenuItem = Exclude<keyof Messages['menu'], 'notificationsCount'>;

/** The main menu (ReplyKeyboard rows) of each role; null = no linked account. */
const MENUS: Record<UserRole | 'anonymous', MenuItem[][]> = {
  anonymous: [['search'], ['register', 'link'], ['language']],
  guest: [
    ['search', 'myBookings'],
    ['favorites', 'reviews'],
    ['notifications', 'language'],
  ],
  realtor: [['myListings', 'addListing'], ['realtorBookings', 'notifications'], ['language']],
  super_admin: [
    ['agencyRealtors', 'agency'],
    ['notifications', 'language'],
  ],
  superuser: [
    ['agencies', 'findUser'],
    ['users', 'platformRealtors'],
    ['notifications', 'language'],
  ],
};

/** The menu items of a role (or of a person without an account). */
export function menuItems(role: UserRole | null): MenuItem[][] {
  return MENUS[role ?? 'anonymous'];
}

/** The main menu as reply-keyboard rows; the notifications button shows the unread count. */
export function mainMenuKeyboard(role: UserRole | null, t: Messages, unread = 0): ReplyButton[][] {
  return menuItems(role).map((row) =>
    row.map((item) => ({
      text: item === 'notifications' && unread > 0 ? t.menu.notificationsCount(unread) : t.menu[item],
    })),
  );
}

/**
 * The menu of a deactivated realtor: only the language, the one thing that
 * still works (the line above it says why the rest is gone).
 */
export function inactiveRealtorKeyboard(t: Messages): ReplyButton[][] {
  return [[{ text: t.menu.language }]];
}

/** Which menu item a typed text is, for this role, in this language (also with any unread count). */
export function menuItemFor(text: string, role: UserRole | null, t: Messages): MenuItem | null {
  for (const row of menuItems(role)) {
    for (const item of row) {
      if (text === t.menu[item]) return item;
      if (item === 'notifications' && text.startsWith(`${t.menu.notifications} (`)) return item;
    }
  }
  return null;
}
