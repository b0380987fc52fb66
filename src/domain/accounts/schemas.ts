import { z } from 'zod';
import { LANGUAGES } from '../../db/entities/index.ts';
import { emailSchema, fullNameSchema, phoneSchema } from '../validation.ts';

/** A Telegram user id (positive, fits a JS number: Telegram promises at most 52 bits). */
export const telegramIdSchema = z.number().int().positive();
/** A Telegram chat id (negative for groups; the bot only talks in private chats, but accepts any). */
export const chatIdSchema = z.number().int();
export const languageSchema = z.enum(LANGUAGES);

/** Optional Telegram text: absent, null and '' all mean "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const telegramIdentitySchema = z.object({
  telegramId: telegramIdSchema,
  chatId: chatIdSchema,
  username: optionalText(64),
  firstName: optionalText(128),
  language: languageSchema.optional(),
});

export const registerSchema = z.object({
  telegram: telegramIdentitySchema.optional(),
  fullName: fullNameSchema,
  phone: phoneSchema,
  email: emailSchema,
  language: languageSchema.optional(),
});
export type RegisterInput = z.input<typeof registerSchema>;

export const touchProfileSchema = z.object({
  telegramId: telegramIdSchema,
  chatId: chatIdSchema,
  username: optionalText(64),
  firstName: optionalText(128),
  /** Telegram's `language_code` (IETF tag such as 'en-US'); decides the language until one is chosen. */
  languageCode: z.string().max(35).nullish(),
});
export type TouchProfileInput = z.input<typeof touchProfileSchema>;

export const startLinkSchema = z.object({ telegramId: telegramIdSchema, email: emailSchema });
export type StartLinkInput = z.input<typeof startLinkSchema>;

/** Six digits; spaces the person typed between groups ("123 456") are ignored. */
export const linkCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'the code has 6 digits'));

export const confirmLinkSchema = z.object({ telegramId: telegramIdSchema, code: linkCodeSchema });
export type ConfirmLinkInput = z.input<typeof confirmLinkSchema>;

export const createSuperuserSchema = z.object({
  email: emailSchema,
  phone: phoneSchema,
  fullName: fullNameSchema,
});
export type CreateSuperuserInput = z.input<typeof createSuperuserSchema>;

export const availabilitySchema = z.object({
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
});
