import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

/** The Superuser's platform-wide «👨‍💼 Realtors» in English. */
export const platformRealtors: Messages['platformRealtors'] = {
  header: '👨‍💼 Realtors of every agency are in the message below.',
  title: (total, page, pages) =>
    `👨‍💼 Realtors: ${n(total, '# realtor', '# realtors')}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
  empty: 'No realtors yet. The Realtor role is given in «👥 Users».',
  status: { active: '🟢 active', blocked: '🔴 deactivated' },
  noAgency: 'no agency',
  buttons: {
    move: (index) => `${index} · Change agency`,
    detach: (index) => `${index} · Remove agency`,
    activate: (index) => `${index} · Activate`,
    deactivate: (index) => `${index} · Deactivate`,
    previous: '◀️',
    next: '▶️',
    close: '✖️ Close',
    yes: '✅ Yes',
    no: 'No',
  },
  confirmDetach: (name, agency) =>
    `Remove realtor ${name} from "${agency}"?\n\nThe realtor and the agency's Super Admins get a notification.`,
  confirmDeactivate: (name) =>
    `Deactivate realtor ${name}?\n\nTheir listings leave search and the bot will only tell them the account is blocked.`,
  detached: (name, agency) => `✂️ Realtor ${name} is no longer with "${agency}".`,
  activated: (name) => `🟢 Realtor ${name} is active.`,
  deactivated: (name) => `🔴 Realtor ${name} is deactivated.`,
  stale: 'This realtor changed meanwhile (agency, status or role); the list is up to date now.',
};
