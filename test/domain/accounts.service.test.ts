import { describe, expect, it } from 'vitest';
import { Notification, TelegramProfile, User } from '../../src/db/entities/index.ts';
import { mailTo, newPerson, uniqueEmail, uniqueTelegramId } from '../support/accounts.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeUser, uniquePhone } from '../support/fixtures.ts';

describe('accounts service', () => {
  const suite = useTestDatabase();

  const fork = suite.fork;
  const accounts = () => suite.db.domain.accounts;

  describe('register', () => {
    it('registers a guest, links the Telegram profile and sends the welcome email', async () => {
      const person = newPerson({ language: 'en' });
      const local = person.phone.replace('+7', '8 ').replace(/(\d{3})(\d{3})(\d{2})(\d{2})$/, '$1 $2 $3 $4');
      const result = await accounts().register(fork(), {
        ...person,
        phone: local,
        email: `  ${person.email.toUpperCase()} `,
      });
      expect(result).toEqual({ userId: expect.any(Number), role: 'guest' });

      const user = await fork().findOneOrFail(User, result.userId);
      expect(user).toMatchObject({
        email: person.email,
        phone: person.phone,
        role: 'guest',
        status: 'active',
      });
      const profile = await fork().findOneOrFail(TelegramProfile, { telegramId: person.telegram.telegramId });
      expect(profile).toMatchObject({
        chatId: person.telegram.chatId,
        phone: person.phone,
        language: 'en',
        username: person.telegram.username,
      });
      expect(profile.user?.id).toBe(result.userId);
      expect(await accounts().actorForTelegram(fork(), person.telegram.telegramId)).toEqual({
        id: result.userId,
        role: 'guest',
        status: 'active',
        agencyId: null,
      });

      const emails = await mailTo(suite.db, person.email);
      expect(emails).toHaveLength(1);
      expect(emails[0]!.subject).toBe('Welcome to Daily Rentals');
      expect(emails[0]!.text).toContain(person.fullName);
    });

    it('links a profile the bot already knows and writes the welcome email in its language', async () => {
      const person = newPerson();
      await accounts().touchProfile(fork(), {
        telegramId: person.telegram.telegramId,
        chatId: person.telegram.chatId,
        languageCode: 'en-GB',
      });
      const { userId } = await accounts().register(fork(), person);
      const profiles = await fork().find(TelegramProfile, { telegramId: person.telegram.telegramId });
      expect(profiles).toHaveLength(1);
      expect(profiles[0]!.user?.id).toBe(userId);
      expect(profiles[0]!.language).toBe('en');
      expect((await mailTo(suite.db, person.email))[0]?.subject).toBe('Welcome to Daily Rentals');
    });

    it('registers without Telegram, in Russian by default', async () => {
      const { telegram: _telegram, ...person } = newPerson();
      const { userId } = await accounts().register(fork(), person);
      expect(await fork().count(TelegramProfile, { user: userId })).toBe(0);
      expect((await mailTo(suite.db, person.email))[0]?.subject).toBe('Добро пожаловать в Daily Rentals');
    });

    it('refuses a taken email or phone and writes nothing', async () => {
      const first = newPerson();
      await accounts().register(fork(), first);
      await suite.db.deliverEmails();
      const usersBefore = await fork().count(User);
      const sentBefore = suite.db.mail.sent.length;

      const sameEmail = { ...newPerson(), email: first.email.toUpperCase() };
      await expect(accounts().register(fork(), sameEmail)).rejects.toMatchObject({
        code: 'already_exists',
        field: 'email',
      });
      const samePhone = { ...newPerson(), phone: first.phone.replace('+7', '8') };
      await expect(accounts().register(fork(), samePhone)).rejects.toMatchObject({
        code: 'already_exists',
        field: 'phone',
      });

      expect(await fork().count(User)).toBe(usersBefore);
      for (const refused of [sameEmail, samePhone]) {
        expect(await fork().count(TelegramProfile, { telegramId: refused.telegram.telegramId })).toBe(0);
      }
      expect((await suite.db.deliverEmails()).done).toBe(0);
      expect(suite.db.mail.sent.length).toBe(sentBefore);
    });

    it('lets only one of two simultaneous registrations of an email through', async () => {
      const email = uniqueEmail();
      const results = await Promise.allSettled([
        accounts().register(fork(), { ...newPerson(), email }),
        accounts().register(fork(), { ...newPerson(), email }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected');
      expect(refused?.reason).toMatchObject({ code: 'already_exists', field: 'email' });
      expect(await fork().count(User, { email })).toBe(1);
    });

    it('refuses a Telegram user who already has an account', async () => {
      const first = newPerson();
      await accounts().register(fork(), first);
      const again = { ...newPerson(), telegram: first.telegram };
      await expect(accounts().register(fork(), again)).rejects.toMatchObject({
        code: 'already_linked',
      });
      expect(await fork().count(User, { email: again.email })).toBe(0);
    });

    it('rejects a foreign phone, a bad email and a missing name', async () => {
      const person = newPerson();
      await expect(
        accounts().register(fork(), {
          ...person,
          phone: '+1 202 555 0143',
          email: 'no-at',
          fullName: ' ',
        }),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        issues: expect.arrayContaining([
          expect.objectContaining({ field: 'phone' }),
          expect.objectContaining({ field: 'email' }),
          expect.objectContaining({ field: 'fullName' }),
        ]),
      });
      expect(await fork().count(TelegramProfile, { telegramId: person.telegram.telegramId })).toBe(0);
    });
  });

  describe('Telegram profiles', () => {
    it('creates the profile on first contact with the language of Telegram', async () => {
      const english = uniqueTelegramId();
      const kazakh = uniqueTelegramId();
      expect(
        await accounts().touchProfile(fork(), {
          telegramId: english,
          chatId: english,
          username: 'alex',
          languageCode: 'en-US',
        }),
      ).toEqual({ telegramId: english, userId: null, language: 'en', botBlocked: false, actor: null });
      expect(
        await accounts().touchProfile(fork(), {
          telegramId: kazakh,
          chatId: kazakh,
          languageCode: 'kk',
        }),
      ).toMatchObject({ language: 'ru' });
      expect(await accounts().touchProfile(fork(), { telegramId: english, chatId: english })).toMatchObject({
        language: 'en',
      });
      const profile = await fork().findOneOrFail(TelegramProfile, { telegramId: english });
      expect(profile.username).toBeNull();
    });

    it('keeps a chosen language whatever Telegram says', async () => {
      const telegramId = uniqueTelegramId();
      await accounts().touchProfile(fork(), { telegramId, chatId: telegramId, languageCode: 'en' });
      await accounts().setLanguage(fork(), telegramId, 'ru');
      expect(
        await accounts().touchProfile(fork(), { telegramId, chatId: telegramId, languageCode: 'en' }),
      ).toMatchObject({ language: 'ru' });
      await expect(accounts().setLanguage(fork(), uniqueTelegramId(), 'en')).rejects.toMatchObject({
        code: 'not_found',
      });
    });

    it('marks a person who blocked the bot until they write again', async () => {
      const telegramId = uniqueTelegramId();
      await accounts().touchProfile(fork(), { telegramId, chatId: telegramId });
      await accounts().setBotBlocked(fork(), telegramId, true);
      expect((await fork().findOneOrFail(TelegramProfile, { telegramId })).botBlocked).toBe(true);
      expect(await accounts().touchProfile(fork(), { telegramId, chatId: telegramId })).toMatchObject({
        botBlocked: false,
      });
      expect((await fork().findOneOrFail(TelegramProfile, { telegramId })).botBlocked).toBe(false);
    });

    it('finds no actor for a stranger or an unlinked profile', async () => {
      const telegramId = uniqueTelegramId();
      expect(await accounts().actorForTelegram(fork(), telegramId)).toBeNull();
      await accounts().touchProfile(fork(), { telegramId, chatId: telegramId });
      expect(await accounts().actorForTelegram(fork(), telegramId)).toBeNull();
    });
  });

  describe('createSuperuser', () => {
    it('creates an active superuser', async () => {
      const email = uniqueEmail();
      const result = await accounts().createSuperuser(fork(), {
        email,
        phone: uniquePhone(),
        fullName: 'Айдар Сейтказиев',
      });
      expect(result).toEqual({ userId: expect.any(Number), created: true });
      expect(await fork().findOneOrFail(User, result.userId)).toMatchObject({
        email,
        role: 'superuser',
        status: 'active',
      });
    });

    it('promotes and unblocks an existing user, and tells them', async () => {
      const { user } = await makeUser(fork(), 'realtor', { status: 'blocked' });
      const result = await accounts().createSuperuser(fork(), {
        email: user.email.toUpperCase(),
        phone: uniquePhone(),
        fullName: 'Другое Имя',
      });
      expect(result).toEqual({ userId: user.id, created: false });
      const promoted = await fork().findOneOrFail(User, user.id);
      expect(promoted).toMatchObject({ role: 'superuser', status: 'active', phone: user.phone });
      const kinds = (await fork().find(Notification, { user: user.id })).map((n) => n.kind).sort();
      expect(kinds).toEqual(['role_changed', 'status_changed']);

      // Running the command again changes nothing and tells nobody.
      await accounts().createSuperuser(fork(), {
        email: user.email,
        phone: uniquePhone(),
        fullName: 'Другое Имя',
      });
      expect(await fork().count(Notification, { user: user.id })).toBe(2);
    });

    it('refuses a new superuser whose phone is taken', async () => {
      const { user } = await makeUser(fork());
      const email = uniqueEmail();
      await expect(
        accounts().createSuperuser(fork(), { email, phone: user.phone, fullName: 'Новый Админ' }),
      ).rejects.toMatchObject({ code: 'already_exists', field: 'phone' });
      expect(await fork().count(User, { email })).toBe(0);
    });
  });

  describe('welcome email with a failing mail server', () => {
    it('keeps the account and delivers the email exactly once when the server is back', async () => {
      await suite.db.deliverEmails();
      const person = newPerson();
      suite.db.mail.failing = true;
      try {
        const { userId } = await accounts().register(fork(), person);
        expect(await fork().count(User, { id: userId })).toBe(1);
        expect(await suite.db.deliverEmails()).toEqual({ done: 0, failed: 1 });
      } finally {
        suite.db.mail.failing = false;
      }
      // pg-boss holds the failed job back for its retry delay (5–10 s on the database's clock).
      let delivered = 0;
      const deadline = Date.now() + 30_000;
      while (delivered === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        delivered = (await suite.db.deliverEmails()).done;
      }
      expect(delivered).toBe(1);
      expect(await suite.db.deliverEmails()).toEqual({ done: 0, failed: 0 });
      expect(suite.db.mail.sent.filter((email) => email.to === person.email)).toHaveLength(1);
    });
  });
});
