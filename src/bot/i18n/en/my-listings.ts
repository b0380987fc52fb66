import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

const bookingsCount = (count: number) => n(count, '# upcoming booking', '# upcoming bookings');

/** «🏘 My listings» (the realtor's listings, card, editor, calendar) in English. */
export const myListings: Messages['myListings'] = {
  head: '🏘 My listings. The listings and what you can do with them are in the message below. «❌ Cancel» takes you to the main menu.',
  title: (total, page, pages) =>
    `🏘 ${n(total, '# listing', '# listings')}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
  empty: 'You have no listings yet. Add the first one with «➕ Add listing» in the main menu.',
  status: { published: '🟢 published', hidden: '⚪️ hidden' },
  perNight: (price) => `${price} per night`,
  upcoming: (count) => (count > 0 ? `📅 ${bookingsCount(count)}` : '📅 no upcoming bookings'),
  open: (index, title) => `${index} · ${title}`,
  buttons: {
    previous: '◀️',
    next: '▶️',
    publish: 'Publish',
    unpublish: 'Unpublish',
    calendar: 'Calendar',
    addBlock: 'Block dates',
    edit: 'Edit',
    toList: '⬅️ Back to the list',
    back: '⬅️ Back',
    toCard: '⬅️ Back to the listing',
    toCalendar: '⬅️ Back to the calendar',
    yesUnpublish: 'Yes, unpublish',
    yesUnblock: 'Yes, remove the block',
    no: 'No',
  },
  published: '🟢 Published — guests see it in search',
  hidden: '⚪️ Hidden — guests do not see it',
  maxGuests: (count) => `👥 up to ${n(count, '# guest', '# guests')}`,
  upcomingLine: (count) => (count > 0 ? `📅 ${bookingsCount(count)} ahead` : '📅 No upcoming bookings'),
  notices: {
    published: '✅ The listing is published — guests will find it in search.',
    unpublished: '⚪️ The listing is unpublished. Existing bookings stay valid.',
    saved: '✅ Saved.',
    freeDay: 'This day is free. To close dates, press «Block dates».',
    pastDay: 'This day has passed; it was free.',
    blockRemoved: '✅ Block removed — these dates can be booked again.',
  },
  agencyInactive: 'It cannot be published: your agency is inactive. Please contact your agency admin.',
  confirmUnpublish: (title, count) =>
    `«${title}» has ${bookingsCount(count)}. They stay valid, but new guests will not find the listing in search.\n\nUnpublish it?`,
  chooseField: (title) => `✏️ What would you like to change in «${title}»?`,
  calendarTitle: (title) => `📅 Calendar of «${title}»`,
  legend:
    '🔴 — booked, ⛔ — blocked, a plain number — free. Tap a booking to open it, or a block to remove it.',
  bookingTitle: (id, title) => `🧾 Booking #${id} · «${title}»`,
  guest: (name, phone) => `👤 ${name}, ${phone}`,
  stay: (stay, nights, guests) => `📅 ${stay} · ${n(nights, '# night', '# nights')} · 👥 ${guests}`,
  total: (total) => `💰 ${total}`,
  bookingStatus: {
    pending: '⏳ awaiting payment or your confirmation',
    confirmed: '✅ confirmed',
    cancelled: '❌ cancelled',
    completed: '🏁 completed',
  },
  confirmUnblock: (span, note) =>
    `⛔ Block: ${span}${note ? `\n📝 ${note}` : ''}\n\nRemove the block? The dates can be booked again.`,
  toBlock: '🔒 Blocking dates.',
};
