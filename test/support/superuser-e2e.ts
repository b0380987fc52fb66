import type { SeenMessage, TelegramUser } from './e2e.ts';
import { labelsOf, tapInPlace } from './guest-e2e.ts';

/** The number of `name`'s row in a list message («3. Дана …»), or null when not on this page. */
export function rowIndex(text: string | undefined, name: string): number | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|\\n)(\\d+)\\. ${escaped}(?:\\n| ·)`).exec(text ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * Opens a Superuser list from the main menu («👥 Пользователи», «👨‍💼 Риелторы»)
 * and pages (▶, in place) to the row of `name`; returns its number and the list.
 */
export async function openRow(
  user: TelegramUser,
  menuLabel: string,
  name: string,
): Promise<{ index: number; list: SeenMessage }> {
  await user.press(menuLabel);
  let list = (await user.replies(2)).at(-1)!;
  for (;;) {
    const index = rowIndex(list.text, name);
    if (index !== null) return { index, list };
    if (!labelsOf(list).includes('▶️')) throw new Error(`no row «${name}» in ${menuLabel}`);
    list = await tapInPlace(user, '▶️');
  }
}

/** In the agency picker: types `query`, picks the match labelled `label`; returns the confirmation. */
export async function pickAgency(user: TelegramUser, query: string, label: string): Promise<SeenMessage> {
  await user.send(query);
  const matches = (await user.replies(2)).at(-1)!;
  if (!labelsOf(matches).includes(label)) {
    throw new Error(`no match «${label}» for «${query}»: ${JSON.stringify(labelsOf(matches))}`);
  }
  await user.tap(label);
  return (await user.replies())[0]!;
}
