import type { Messages } from '../messages.ts';

/** «🔎 User» (Superuser) in English. */
export const findUser: Messages['findUser'] = {
  ask: '🔎 Find a user. Type their email or phone, e.g. name@example.kz or +7 701 123 45 67.',
  badQuery:
    'That is neither an email nor a Kazakhstan number. Examples: name@example.kz, +7 701 123 45 67, 87011234567.',
  notFound: (query) => `No user «${query}». Check the email or number and type it again.`,
  intro: '🔎 User — the card is below. To find someone else, type their email or phone.',
  card: {
    name: (name) => `👤 ${name}`,
    email: (email) => `✉️ ${email}`,
    phone: (phone) => `📞 ${phone}`,
    role: (role) => `🎭 Role: ${role}`,
    status: (active) => (active ? '🟢 Status: active' : '⛔ Status: blocked'),
    agency: (name) => `🏢 Agency: ${name ? `«${name}»` : '—'}`,
    telegram: (linked) => `💬 Telegram: ${linked ? 'linked' : 'not linked'}`,
    registered: (date) => `📅 Signed up: ${date}`,
  },
  buttons: {
    block: 'Block',
    unblock: 'Unblock',
    again: '🔎 Search again',
    close: '✖️ Close',
    yes: 'Yes, block',
    no: 'No',
  },
  confirmBlock: (name, email) =>
    `Block ${name} (${email})?\n\n` +
    'The bot will answer them only with the blocked notice until they are unblocked. They will be notified.',
  blocked: '⛔ The user is blocked and has been notified.',
  unblocked: '✅ The user is unblocked and has been notified.',
  stale: 'The status changed meanwhile — the card is up to date.',
  useButtons: 'Use the buttons under the card.',
};
