import type { TestDatabase } from './database.ts';
import { uniquePhone } from './fixtures.ts';

let sequence = 0;
const next = () => ++sequence;

/** A fresh Telegram user id (private chat id = user id, as in Telegram). */
export function uniqueTelegramId(): number {
  return 500_000_000 + next();
}

export function uniqueEmail(): string {
  return `person${next()}@example.kz`;
}

/** Registration input for a new person, with their Telegram identity. */
export function newPerson(overrides: { language?: 'ru' | 'en' } = {}) {
  const telegramId = uniqueTelegramId();
  return {
    telegram: {
      telegramId,
      chatId: telegramId,
      username: `tg${telegramId}`,
      firstName: 'Асель',
      ...overrides,
    },
    fullName: 'Асель Нурланова',
    phone: uniquePhone(),
    email: uniqueEmail(),
  };
}

/** Delivers queued emails and returns those sent to `to` since `from` (an index into `db.mail.sent`). */
export async function mailTo(db: TestDatabase, to: string, from = 0) {
  await db.deliverEmails();
  return db.mail.sent.slice(from).filter((email) => email.to === to);
}

/** Delivers queued emails and reads the newest link code sent to `to`. */
export async function linkCodeSentTo(db: TestDatabase, to: string): Promise<string> {
  // Emails delivered in one run may arrive in any order: take the newest that carries a code.
  const codes = (await mailTo(db, to)).flatMap((email) => email.text.match(/\b(\d{6})\b/)?.[1] ?? []);
  const code = codes.at(-1);
  if (!code) throw new Error(`no link code was emailed to ${to}`);
  return code;
}

/** A different 6-digit code than `code`. */
export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}
