import type { Messages } from '../i18n/index.ts';
import type { ReplyButton } from '../screen.ts';

/** The Back / Cancel row most steps end with. */
export function navigationRow(t: Messages, options: { back?: boolean } = {}): ReplyButton[] {
  const row: ReplyButton[] = [];
  if (options.back) row.push({ text: t.buttons.back, event: { type: 'BACK' } });
  row.push({ text: t.buttons.cancel, event: { type: 'CANCEL' } });
  return row;
}

/** Text for a domain refusal, in the reader's language. */
export function errorText(t: Messages, code: string): string {
  return (t.errors as Record<string, string>)[code] ?? t.common.somethingWentWrong;
}

/** Joins a notice (if any) above the step's prompt. */
export function withNotice(notice: string | null | undefined, prompt: string): string {
  return notice ? `⚠️ ${notice}\n\n${prompt}` : prompt;
}
