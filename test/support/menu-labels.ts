import { messagesFor } from '../../src/bot/i18n/index.ts';
import { mainMenuKeyboard } from '../../src/bot/menu.ts';
import type { UserRole } from '../../src/db/entities/index.ts';

/** The labels of `role`'s main menu in Russian, as the keyboard shows them (`unread` on «🔔 Уведомления»). */
export const mainMenuLabels = (role: UserRole | null, unread = 0): string[][] =>
  mainMenuKeyboard(role, messagesFor('ru'), unread).map((row) => row.map((button) => button.text));
