import type { Language, UserRole, UserStatus } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import type { Actor } from '../actor.ts';

/** Telegram's `language_code` → the bot's language: English for 'en*', Russian for everything else. */
export function languageFromTelegram(languageCode: string): Language {
  return languageCode.trim().toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export interface ProfileState {
  userId: number | null;
  language: Language;
  botBlocked: boolean;
}

interface ProfileRow {
  user_id: number | null;
  language: Language;
  bot_blocked: boolean;
}

interface TouchedRow extends ProfileRow {
  role: UserRole | null;
  status: UserStatus | null;
  agency_id: number | null;
}

const stateOf = (row: ProfileRow): ProfileState => ({
  userId: row.user_id,
  language: row.language,
  botBlocked: row.bot_blocked,
});

/**
 * Creates or refreshes the profile of a Telegram user who just wrote to the bot,
 * in one statement so two updates of a new person cannot both insert.
 * `language` (from Telegram) is applied unless the person picked one; null keeps the stored one.
 */
export async function upsertTouchedProfile(
  em: Em,
  profile: {
    telegramId: number;
    chatId: number;
    username: string | null;
    firstName: string | null;
    language: Language | null;
  },
  now: Date,
): Promise<ProfileState & { actor: Actor | null }> {
  // One statement (the bot runs it on every update): the upsert, and the linked account's role and status.
  const rows = await em.execute<TouchedRow[]>(
    `with touched as (insert into telegram_profile
       (telegram_id, chat_id, username, first_name, language, language_chosen, bot_blocked, created_at, updated_at)
     values (?, ?, ?, ?, ?, false, false, ?, ?)
     on conflict (telegram_id) do update set
       chat_id = excluded.chat_id,
       username = excluded.username,
       first_name = excluded.first_name,
       language = case when telegram_profile.language_chosen or ? then telegram_profile.language
                       else excluded.language end,
       bot_blocked = false,
       updated_at = excluded.updated_at
     returning user_id, language, bot_blocked)
     select t.user_id, t.language, t.bot_blocked, u.role, u.status, u.agency_id
     from touched t left join app_user u on u.id = t.user_id`,
    [
      profile.telegramId,
      profile.chatId,
      profile.username,
      profile.firstName,
      profile.language ?? 'ru',
      now,
      now,
      profile.language === null,
    ],
  );
  const row = rows[0]!;
  const actor =
    row.user_id !== null && row.role && row.status
      ? { id: row.user_id, role: row.role, status: row.status, agencyId: row.agency_id }
      : null;
  return { ...stateOf(row), actor };
}

/**
 * Links the Telegram profile to a freshly registered user, creating the profile if
 * the bot never saw the person. Links only a profile that has no account yet:
 * returns null when it is already linked (the caller refuses with `already_linked`).
 * `language` null keeps the stored language ('ru' for a new profile).
 */
export async function linkProfileToNewUser(
  em: Em,
  profile: {
    telegramId: number;
    chatId: number;
    userId: number;
    phone: string;
    username: string | null;
    firstName: string | null;
    language: Language | null;
  },
  now: Date,
): Promise<ProfileState | null> {
  const rows = await em.execute<ProfileRow[]>(
    `insert into telegram_profile
       (telegram_id, user_id, chat_id, phone, username, first_name, language, language_chosen, bot_blocked,
        created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, coalesce(?, 'ru'), false, false, ?, ?)
     on conflict (telegram_id) do update set
       user_id = excluded.user_id,
       chat_id = excluded.chat_id,
       phone = excluded.phone,
       username = coalesce(excluded.username, telegram_profile.username),
       first_name = coalesce(excluded.first_name, telegram_profile.first_name),
       language = coalesce(?, telegram_profile.language),
       bot_blocked = false,
       updated_at = excluded.updated_at
     where telegram_profile.user_id is null
     returning user_id, language, bot_blocked`,
    [
      profile.telegramId,
      profile.userId,
      profile.chatId,
      profile.phone,
      profile.username,
      profile.firstName,
      profile.language,
      now,
      now,
      profile.language,
    ],
  );
  return rows[0] ? stateOf(rows[0]) : null;
}

/**
 * Links the Telegram user to an existing account (a confirmed link code). Any
 * other profile linked to that account is unlinked first, since an account has
 * one Telegram. Returns null when this Telegram user meanwhile got another
 * account. A profile the bot never saw is created with chat id = telegram id,
 * which is what Telegram uses for private chats.
 */
export async function linkProfileToExistingUser(
  em: Em,
  telegramId: number,
  userId: number,
  now: Date,
): Promise<ProfileState | null> {
  await em.execute(
    'update telegram_profile set user_id = null, updated_at = ? where user_id = ? and telegram_id <> ?',
    [now, userId, telegramId],
    'run',
  );
  const rows = await em.execute<ProfileRow[]>(
    `insert into telegram_profile
       (telegram_id, user_id, chat_id, language, language_chosen, bot_blocked, created_at, updated_at)
     values (?, ?, ?, 'ru', false, false, ?, ?)
     on conflict (telegram_id) do update set user_id = excluded.user_id, updated_at = excluded.updated_at
     where telegram_profile.user_id is null or telegram_profile.user_id = excluded.user_id
     returning user_id, language, bot_blocked`,
    [telegramId, userId, telegramId, now, now],
  );
  return rows[0] ? stateOf(rows[0]) : null;
}

/** The account linked to a Telegram user, if any (read fresh, never from the identity map). */
export async function linkedUserId(em: Em, telegramId: number): Promise<number | null> {
  const rows = await em.execute<{ user_id: number | null }[]>(
    'select user_id from telegram_profile where telegram_id = ?',
    [telegramId],
  );
  return rows[0]?.user_id ?? null;
}

/** The stored language of a Telegram user; 'ru' when the bot never saw them. */
export async function profileLanguage(em: Em, telegramId: number): Promise<Language> {
  const rows = await em.execute<{ language: Language }[]>(
    'select language from telegram_profile where telegram_id = ?',
    [telegramId],
  );
  return rows[0]?.language ?? 'ru';
}
