import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

/** «🏢 Agencies» (Superuser) in English. */
export const agencies: Messages['agencies'] = {
  header: '🏢 Agencies. The list and what you can do are in the message below.',
  title: (total, page, pages) =>
    `🏢 ${n(total, '# agency', '# agencies')}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
  empty: 'No agencies yet. Add the first one with «➕ Add agency».',
  active: '🟢 active',
  inactive: '🔴 inactive',
  realtors: (count) => n(count, '# realtor', '# realtors'),
  listings: (count) => n(count, '# listing', '# listings'),
  newMark: '🆕',
  buttons: {
    more: (index) => `${index} · Details`,
    activate: (index) => `${index} · Activate`,
    deactivate: (index) => `${index} · Deactivate`,
    add: '➕ Add agency',
    export: '📥 Export bookings (CSV)',
    previous: '◀️',
    next: '▶️',
    close: '✖️ Close',
    yes: 'Yes, deactivate',
    no: 'No',
    cardActivate: 'Activate',
    cardDeactivate: 'Deactivate',
    edit: 'Edit',
    toList: '⬅️ To the list',
    back: '⬅️ Back',
  },
  confirmDeactivate: (name) =>
    `Deactivate the agency «${name}»?\n\nIts listings leave search until the agency is activated again. ` +
    'Bookings, realtors and data are kept.',
  activated: (name) => `✅ The agency «${name}» is active: its listings are back in search.`,
  deactivated: (name) => `🔴 The agency «${name}» is inactive: its listings are hidden from search.`,
  saved: (name) => `✅ The changes to «${name}» are saved.`,
  stale: 'The agency changed meanwhile — this is how it is now.',
  useButtons: 'Use the buttons under the message.',
  card: {
    title: (name, city) => `🏢 «${name}» — ${city}`,
    status: (active, since) =>
      `${active ? '🟢 Active' : '🔴 Inactive: listings hidden from search'} · on the platform since ${since}`,
    contacts: (phone, email) => `📞 ${phone}\n✉️ ${email}`,
    realtors: (active, total) => `👨‍💼 Realtors: ${total}${total > 0 ? ` (${active} active)` : ''}`,
    listings: (published, total) => `🏠 Listings: ${total}${total > 0 ? ` (${published} published)` : ''}`,
    bookings: (total) => `📅 Bookings: ${total}`,
    bookingStatuses: (counts) =>
      `⏳ awaiting payment ${counts.pending} · ✅ confirmed ${counts.confirmed} · ` +
      `🏁 completed ${counts.completed} · ❌ cancelled ${counts.cancelled}`,
    revenue: (amount) => `💰 Revenue: ${amount}`,
    superAdmins: '👤 Super Admins:',
    noSuperAdmins: '👤 No Super Admin yet: appoint one in «👥 Users».',
    superAdmin: (name, email, phone, blocked) =>
      `• ${name} — ${email}, ${phone}${blocked ? ' (blocked)' : ''}`,
  },
  fields: { name: 'Name', city: 'City', phone: 'Phone', email: 'Email' },
  chooseField: (name) => `✏️ What to change in «${name}»? One field at a time.`,
  askValue: {
    name: (current) => `Type the agency's new name (now «${current}»), 2 to 100 characters.`,
    city: (current) => `Pick the agency's new city with a button or type it (now ${current}).`,
    phone: (current) => `Type the agency's new phone (now ${current}), e.g. +7 727 250 01 00.`,
    email: (current) => `Type the agency's new email (now ${current}), e.g. office@agency.kz.`,
  },
  badName: 'The name must be 2 to 100 characters long.',
  badCity: 'The city must be 2 to 100 characters long.',
  badPhone: 'That does not look like a Kazakhstan number. Example: +7 727 250 01 00 or 8 701 123 45 67.',
  badEmail: 'That does not look like an email. Example: office@agency.kz',
  nameTaken: 'An agency with this name already exists. Type another name.',
};
