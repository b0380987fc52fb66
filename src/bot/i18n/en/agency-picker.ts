import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

/** The agency picker («Change agency», the agency of a new Realtor or Super Admin) in English. */
export const agencyPicker: Messages['agencyPicker'] = {
  askReassign: (name, agency) =>
    `🔁 Change agency: realtor ${name}, now ${agency ? `at "${agency}"` : 'with no agency'}.\n\n` +
    'Type the agency ID or part of its name or city:',
  askRole: (name, role) =>
    `🏢 The agency for ${name}, ${role === 'realtor' ? 'the new realtor' : 'the new Super Admin'}.\n\n` +
    'Type the agency ID or part of its name or city:',
  noMatches: (query) => `No agency matches "${query}". Try another ID, name or city.`,
  badQuery: 'Type an agency ID or part of a name or city (up to 100 characters).',
  pickBelow: 'Pick an agency below or type another search.',
  found: (total, page, pages) =>
    `${n(total, '# agency', '# agencies')} found${pages > 1 ? ` · page ${page} of ${pages}` : ''}:`,
  capped: 'Showing the first 50: narrow the search to see the others.',
  option: (name, city, id) => `${name} · ${city} · ID ${id}`,
  buttons: { previous: '◀️', next: '▶️' },
  inactiveMark: '⏸ ',
  currentMark: '📍 ',
  legend: '📍 the current agency, ⏸ inactive.',
  sameAgency: (agency) => `The realtor is already at "${agency}". Pick another one.`,
  confirmReassign: (name, agency) => `Move realtor ${name} to "${agency}"?`,
  confirmRole: (name, role, agency) =>
    role === 'realtor'
      ? `Make ${name} a realtor of "${agency}"?`
      : `Make ${name} a Super Admin of "${agency}"?`,
  agencyLine: (city, id) => `🏙 ${city} · ID ${id}`,
  inactiveWarning: '⚠️ The agency is inactive: its listings stay out of search until it is activated.',
  notifyReassign: 'The realtor and the Super Admins of both agencies get a notification.',
  notifyRole: "The user and the agency's Super Admins get a notification; the user's bot menu changes.",
  reassigned: (name, agency) =>
    `✅ Realtor ${name} moved to "${agency}". The realtor and the Super Admins got a notification.`,
  roleGiven: (name, role, agency) =>
    `✅ ${name} is now ${role === 'realtor' ? 'a realtor' : 'a Super Admin'} of "${agency}". They got a notification.`,
  unchanged: 'The agency was not changed.',
  stale: 'Something changed meanwhile (e.g. the realtor moved or got another role). Pick the agency again.',
};
