import { describe, expect, it } from 'vitest';
import { TelegramProfile, VerificationCode } from '../../src/db/entities/index.ts';
import { CodeInvalid, type DomainError } from '../../src/domain/errors.ts';
import {
  linkCodeSentTo,
  mailTo,
  newPerson,
  uniqueEmail,
  uniqueTelegramId,
  wrongCode,
} from '../support/accounts.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeUser } from '../support/fixtures.ts';

describe('accounts service: linking with an emailed code', () => {
  const suite = useTestDatabase();

  const fork = suite.fork;
  const accounts = () => suite.db.domain.accounts;

  /** An existing account and a Telegram user (known to the bot) who asked for its code. */
  async function requestedCode(options: { status?: 'active' | 'blocked' } = {}) {
    const { user } = await makeUser(fork(), 'realtor', { status: options.status ?? 'active' });
    const telegramId = uniqueTelegramId();
    await accounts().touchProfile(fork(), { telegramId, chatId: telegramId, languageCode: 'ru' });
    await accounts().startLink(fork(), { telegramId, email: user.email });
    const code = await linkCodeSentTo(suite.db, user.email);
    return { user, telegramId, code };
  }

  async function codeRows(telegramId: number) {
    return fork().find(VerificationCode, { telegramId }, { orderBy: { id: 'asc' } });
  }

  it('links an existing account with the emailed code and tells its owner', async () => {
    const { user, telegramId, code } = await requestedCode();
    const sent = suite.db.mail.sent.length;
    expect(
      await accounts().confirmLink(fork(), { telegramId, code: `${code.slice(0, 3)} ${code.slice(3)}` }),
    ).toEqual({ userId: user.id, role: 'realtor' });
    const profile = await fork().findOneOrFail(TelegramProfile, { telegramId });
    expect(profile.user?.id).toBe(user.id);
    expect(await accounts().actorForTelegram(fork(), telegramId)).toMatchObject({
      id: user.id,
      role: 'realtor',
    });
    expect((await codeRows(telegramId))[0]!.usedAt).not.toBeNull();
    const emails = await mailTo(suite.db, user.email, sent);
    expect(emails.map((email) => email.subject)).toEqual(['Telegram привязан к вашему аккаунту']);

    await expect(accounts().confirmLink(fork(), { telegramId, code })).rejects.toMatchObject({
      code: 'already_linked',
    });
    await expect(accounts().startLink(fork(), { telegramId, email: user.email })).rejects.toMatchObject({
      code: 'already_linked',
    });
  });

  it('moves the account from the Telegram it had to the new one', async () => {
    const person = newPerson();
    const { userId } = await accounts().register(fork(), person);
    const telegramId = uniqueTelegramId();
    await accounts().startLink(fork(), { telegramId, email: person.email });
    const code = await linkCodeSentTo(suite.db, person.email);
    await accounts().confirmLink(fork(), { telegramId, code });
    expect(await accounts().actorForTelegram(fork(), telegramId)).toMatchObject({ id: userId });
    expect(await accounts().actorForTelegram(fork(), person.telegram.telegramId)).toBeNull();
    // A profile the bot never saw is created for a private chat with that person.
    expect(await fork().findOneOrFail(TelegramProfile, { telegramId })).toMatchObject({ chatId: telegramId });
  });

  it('links a blocked account, whose actor then shows it blocked', async () => {
    const { user, telegramId, code } = await requestedCode({ status: 'blocked' });
    expect(await accounts().confirmLink(fork(), { telegramId, code })).toEqual({
      userId: user.id,
      role: 'realtor',
    });
    expect(await accounts().actorForTelegram(fork(), telegramId)).toMatchObject({ status: 'blocked' });
  });

  it('answers an unknown email exactly like a known one and emails nobody', async () => {
    const { user } = await makeUser(fork());
    const known = await accounts().startLink(fork(), { telegramId: uniqueTelegramId(), email: user.email });
    const stranger = uniqueTelegramId();
    const unknownEmail = uniqueEmail();
    const unknown = await accounts().startLink(fork(), { telegramId: stranger, email: unknownEmail });
    expect(unknown).toEqual(known);
    expect(unknown).toEqual({ expiresInMinutes: 10 });

    expect(await mailTo(suite.db, unknownEmail)).toEqual([]);
    const [row] = await codeRows(stranger);
    expect(row).toMatchObject({ email: unknownEmail, user: null });
    // Such a code can never succeed: every guess is wrong and costs an attempt.
    await expect(
      accounts().confirmLink(fork(), { telegramId: stranger, code: '123456' }),
    ).rejects.toMatchObject({
      code: 'code_invalid',
      attemptsLeft: 2,
    });
  });

  it('keeps the code only as a hash in the database and sealed in the job queue', async () => {
    const { user } = await makeUser(fork());
    const telegramId = uniqueTelegramId();
    await accounts().startLink(fork(), { telegramId, email: user.email });
    const code = await linkCodeSentTo(suite.db, user.email);
    expect(code).toMatch(/^\d{6}$/);

    const rows = await fork().execute<{ row: string }[]>(
      'select row_to_json(v)::text as row from verification_code v where telegram_id = ?',
      [telegramId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).toContain(suite.db.domain.deps.secrets.hashCode(code));
    expect(rows[0]!.row).not.toContain(code);

    const jobs = await fork().execute<{ data: string }[]>(
      "select data::text as data from pgboss.job where name = 'email.send'",
    );
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(job.data).toContain('sealed');
      expect(job.data).not.toContain(code);
      expect(job.data).not.toContain(user.email);
    }
  });

  it('expires a code after 10 minutes', async () => {
    const { telegramId, code } = await requestedCode();
    suite.db.clock.advance(10 * 60_000 + 1000);
    await expect(accounts().confirmLink(fork(), { telegramId, code })).rejects.toMatchObject({
      code: 'code_expired',
    });
    expect(await accounts().actorForTelegram(fork(), telegramId)).toBeNull();
  });

  it('refuses a confirmation when no code was asked for, and a malformed code', async () => {
    const telegramId = uniqueTelegramId();
    await expect(accounts().confirmLink(fork(), { telegramId, code: '000000' })).rejects.toMatchObject({
      code: 'code_expired',
    });
    await expect(accounts().confirmLink(fork(), { telegramId, code: '12a456' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('kills a code on the third wrong guess', async () => {
    const { telegramId, code } = await requestedCode();
    const wrong = wrongCode(code);
    for (const attemptsLeft of [2, 1, 0]) {
      await expect(accounts().confirmLink(fork(), { telegramId, code: wrong })).rejects.toMatchObject({
        code: 'code_invalid',
        attemptsLeft,
      });
    }
    await expect(accounts().confirmLink(fork(), { telegramId, code })).rejects.toMatchObject({
      code: 'code_expired',
    });
    expect(await accounts().actorForTelegram(fork(), telegramId)).toBeNull();
  });

  it('counts no more than three of many wrong guesses arriving at once', async () => {
    const { telegramId, code } = await requestedCode();
    const wrong = wrongCode(code);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => accounts().confirmLink(fork(), { telegramId, code: wrong })),
    );
    const errors = results.map((result) => {
      expect(result.status).toBe('rejected');
      return (result as PromiseRejectedResult).reason as DomainError;
    });
    const invalid = errors.filter((error): error is CodeInvalid => error instanceof CodeInvalid);
    expect(invalid.map((error) => error.attemptsLeft).sort()).toEqual([0, 1, 2]);
    expect(errors.filter((error) => error.code === 'code_expired')).toHaveLength(3);
    expect((await codeRows(telegramId))[0]!.attempts).toBe(3);
    await expect(accounts().confirmLink(fork(), { telegramId, code })).rejects.toMatchObject({
      code: 'code_expired',
    });
  });

  it('lets only the newest code work', async () => {
    const { user, telegramId, code: first } = await requestedCode();
    suite.db.clock.advance(61_000);
    await accounts().startLink(fork(), { telegramId, email: user.email });
    const second = await linkCodeSentTo(suite.db, user.email);
    expect(second).not.toBe(first);
    await expect(accounts().confirmLink(fork(), { telegramId, code: first })).rejects.toMatchObject({
      code: 'code_invalid',
      attemptsLeft: 2,
    });
    expect(await accounts().confirmLink(fork(), { telegramId, code: second })).toMatchObject({
      userId: user.id,
    });
    expect((await codeRows(telegramId)).every((row) => row.usedAt !== null)).toBe(true);
  });

  describe('rate limits', () => {
    it('allows a Telegram user one code a minute and five an hour', async () => {
      const telegramId = uniqueTelegramId();
      const ask = () => accounts().startLink(fork(), { telegramId, email: uniqueEmail() });
      await ask();
      await expect(ask()).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 60 });
      suite.db.clock.advance(30_000);
      await expect(ask()).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
      expect(await codeRows(telegramId)).toHaveLength(1);

      for (let i = 0; i < 4; i++) {
        suite.db.clock.advance(61_000);
        await ask();
      }
      suite.db.clock.advance(61_000);
      // Asked at 0, 91, 152, 213 and 274 s; now 335 s: the first leaves the hour in 3265 s.
      await expect(ask()).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 3265 });
      expect(await codeRows(telegramId)).toHaveLength(5);
      suite.db.clock.advance(3265 * 1000);
      await expect(ask()).resolves.toEqual({ expiresInMinutes: 10 });
    });

    it('allows five codes an hour per email, whoever asks, known or not', async () => {
      const { user } = await makeUser(fork());
      const refusals = [];
      for (const email of [user.email, uniqueEmail()]) {
        for (let i = 0; i < 5; i++)
          await accounts().startLink(fork(), { telegramId: uniqueTelegramId(), email });
        const telegramId = uniqueTelegramId();
        const refusal = await accounts()
          .startLink(fork(), { telegramId, email })
          .catch((error: unknown) => error);
        expect(refusal).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 3600 });
        expect(await codeRows(telegramId)).toHaveLength(0);
        refusals.push(refusal);
      }
      expect(refusals[0]).toEqual(refusals[1]);
      expect((await mailTo(suite.db, user.email)).length).toBe(5);
    });
  });
});
