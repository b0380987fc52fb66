import { formatStay } from '../parse/date-range.ts';
import { formatTenge } from '../parse/money.ts';
import { addAgency } from './en/add-agency.ts';
import { addListing, publishListing } from './en/add-listing.ts';
import { agencies } from './en/agencies.ts';
import { agencyPicker } from './en/agency-picker.ts';
import { blockDates } from './en/block-dates.ts';
import { booking } from './en/booking.ts';
import { favorites } from './en/favorites.ts';
import { findUser } from './en/find-user.ts';
import { myBookings } from './en/my-bookings.ts';
import { myListings } from './en/my-listings.ts';
import { notificationsList } from './en/notificationsList.ts';
import { platformRealtors } from './en/platform-realtors.ts';
import { realtorBookings } from './en/realtor-bookings.ts';
import { reviews } from './en/reviews.ts';
import { search } from './en/search.ts';
import { superAdmin } from './en/super-admin.ts';
import { users } from './en/users.ts';
import type { Messages } from './messages.ts';
import { plural } from './plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });
const roleNames = { guest: 'Guest', realtor: 'Realtor', super_admin: 'Super Admin', superuser: 'Superuser' };

/** English, the second language. */
export const en: Messages = {
  search,
  booking,
  myBookings,
  favorites,
  reviews,
  notificationsList,
  addListing,
  publishListing,
  realtorBookings,
  agencies,
  addAgency,
  findUser,
  users,
  platformRealtors,
  agencyPicker,
  superAdmin,
  myListings,
  blockDates,
  menu: {
    register: '📝 Sign up',
    link: '🔗 Link account',
    search: '🔍 Search',
    myBookings: '📦 My bookings',
    favorites: '⭐ Favourites',
    reviews: '📝 Reviews',
    notifications: '🔔 Notifications',
    notificationsCount: (count) => `🔔 Notifications (${count})`,
    myListings: '🏘 My listings',
    addListing: '➕ Add listing',
    realtorBookings: '📅 Bookings',
    agencyRealtors: '👥 Realtors',
    agency: '📊 Agency',
    agencies: '🏢 Agencies',
    findUser: '🔎 User',
    users: '👥 Users',
    platformRealtors: '👨‍💼 Realtors',
    language: '🌐 Language',
  },
  buttons: {
    cancel: '❌ Cancel',
    back: '⬅️ Back',
    skip: '⏭ Skip',
    confirm: '✅ Confirm',
    edit: '✏️ Edit',
    shareContact: '📱 Share my phone number',
    newCode: '🔁 Get a new code',
  },
  common: {
    welcomeAnonymous: (name) =>
      `Hello${name ? `, ${name}` : ''}! This bot rents apartments by the day in Kazakhstan.\n\n` +
      'Search without an account; to book, sign up or link your existing account.',
    menu: (name, role) => `Main menu. ${name}, you are signed in as ${roleNames[role]}.`,
    cancelled: 'Cancelled.',
    nothingToCancel: 'There is nothing to cancel.',
    somethingWentWrong: 'Something went wrong. Please try again in a moment.',
    blocked: 'Your account is blocked. If this is a mistake, please contact support.',
    realtorInactive:
      '⛔ Your realtor account was deactivated by your agency admin. Your listings do not show in search and the realtor sections are closed. Ask your agency admin to get access back.',
    unknownInput: 'Sorry, I did not get that. Pick an action in the menu below or send /help.',
    staleButton: 'This button has expired.',
    notAllowed: 'You cannot do this.',
    flowOutdated: 'The bot was updated and this conversation had to stop. Please start again.',
  },
  help: {
    title: 'What the bot can do',
    commands: {
      start: '/start — main menu',
      menu: '/menu — main menu',
      register: '/register — sign up (phone and email)',
      link: '/link — link an existing account with a code from email',
      language: '/language — bot language',
      cancel: '/cancel — cancel the current action',
      help: '/help — this help',
    },
    menuTitle: 'Menu buttons:',
    menuItems: {
      search: '🔍 Search — apartments by city, dates, price and amenities',
      myBookings: '📦 My bookings — bookings, payment, cancellation, review',
      favorites: '⭐ Favourites — saved apartments',
      reviews: '📝 Reviews — review a completed stay',
      notifications: '🔔 Notifications — unread events',
      myListings: '🏘 My listings — listings, calendar, blocked dates',
      addListing: '➕ Add listing — the new listing wizard',
      realtorBookings: '📅 Bookings — confirm and cancel bookings',
      agencyRealtors: "👥 Realtors — your agency's realtors",
      agency: '📊 Agency — metrics and the TOP',
      agencies: '🏢 Agencies — every agency on the platform',
      findUser: '🔎 User — find by email or phone',
      users: '👥 Users — roles and statuses',
      platformRealtors: '👨‍💼 Realtors — change or remove the agency',
      register: '📝 Sign up — create an account',
      link: '🔗 Link account — sign in to an existing account',
      language: '🌐 Language — Russian or English',
    },
  },
  commands: {
    start: 'Main menu',
    menu: 'Main menu',
    register: 'Sign up',
    link: 'Link an account',
    language: 'Language',
    cancel: 'Cancel the current action',
    help: 'Help',
  },
  register: {
    alreadyLinked: 'This Telegram account is already linked. Open the menu: /menu',
    askPhone:
      'Sign up. Step 1 of 2.\n\nShare your phone number with the button below, or type it, e.g. +7 701 123 45 67.',
    badPhone: 'That does not look like a Kazakhstan number. Example: +7 701 123 45 67 or 8 701 123 45 67.',
    foreignContact: "Please share your own number, not someone else's contact.",
    askEmail: (phone) => `Phone ${phone} accepted.\n\nStep 2 of 2. Type your email.`,
    badEmail: 'That does not look like an email. Example: name@example.kz',
    summary: (phone, email) => `Please check:\n\nPhone: ${phone}\nEmail: ${email}\n\nIs this right?`,
    emailTaken:
      'An account with this email already exists. Use another email, or link that account with /link.',
    phoneTaken:
      'An account with this phone already exists. Use another number, or link that account with /link.',
    done: 'Done! Your account is created and linked to Telegram. A welcome email is on its way.',
  },
  link: {
    alreadyLinked: 'This Telegram account is already linked. Open the menu: /menu',
    askEmail: 'Link an account. Type the email you signed up with.',
    badEmail: 'That does not look like an email. Example: name@example.kz',
    codeSent:
      'If an account with this email exists, we sent it a 6-digit code. It is valid for 10 minutes.\n\nEnter the code:',
    badCodeFormat: 'The code is the 6 digits from the email.',
    wrongCode: (left) => `Wrong code. ${n(left, '# attempt', '# attempts')} left.`,
    codeDead: 'This code no longer works. Request a new one.',
    rateLimited: (seconds) => `Too many code requests. Try again in ${n(seconds, '# second', '# seconds')}.`,
    done: (role) => `Your account is linked! Your role: ${roleNames[role]}.`,
  },
  language: {
    choose: 'Choose the bot language:',
    changed: 'Bot language: English.',
  },
  errors: {
    validation_failed: 'Please check what you entered.',
    not_found: 'Not found. It may have been removed.',
    forbidden: 'You cannot do this.',
    account_blocked: 'Your account is blocked.',
    account_required: 'You need an account for this: /register or /link.',
    dates_taken: 'These dates are already taken.',
    invalid_state: 'This is out of date: something changed meanwhile.',
    already_exists: 'This already exists.',
    already_linked: 'This Telegram account is already linked.',
    rate_limited: 'Too many requests. Try again later.',
    code_invalid: 'Wrong code.',
    code_expired: 'This code no longer works. Request a new one.',
    agency_inactive: 'The agency is inactive.',
    last_superuser: 'The last active superuser cannot be demoted or blocked.',
  },
  roles: roleNames,
  notifications: {
    booking_created: (p) =>
      `🆕 New booking: "${p.listingTitle}", ${formatStay(p.checkIn, p.checkOut)}, guest ${p.guestName}, ${formatTenge(p.total)}.`,
    booking_confirmed: (p) =>
      p.by === 'payment'
        ? `💳 Booking "${p.listingTitle}" (${formatStay(p.checkIn, p.checkOut)}) is paid and confirmed.`
        : `✅ The realtor confirmed your booking "${p.listingTitle}" (${formatStay(p.checkIn, p.checkOut)}).`,
    booking_cancelled: (p) =>
      `❌ Booking "${p.listingTitle}" (${formatStay(p.checkIn, p.checkOut)}) was cancelled.${p.reason ? ` Reason: ${p.reason}` : ''}`,
    booking_completed: (p) => `🏁 Your stay at "${p.listingTitle}" is over. Leave a review in "📝 Reviews".`,
    review_created: (p) =>
      `⭐ New review of "${p.listingTitle}": ${'★'.repeat(p.rating)}${'☆'.repeat(5 - p.rating)}.`,
    role_changed: (p) =>
      `Your role is now ${roleNames[p.role]}${p.agencyName ? ` at "${p.agencyName}"` : ''}. Open the menu: /menu`,
    status_changed: (p) =>
      p.role === 'realtor'
        ? p.status === 'active'
          ? 'Your realtor account is activated again.'
          : 'Your realtor account was deactivated.'
        : p.status === 'active'
          ? 'Your account is active again.'
          : 'Your account is blocked.',
    agency_changed: (p) =>
      `${roleNames[p.role ?? 'realtor']} ${p.realtorName}: agency ${p.fromAgency ? `"${p.fromAgency}"` : '—'} → ${p.toAgency ? `"${p.toAgency}"` : '—'}.`,
  },
};
