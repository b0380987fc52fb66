import {
  type Language,
  TelegramProfile,
  User,
  type UserRole,
  type UserStatus,
  VerificationCode,
} from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import {
  consumeCode,
  findLiveCode,
  LINK_CODE_MAX_ATTEMPTS,
  LINK_CODE_TTL_MINUTES,
  spendAttempt,
  supersedeCodes,
} from './accounts/link-codes.ts';
import { checkLinkRateLimits, lockLinkRequests } from './accounts/link-rate-limits.ts';
import {
  availabilitySchema,
  type ConfirmLinkInput,
  type CreateSuperuserInput,
  confirmLinkSchema,
  createSuperuserSchema,
  languageSchema,
  type RegisterInput,
  registerSchema,
  type StartLinkInput,
  startLinkSchema,
  type TouchProfileInput,
  telegramIdSchema,
  touchProfileSchema,
} from './accounts/schemas.ts';
import {
  languageFromTelegram,
  linkedUserId,
  linkProfileToExistingUser,
  linkProfileToNewUser,
  profileLanguage,
  upsertTouchedProfile,
} from './accounts/telegram-profiles.ts';
import { type Actor, loadActor } from './actor.ts';
import { isUniqueViolation } from './db-errors.ts';
import type { DomainDeps } from './deps.ts';
import { AlreadyExists, AlreadyLinked, CodeExpired, CodeInvalid, NotFound } from './errors.ts';
import { generateLinkCode, sameHash } from './secrets.ts';
import { parseInput } from './validation.ts';

/** Who an account is, as the bot needs it right after registering or linking. */
export interface AccountRef {
  userId: number;
  role: UserRole;
}

/** A Telegram user as the bot sees them on each update. */
export interface TelegramProfileView {
  telegramId: number;
  userId: number | null;
  language: Language;
  botBlocked: boolean;
  /** The linked account as it is now (role and status re-read), or null. */
  actor: Actor | null;
}

/** What `startLink` answers: the same for every email, so it reveals nothing. */
export interface LinkStarted {
  expiresInMinutes: number;
}

/** A race past the up-front checks ends on a unique constraint: name the field like the check would. */
function rethrowTaken(error: unknown): never {
  if (isUniqueViolation(error, 'app_user_email_unique')) throw new AlreadyExists('email');
  if (isUniqueViolation(error, 'app_user_phone_unique')) throw new AlreadyExists('phone');
  throw error;
}

async function refuseTaken(em: Em, email: string, phone: string): Promise<void> {
  if ((await em.count(User, { email })) > 0) throw new AlreadyExists('email');
  if ((await em.count(User, { phone })) > 0) throw new AlreadyExists('phone');
}

/**
 * Accounts and their Telegram link: registration, the per-update profile touch,
 * linking an existing account with an emailed one-time code, and the CLI's
 * superuser. These act for a person who may have no account yet, so they take
 * no actor; who may do what follows from the Telegram id and the code.
 */
export function createAccountService(deps: DomainDeps) {
  return {
    /** Where to push a user's notifications: their linked Telegram chat, if any. */
    async pushTarget(
      em: Em,
      userId: number,
    ): Promise<{ chatId: number; language: Language; botBlocked: boolean } | null> {
      const profile = await em.findOne(TelegramProfile, { user: userId });
      return profile
        ? { chatId: profile.chatId, language: profile.language, botBlocked: profile.botBlocked }
        : null;
    },

    /**
     * Whether a phone (any common KZ form) or an email is already used by an
     * account, so registration can say so at the step where it was typed.
     * Registration reveals this anyway; /link never calls it.
     */
    async availability(
      em: Em,
      input: { phone?: string; email?: string },
    ): Promise<{ phoneTaken: boolean; emailTaken: boolean }> {
      const { phone, email } = parseInput(availabilitySchema, input);
      const [phoneTaken, emailTaken] = await Promise.all([
        phone ? em.count(User, { phone }).then((count) => count > 0) : false,
        email ? em.count(User, { email }).then((count) => count > 0) : false,
      ]);
      return { phoneTaken, emailTaken };
    },

    /**
     * Registers a new guest and, when `telegram` is given, links that Telegram user
     * to the account. Queues the welcome email in the same transaction.
     * Refuses `already_linked` (this Telegram user has an account) and
     * `already_exists` with `field` 'email' or 'phone'.
     */
    async register(em: Em, input: RegisterInput): Promise<AccountRef> {
      const { telegram, fullName, phone, email, language } = parseInput(registerSchema, input);
      try {
        return await em.transactional(async (tx) => {
          if (telegram && (await linkedUserId(tx, telegram.telegramId)) !== null) throw new AlreadyLinked();
          await refuseTaken(tx, email, phone);
          const user = tx.create(User, {
            email,
            phone,
            fullName,
            passwordHash: null,
            role: 'guest',
            status: 'active',
            agency: null,
            createdAt: deps.clock.now(),
          });
          await tx.flush();
          let mailLanguage: Language = language ?? telegram?.language ?? 'ru';
          if (telegram) {
            const profile = await linkProfileToNewUser(
              tx,
              {
                telegramId: telegram.telegramId,
                chatId: telegram.chatId,
                userId: user.id,
                phone,
                username: telegram.username,
                firstName: telegram.firstName,
                language: telegram.language ?? language ?? null,
              },
              deps.clock.now(),
            );
            // Linked by a concurrent registration or link since the check above.
            if (!profile) throw new AlreadyLinked();
            mailLanguage = language ?? profile.language;
          }
          await deps.mail.queue(tx, 'welcome', email, { fullName }, mailLanguage);
          return { userId: user.id, role: user.role };
        });
      } catch (error) {
        rethrowTaken(error);
      }
    },

    /**
     * Records that a Telegram user wrote to the bot: creates their profile or
     * refreshes chat, names and (until they pick one) language, and clears
     * `botBlocked`, since a person who writes has not blocked the bot.
     */
    async touchProfile(em: Em, input: TouchProfileInput): Promise<TelegramProfileView> {
      const { telegramId, chatId, username, firstName, languageCode } = parseInput(touchProfileSchema, input);
      const state = await upsertTouchedProfile(
        em,
        {
          telegramId,
          chatId,
          username,
          firstName,
          language: languageCode ? languageFromTelegram(languageCode) : null,
        },
        deps.clock.now(),
      );
      return { telegramId, ...state };
    },

    /**
     * Who a Telegram user is right now (read-only): their language and linked
     * account. The bot asks after a flow that may have changed either.
     */
    async identify(em: Em, telegramId: number): Promise<{ language: Language; actor: Actor | null }> {
      const rows = await em.execute<
        {
          language: Language;
          user_id: number | null;
          role: UserRole | null;
          status: UserStatus | null;
          agency_id: number | null;
        }[]
      >(
        `select p.language, u.id as user_id, u.role, u.status, u.agency_id
         from telegram_profile p left join app_user u on u.id = p.user_id where p.telegram_id = ?`,
        [parseInput(telegramIdSchema, telegramId)],
      );
      const row = rows[0];
      if (!row) return { language: 'ru', actor: null };
      const actor =
        row.user_id !== null && row.role && row.status
          ? { id: row.user_id, role: row.role, status: row.status, agencyId: row.agency_id }
          : null;
      return { language: row.language, actor };
    },

    /** The person picked a language: it sticks, Telegram's language code no longer overrides it. */
    async setLanguage(em: Em, telegramId: number, language: Language): Promise<void> {
      const id = parseInput(telegramIdSchema, telegramId);
      const lang = parseInput(languageSchema, language);
      const affected = await em.nativeUpdate(
        TelegramProfile,
        { telegramId: id },
        { language: lang, languageChosen: true, updatedAt: deps.clock.now() },
      );
      if (affected === 0) throw new NotFound('telegram profile', id);
    },

    /**
     * Marks whether Telegram refuses messages to this person (403: they blocked
     * the bot), so pushes stop until they write again. A profile that no longer
     * exists is ignored: there is nobody to push to anyway.
     */
    async setBotBlocked(em: Em, telegramId: number, blocked: boolean): Promise<void> {
      const id = parseInput(telegramIdSchema, telegramId);
      await em.nativeUpdate(
        TelegramProfile,
        { telegramId: id },
        { botBlocked: blocked, updatedAt: deps.clock.now() },
      );
    },

    /** The actor behind a Telegram user, loaded fresh; null when they have no linked account. */
    async actorForTelegram(em: Em, telegramId: number): Promise<Actor | null> {
      const userId = await linkedUserId(em, parseInput(telegramIdSchema, telegramId));
      return userId === null ? null : loadActor(em, userId);
    },

    /**
     * Starts linking an existing account: emails a 6-digit code (valid
     * `LINK_CODE_TTL_MINUTES`) to the account's address. For an email without an
     * account it stores a code that can never succeed and sends nothing, and
     * answers exactly the same, so nobody learns whether an email is registered.
     * A new code kills the older ones of this Telegram user.
     * Refuses `already_linked` and `rate_limited` (per Telegram user 1 a minute and
     * 5 an hour, per email 5 an hour).
     */
    async startLink(em: Em, input: StartLinkInput): Promise<LinkStarted> {
      const { telegramId, email } = parseInput(startLinkSchema, input);
      const now = deps.clock.now();
      await em.transactional(async (tx) => {
        await lockLinkRequests(tx, telegramId, email);
        if ((await linkedUserId(tx, telegramId)) !== null) throw new AlreadyLinked();
        await checkLinkRateLimits(tx, telegramId, email, now);
        await supersedeCodes(tx, telegramId, now);
        const user = await tx.findOne(User, { email }, { fields: ['id'] });
        const code = (deps.linkCodes ?? generateLinkCode)();
        tx.create(VerificationCode, {
          email,
          user: user ? user.id : null,
          telegramId,
          codeHash: deps.secrets.hashCode(code),
          expiresAt: new Date(now.getTime() + LINK_CODE_TTL_MINUTES * 60_000),
          attempts: 0,
          usedAt: null,
          createdAt: now,
        });
        await tx.flush();
        if (user) {
          const language = await profileLanguage(tx, telegramId);
          await deps.mail.queue(tx, 'linkCode', email, { code, minutes: LINK_CODE_TTL_MINUTES }, language);
        }
      });
      return { expiresInMinutes: LINK_CODE_TTL_MINUTES };
    },

    /**
     * Checks a link code and links this Telegram user to the account it was sent
     * for (unlinking the Telegram the account had before), then emails the owner.
     * Blocked accounts are linked too; the bot then shows them the blocked notice.
     * Refuses `already_linked`, `code_expired` (no live code: expired, used,
     * superseded, spent or never asked) and `code_invalid` with `attemptsLeft`;
     * the third wrong guess kills the code, even when guesses arrive at once.
     */
    async confirmLink(em: Em, input: ConfirmLinkInput): Promise<AccountRef> {
      const { telegramId, code } = parseInput(confirmLinkSchema, input);
      const now = deps.clock.now();
      if ((await linkedUserId(em, telegramId)) !== null) throw new AlreadyLinked();
      const live = await findLiveCode(em, telegramId, now);
      if (!live) throw new CodeExpired();
      // Hash first, then look at the owner: a code without an account costs the same time.
      const matches = sameHash(deps.secrets.hashCode(code), live.codeHash);
      const userId = live.userId;
      if (!matches || userId === null) {
        // Committed on its own (not in a transaction the throw would roll back).
        const attempts = await spendAttempt(em, live.id, now);
        if (attempts === null) throw new CodeExpired();
        throw new CodeInvalid(LINK_CODE_MAX_ATTEMPTS - attempts);
      }
      return em.transactional(async (tx) => {
        if (!(await consumeCode(tx, live.id, now))) throw new CodeExpired();
        // One link of an account at a time: the second waits, then moves the link.
        await tx.execute('select id from app_user where id = ? for update', [userId]);
        const profile = await linkProfileToExistingUser(tx, telegramId, userId, now);
        if (!profile) throw new AlreadyLinked();
        const user = await tx.findOneOrFail(User, userId, { fields: ['email', 'fullName', 'role'] });
        await deps.mail.queue(
          tx,
          'telegramLinked',
          user.email,
          { fullName: user.fullName },
          profile.language,
        );
        return { userId, role: user.role };
      });
    },

    /**
     * For the operator CLI: creates an active superuser, or promotes (and
     * unblocks) the existing account with that email, notifying its owner of the
     * change. The phone is used only for a new account.
     * Refuses `already_exists` 'phone' when a new account's phone is taken.
     */
    async createSuperuser(
      em: Em,
      input: CreateSuperuserInput,
    ): Promise<{ userId: number; created: boolean }> {
      const { email, phone, fullName } = parseInput(createSuperuserSchema, input);
      try {
        return await em.transactional(async (tx) => {
          const existing = await tx.findOne(User, { email });
          if (existing) {
            const { role, status } = existing;
            existing.role = 'superuser';
            existing.status = 'active';
            await tx.flush();
            if (role !== 'superuser') {
              await deps.notifier.notify(tx, existing.id, 'role_changed', {
                role: 'superuser',
                agencyName: null,
              });
            }
            if (status !== 'active') {
              await deps.notifier.notify(tx, existing.id, 'status_changed', {
                status: 'active',
                role: 'superuser',
              });
            }
            return { userId: existing.id, created: false };
          }
          await refuseTaken(tx, email, phone);
          const user = tx.create(User, {
            email,
            phone,
            fullName,
            passwordHash: null,
            role: 'superuser',
            status: 'active',
            agency: null,
            createdAt: deps.clock.now(),
          });
          await tx.flush();
          return { userId: user.id, created: true };
        });
      } catch (error) {
        rethrowTaken(error);
      }
    },
  };
}
