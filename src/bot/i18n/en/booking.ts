import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

/** Booking a listing and paying for it (demo), in English. */
export const booking: Messages['booking'] = {
  needAccount: (title) =>
    `To book «${title}» you need an account.\n\n` +
    'Sign up (phone and email) or link an existing account — then you come back to this booking.',
  accountThen: 'Afterwards you come back to the booking.',
  askDates: (title) =>
    `📅 Booking «${title}».\n\nPick the dates in the calendar below or type them, e.g. 12.12–15.12.`,
  pickCheckIn: 'Pick the check-in day:',
  pickCheckOut: (checkIn) => `Check-in: ${checkIn}. Now pick the check-out day:`,
  dates: {
    format: 'I could not read the dates. Type them like 12.12–15.12 or 12.12.2026-15.12.2026.',
    order: 'The check-out day must come after the check-in day.',
    past: 'That day has passed. Pick today or later.',
    tooLong: 'Too long: at most 90 nights in one booking.',
  },
  datesTaken: 'Those dates are taken. Pick others.',
  datesGone: 'The dates from your search are no longer free. Pick others.',
  askGuests: (stay, nights, max) =>
    `📅 ${stay}, ${n(nights, '# night', '# nights')}.\n\n` +
    `👥 How many guests? At most ${max}. Press a button or type the number.`,
  badGuests: 'Type the number of guests in digits, e.g. 2.',
  tooManyGuests: (max) => `This place takes at most ${n(max, '# guest', '# guests')}.`,
  summary: (s) =>
    `Check your booking:\n\n🏠 «${s.title}», ${s.city}\n📅 ${s.stay}\n👥 ${n(s.guests, '# guest', '# guests')}\n` +
    `💰 ${s.price} × ${n(s.nights, '# night', '# nights')} = ${s.total}\n\nIs everything right?`,
  useButtons: 'Choose with the buttons below.',
  created: (id, s) =>
    `🆕 Booking #${id} is created and waits for payment.\n\n🏠 «${s.title}», ${s.city}\n📅 ${s.stay}\n💰 To pay: ${s.total}`,
  payLater:
    'This is a demo payment: no money is taken. You can also pay later in «📦 My bookings»; ' +
    '«❌ Cancel» closes this window and the booking stays.',
  payHint: 'To pay, press «💳 Pay (demo)» under the booking message.',
  pay: '💳 Pay (demo)',
  paid: (title, stay, total) =>
    `✅ Paid, the booking is confirmed: «${title}», ${stay}, ${total}. The realtor has been notified.`,
  alreadyPaid: (title, stay) => `✅ The booking «${title}» (${stay}) is already paid.`,
  payFailed: (reason) => `The payment did not go through: ${reason}`,
  datesLost: '😔 While you were booking, someone took those dates. Pick other dates or another place.',
  unavailable: 'This place cannot be booked now: it was unpublished or is unavailable.',
  left: 'Nothing was booked.',
};
