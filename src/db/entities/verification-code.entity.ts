import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.entity.ts';

export const VerificationCodeSchema = defineEntity({
  name: 'VerificationCode',
  tableName: 'verification_code',
  properties: {
    id: p.integer().primary(),
    /** Lower-cased email the code was requested for. */
    email: p.string().length(254),
    /** The account behind the email; null when none exists (such a code can never succeed). */
    user: () => p.manyToOne(User).nullable().deleteRule('cascade'),
    /** The Telegram user who asked; only they can confirm it. */
    telegramId: p.bigint('number'),
    /** HMAC-SHA256 of the code under the app secret; the code itself is never stored. */
    codeHash: p.string().length(64),
    expiresAt: p.datetime(),
    attempts: p.integer().default(0),
    usedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [
    { name: 'verification_code_telegram_idx', properties: ['telegramId', 'createdAt'] },
    { name: 'verification_code_email_idx', properties: ['email', 'createdAt'] },
  ],
  checks: [{ name: 'verification_code_attempts_range', expression: 'attempts >= 0 and attempts <= 3' }],
});

/** A one-time code that links a Telegram user to an existing account. */
export class VerificationCode extends VerificationCodeSchema.class {}
VerificationCodeSchema.setClass(VerificationCode);
