import { renderEmail } from '../domain/mail/templates.ts';
import type { OutgoingEmail } from '../domain/mail/transport.ts';
import { PLACEHOLDERS, REPLAY_PASSWORD } from './format.ts';

const LINK_CODE_SUBJECTS = new Set(
  (['ru', 'en'] as const).map(
    (language) => renderEmail('linkCode', '', { code: '', minutes: 0 }, language).subject,
  ),
);

/** The code in the newest link-code email, or null when none was sent. */
export function newestLinkCode(mailbox: readonly OutgoingEmail[]): string | null {
  const email = mailbox.findLast((candidate) => LINK_CODE_SUBJECTS.has(candidate.subject));
  return email ? (/\b(\d{6})\b/.exec(email.text)?.[1] ?? null) : null;
}

/** A 6-digit code that is surely not `code` (the next number, wrapping). */
export const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

export interface FilledText {
  text: string;
  /** Set when the text needs a link code and the outbox has none (the placeholder is typed as it is). */
  missingCode: boolean;
}

/**
 * A recorded text with real values for its placeholders: `{{linkCode}}` is the
 * code of the newest link-code email in `mailbox`, `{{wrongLinkCode}}` a code
 * that is not it, `{{password}}` the fixed `REPLAY_PASSWORD`. Pure.
 */
export function fillPlaceholders(text: string, mailbox: readonly OutgoingEmail[]): FilledText {
  let filled = text.replaceAll(PLACEHOLDERS.password, REPLAY_PASSWORD);
  const wantsCode = filled.includes(PLACEHOLDERS.linkCode);
  if (!wantsCode && !filled.includes(PLACEHOLDERS.wrongLinkCode)) return { text: filled, missingCode: false };
  const code = newestLinkCode(mailbox);
  // Without an emailed code (an address with no account) every code is wrong.
  filled = filled.replaceAll(PLACEHOLDERS.wrongLinkCode, code ? otherCode(code) : '000000');
  if (code) filled = filled.replaceAll(PLACEHOLDERS.linkCode, code);
  return { text: filled, missingCode: wantsCode && !code };
}
