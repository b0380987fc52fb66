import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.entity.ts';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const TelegramProfileSchema = defineEntity({
  name: 'TelegramProfile',
  tableName: 'telegram_profile',
  properties: {
    id: p.integer().primary(),
    telegramId: p.bigint('number').unique('telegram_profile_telegram_id_unique'),
    /** The linked account; null until the person registers or links. */
    user: () =>
      p.oneToOne(User).owner().nullable().unique('telegram_profile_user_unique').deleteRule('set null'),
    chatId: p.bigint('number'),
    /** E.164 phone shared through Telegram, if any. */
    phone: p.string().length(20).nullable(),
    language: p.enum(LANGUAGES).default('ru'),
    /** True once the person picked a language; until then it follows Telegram's language_code. */
    languageChosen: p.boolean().default(false),
    username: p.string().length(64).nullable(),
    firstName: p.string().length(128).nullable(),
    /** Set when Telegram answered 403 (the person blocked the bot); cleared when they write again. */
    botBlocked: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** A Telegram user as the bot knows them, optionally linked to an account. */
export class TelegramProfile extends TelegramProfileSchema.class {}
TelegramProfileSchema.setClass(TelegramProfile);
