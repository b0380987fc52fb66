import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

/** «📦 My bookings» in English. */
export const myBookings: Messages['myBookings'] = {
  header: '📦 My bookings. The bookings and what you can do with them are in the message below.',
  title: (scope, total, page, pages) =>
    `${scope === 'upcoming' ? '🗓 Upcoming' : '🕘 Past'}: ${n(total, '# booking', '# bookings')}` +
    `${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
  emptyUpcoming: 'No upcoming bookings. Find a place in «🔍 Search».',
  emptyPast: 'No past bookings yet.',
  stay: (stay, nights, guests) => `📅 ${stay} · ${n(nights, '# night', '# nights')} · 👥 ${guests}`,
  status: {
    pending: '⏳ awaiting payment',
    confirmed: '✅ confirmed',
    cancelled: '❌ cancelled',
    completed: '🏁 completed',
  },
  cancelledBy: {
    guest: 'by you',
    realtor: 'by the realtor',
    system: 'automatically: not paid before check-in',
  },
  reviewed: '⭐ reviewed',
  tabs: { upcoming: '🗓 Upcoming', past: '🕘 Past' },
  buttons: {
    pay: (index) => `${index} · 💳 Pay (demo)`,
    cancel: (index) => `${index} · ❌ Cancel`,
    review: (index) => `${index} · ⭐ Leave a review`,
    previous: '◀️',
    next: '▶️',
    close: '✖️ Close',
    yes: 'Yes, cancel it',
    no: 'No',
  },
  confirmCancel: (title, stay, total) =>
    `Cancel the booking «${title}» (${stay}, ${total})?\n\nThe dates become free and the realtor is notified.`,
  confirmCancelById: (id) => `Cancel booking #${id}?`,
  paid: '✅ Paid, the booking is confirmed.',
  alreadyPaid: 'This booking is already paid.',
  cancelled: 'The booking is cancelled. The realtor has been notified.',
  stale:
    'The booking has changed meanwhile (cancelled, say), so that no longer applies. The list is up to date.',
};
