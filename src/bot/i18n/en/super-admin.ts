import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

const bookings = (count: number) => n(count, '# booking', '# bookings');

/** The Super Admin's screens in English. */
export const superAdmin: Messages['superAdmin'] = {
  realtors: {
    header: '👥 Your agency’s realtors. The list and what you can do are in the message below.',
    title: (total, page, pages) => `👥 Realtors: ${total}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
    empty: 'Your agency has no realtors yet. Add the first one with «➕ Add».',
    status: { active: '🟢 active', blocked: '⛔ deactivated' },
    stats: (listings, bookingsThisMonth) =>
      `🏘 ${n(listings, '# listing', '# listings')} · 📅 ${bookings(bookingsThisMonth)} this month`,
    buttons: {
      activate: (index) => `${index} · Activate`,
      deactivate: (index) => `${index} · Deactivate`,
      add: '➕ Add',
      previous: '◀️',
      next: '▶️',
      close: '✖️ Close',
      yesActivate: 'Yes, activate',
      yesDeactivate: 'Yes, deactivate',
      no: 'No',
    },
    confirmDeactivate: (name) =>
      `Deactivate realtor ${name}?\n\nTheir listings leave search and the bot tells them their account is deactivated. Existing bookings stay.`,
    confirmActivate: (name) => `Activate realtor ${name}?\n\nTheir published listings come back to search.`,
    confirmDeactivateById: (id) => `Deactivate realtor #${id}?`,
    confirmActivateById: (id) => `Activate realtor #${id}?`,
    activated: (name) => `✅ ${name} is active again: their published listings are back in search.`,
    deactivated: (name) => `⛔ ${name} is deactivated: their listings are hidden from search.`,
    stale: 'The realtor’s status has already changed — the list is up to date now.',
  },
  addRealtor: {
    askEmail:
      'New realtor. Step 1 of 4.\n\nType the realtor’s email: they will get a message on how to link Telegram.',
    askPhone: (email) => `${email} is free.\n\nStep 2 of 4. The realtor’s phone, e.g. +7 701 123 45 67.`,
    askName: (phone) => `${phone} is free.\n\nStep 3 of 4. The realtor’s full name.`,
    askPassword:
      'Step 4 of 4. Choose a password for the realtor: at least 8 characters.\n\nThe bot deletes the message with the password from the chat right after reading it.',
    summary: (email, phone, name) =>
      `Check the new realtor:\n\nEmail: ${email}\nPhone: ${phone}\nName: ${name}\nPassword: ••••••••\n\nCreate the account?`,
    badEmail: 'That does not look like an email. Example: name@example.kz',
    emailTaken: 'Another account already uses this email. Type another one.',
    badPhone: 'That does not look like a Kazakhstan number. Example: +7 701 123 45 67 or 8 701 123 45 67.',
    phoneTaken: 'Another account already uses this phone. Type another one.',
    badName: 'The name must be 2 to 200 characters long.',
    badPassword: 'The password is too short: at least 8 characters (and at most 200).',
    added: (name) => `✅ Realtor ${name} added. They got an email on how to link Telegram with /link.`,
  },
  metrics: {
    title: (agency) => `📊 Agency «${agency}»`,
    inactive: '⚠️ The agency is inactive: its listings do not show in search.',
    realtors: (active, total) => `👥 Realtors: ${active} active of ${total}`,
    listings: (published, total) => `🏘 Listings: ${published} published of ${total}`,
    occupancy: (percent) => `🛏 Occupancy, last 30 days: ${percent}%`,
    rating: (rating) => `⭐ Average rating: ${rating}`,
    noRating: '⭐ Average rating: no ratings yet',
    thisMonth: (month) => `🗓 ${month}`,
    allTime: '📈 All time',
    bookings: (total) => `Bookings: ${total}`,
    byStatus: (pending, confirmed, completed, cancelled) =>
      `⏳ awaiting payment ${pending} · ✅ confirmed ${confirmed} · 🏁 completed ${completed} · ❌ cancelled ${cancelled}`,
    revenue: (amount) => `💰 Revenue: ${amount}`,
    topListings: '🏆 TOP 5 listings by revenue',
    topRealtors: '🏆 TOP 5 realtors by revenue',
    topListing: (index, title, realtor, revenue, count) =>
      `${index}. «${title}» (${realtor}) — ${revenue}, ${bookings(count)}`,
    topRealtor: (index, name, revenue, count) => `${index}. ${name} — ${revenue}, ${bookings(count)}`,
    topEmpty: 'No paid bookings yet.',
    chartCaption: (total) => `📊 Bookings per day, last 30 days: ${bookings(total)} in all.`,
    buttons: { export: '📥 Export bookings (CSV)', close: '✖️ Close' },
  },
  bookingsExport: {
    prompt: (agency) =>
      `📥 Export the bookings${agency ? ` of «${agency}»` : ''} to CSV.\n\n` +
      'Pick a period (bookings made on those days) or type your own, e.g. 01.10.2026–31.10.2026.',
    periodButtons: 'Period:',
    presets: { thisMonth: '🗓 This month', lastMonth: '⏮ Last month', last30: '📆 Last 30 days' },
    badPeriod:
      'I did not get the period. Type two dates with the year and a dash, e.g. 01.10.2026–31.10.2026 (at most 366 days).',
    caption: (from, to, rows) => `📥 Bookings ${from} to ${to}: ${bookings(rows)}. The file opens in Excel.`,
    truncated: (shown, total) =>
      `The file has the first ${shown} of ${total}: pick a shorter period to get them all.`,
    empty: (from, to) => `No bookings were made ${from} to ${to} — nothing to export.`,
    done: 'Done: the file with the bookings is above.',
    filename: (from, to) => `bookings_${from}_${to}.csv`,
    columns: {
      id: 'id',
      listing: 'listing',
      city: 'city',
      realtor: 'realtor',
      agency: 'agency',
      guest: 'guest',
      phone: 'phone',
      checkIn: 'check-in',
      checkOut: 'check-out',
      nights: 'nights',
      guests: 'guests',
      total: 'total, KZT',
      status: 'status',
      created: 'created',
    },
    statuses: {
      pending: 'awaiting payment',
      confirmed: 'confirmed',
      cancelled: 'cancelled',
      completed: 'completed',
    },
  },
};
