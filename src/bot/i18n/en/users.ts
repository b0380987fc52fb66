import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

const becomes = {
  guest: 'a Guest',
  realtor: 'a Realtor',
  super_admin: 'a Super Admin',
  superuser: 'a Superuser',
};

/** «👥 Users» (Superuser) in English. */
export const users: Messages['users'] = {
  header: '👥 Users. The newest accounts are in the message below.',
  title: (total, page, pages) =>
    `👥 Users, newest first: ${n(total, '# account', '# accounts')}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
  empty: 'No users yet.',
  status: { active: '🟢 active', blocked: '⛔ blocked' },
  buttons: {
    role: (index) => `${index} · 🎭 Role`,
    block: (index) => `${index} · Block`,
    unblock: (index) => `${index} · Unblock`,
    previous: '◀️',
    next: '▶️',
    close: '✖️ Close',
    back: '⬅️ Back',
    yes: '✅ Yes',
    no: 'No',
  },
  chooseRole: (name, role, agency) =>
    `🎭 ${name}: now ${role}${agency ? ` at "${agency}"` : ', no agency'}.\n\n` +
    'Pick the new role. For a Realtor or Super Admin without an agency the bot asks which one.',
  confirmRole: (name, role, agency) => {
    const keeps = role === 'realtor' || role === 'super_admin';
    const question =
      keeps && agency ? `Make ${name} ${becomes[role]} of "${agency}"?` : `Make ${name} ${becomes[role]}?`;
    const detach = !keeps && agency ? `\nThey leave the agency "${agency}".` : '';
    return `${question}${detach}\n\nThey get a notification and their bot menu changes.`;
  },
  confirmBlock: (name) =>
    `Block ${name}?\n\nThe bot will only tell them the account is blocked; a realtor's listings leave search.`,
  confirmUnblock: (name) => `Unblock ${name}?`,
  roleSet: (name, role, agency) =>
    `✅ ${name}: role ${role}${agency ? ` at "${agency}"` : ''}. They got a notification.`,
  blocked: (name) => `⛔ ${name}: the account is blocked.`,
  unblocked: (name) => `✅ ${name}: the account is active again.`,
  stale: 'This user changed meanwhile (role, status or agency); the list is up to date now.',
};
