import type { UserRole } from '../../db/entities/index.ts';
import type { Messages } from '../i18n/index.ts';
import { mainMenuKeyboard } from '../menu.ts';
import type { OutgoingMessage } from '../screen.ts';

/** What a list flow's context says about bringing the main menu back. */
export interface MenuOnFirst {
  /** The first screen (or the first after a typing step): the main menu keyboard comes back. */
  fresh: boolean;
  /** The role and unread count the keyboard shows; null until loaded. */
  menu: { role: UserRole; unread: number } | null;
}

/**
 * A list flow's inline screen; on its first showing it comes after a `header`
 * message carrying the main menu keyboard, because whatever ran before (the
 * flow that handed over, a wizard, the agency picker) may have left its own.
 */
export function withMenuOnFirst(
  t: Messages,
  context: MenuOnFirst,
  header: string,
  screen: OutgoingMessage,
): OutgoingMessage[] {
  if (!context.fresh || !context.menu) return [screen];
  const reply = mainMenuKeyboard(context.menu.role, t, context.menu.unread);
  return [{ text: header, reply }, screen];
}
