import { en } from './en.ts';
import type { Locale } from './locale.ts';
import type { Messages } from './messages.ts';
import { ru } from './ru.ts';

export type { Locale } from './locale.ts';
export { DEFAULT_LOCALE, LOCALES, localeFromTelegram } from './locale.ts';
export type { Messages } from './messages.ts';

const catalogs: Record<Locale, Messages> = { ru, en };

/** The catalogue of `locale`. All user-facing text comes from here. */
export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}
