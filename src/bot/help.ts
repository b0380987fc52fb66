import type { UserRole } from '../db/entities/index.ts';
import type { Messages } from './i18n/index.ts';
import { menuItems } from './menu.ts';

/** The commands a person can send, by whether they have an account. */
export function commandsFor(role: UserRole | null): (keyof Messages['help']['commands'])[] {
  return role
    ? ['start', 'menu', 'language', 'cancel', 'help']
    : ['start', 'menu', 'register', 'link', 'language', 'cancel', 'help'];
}

/** /help: the commands and the menu items of this role, in the reader's language. */
export function helpText(role: UserRole | null, t: Messages): string {
  const commands = commandsFor(role).map((name) => t.help.commands[name]);
  const items = menuItems(role)
    .flat()
    .map((item) => t.help.menuItems[item]);
  return [`ℹ️ ${t.help.title}`, '', ...commands, '', t.help.menuTitle, ...items].join('\n');
}
