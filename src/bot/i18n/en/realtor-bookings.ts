import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

const TABS = { new: '🆕 New', upcoming: '🗓 Upcoming', past: '🕘 Past' };

/** «📅 Bookings» (bookings of the realtor's listings) in English. */
export const realtorBookings: Messages['realtorBookings'] = {
  header: '📅 Bookings of your listings. The list and actions are in the message below.',
  title: (filter, total, page, pages) =>
    `${TABS[filter]}: ${n(total, '# booking', '# bookings')}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
  empty: {
    new: 'No new bookings: every request is handled.',
    upcoming: 'No upcoming confirmed bookings.',
    past: 'No past bookings yet.',
  },
  guest: (name, phone) => `👤 ${name} · 📞 ${phone}`,
  stay: (stay, nights, guests) => `📅 ${stay} · ${n(nights, '# night', '# nights')} · 👥 ${guests}`,
  status: {
    pending: '⏳ awaiting confirmation',
    confirmed: '✅ confirmed',
    cancelled: '❌ cancelled',
    completed: '🏁 completed',
  },
  cancelledBy: {
    guest: 'by the guest',
    realtor: 'by you',
    system: 'automatically: not confirmed before check-in',
  },
  reasonLine: (reason) => `💬 Reason: ${reason}`,
  tabs: TABS,
  buttons: {
    confirm: (index) => `${index} · ✅ Confirm`,
    cancel: (index) => `${index} · ❌ Cancel`,
    previous: '◀️',
    next: '▶️',
    close: '✖️ Close',
    yes: 'Yes, cancel',
    no: 'No',
    otherReason: '✏️ Another reason',
    backToList: '⬅️ Back to the list',
  },
  askReason: (title, stay, guest) =>
    `Cancelling the booking of "${title}" (${stay}), guest ${guest}.\n\nType the reason for the guest (3 to 300 characters) or pick one:`,
  askReasonById: (id) =>
    `Cancelling booking #${id}.\n\nType the reason for the guest (3 to 300 characters) or pick one:`,
  badReason: 'The reason is 3 to 300 characters. Type it again or pick one with a button.',
  reasons: [
    'The dates are taken: the place is not available then',
    'Repairs or a breakdown in the apartment',
    'We could not reach the guest',
  ],
  confirmCancel: (title, stay, guest, reason) =>
    `Cancel the booking of "${title}" (${stay}), guest ${guest}?\n\nReason: ${reason}\n\nThe dates become free and the guest is notified with this reason.`,
  confirmCancelById: (id, reason) => `Cancel booking #${id}?\n\nReason: ${reason}`,
  confirmed: '✅ Booking confirmed. The guest has been notified.',
  cancelled: '❌ Booking cancelled. The guest has been notified with the reason.',
  stale:
    'This booking has already changed (cancelled, confirmed, or the stay has begun) — nothing was changed. The list is up to date.',
};
