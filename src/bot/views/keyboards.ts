import type { Messages } from '../i18n/index.ts';
import type { ReplyButton } from '../screen.ts';

/** The Back / Cancel row most steps end with. */
export function navigationRow(t: Messages, options: { back?: boolean } = {}): ReplyButton[] {
  const row: ReplyButton[] = [];
  if (options.back) row.push({ text: t.buttons.back, event: { type: 'BACK' } });
  row.push({ text: t.buttons.cancel, event: { type: 'CANCEL' } });
  return row;
}

/** Splits buttons into rows of `size`. */
export function rows<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** Reply buttons that answer with their own label as typed text, `size` a row. */
export function textButtons(labels: readonly string[], size: number): ReplyButton[][] {
  return rows(
    labels.map((text) => ({ text, event: { type: 'TEXT' as const, text } })),
    size,
  );
}

/** The guest counts offered as buttons (3 a row) wherever a number of guests is asked; more can be typed. */
export const GUEST_COUNTS = ['1', '2', '3', '4', '5', '6'] as const;

/** Text for a domain refusal, in the reader's language. */
export function errorText(t: Messages, code: string): string {
  return (t.errors as Record<string, string>)[code] ?? t.common.somethingWentWrong;
}

/** Joins a notice (if any) above the step's prompt. */
export function withNotice(notice: string | null | undefined, prompt: string): string {
  return notice ? `⚠️ ${notice}\n\n${prompt}` : prompt;
}
