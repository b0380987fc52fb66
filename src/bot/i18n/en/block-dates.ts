import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

/** «Block dates» (closing a listing's dates) in English. */
export const blockDates: Messages['blockDates'] = {
  askDates: (title) =>
    `🔒 Close dates of «${title}».\n\nPick the first night to close in the calendar, then the day the dates open again (like a guest's check-out day), or type them, e.g. 12.12–15.12 — that closes the nights of 12, 13 and 14 December.`,
  pickStart: '📅 Pick the first night to close (🔴 — booked, ⛔ — already closed):',
  pickEnd: (start) => `📅 Closing from ${start}. Now pick the day the dates open again:`,
  datesFormat: 'I could not read the dates. Type e.g. 12.12–15.12 or 12.12.2026-15.12.2026.',
  datesOrder: 'The day the dates open again must be after the first closed night.',
  datesPast: 'That date has passed. Pick today or a later day.',
  datesTooLong: 'That block is too long: at most 365 nights at a time.',
  overlapsBlock: 'These dates overlap another block (⛔ in the calendar). Pick other dates.',
  conflict: (id, guest, stay, status) =>
    `These dates overlap booking #${id}: ${guest}, ${stay} (${status}). Pick other dates.`,
  askNote: (span) =>
    `📅 ${span}.\n\nAdd a note for yourself (e.g. «Repairs», up to 200 characters) or press «⏭ Skip».`,
  noteTooLong: 'The note is too long: at most 200 characters.',
  summary: (title, span, note) =>
    `Check the block:\n\n🏠 «${title}»\n📅 ${span}\n📝 ${note ?? 'no note'}\n\nSave it?`,
  span: (first, last, nights, reopens) =>
    `${first === last ? first : `${first} – ${last}`} (${n(nights, '# night', '# nights')}), free again from ${reopens}`,
  added: (span) => `✅ Dates closed: ${span}. Guests will not find the listing for these dates.`,
  back: 'Back to the listing.',
};
