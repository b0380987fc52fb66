import { Api } from 'node-telegram-bot-api';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import { User } from '../../src/db/entities/index.ts';
import { loadActor } from '../../src/domain/actor.ts';
import { newPerson } from '../support/accounts.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { BOT_TOKEN, interceptBotMethod, startEmulator, type TelegramServer } from '../support/e2e.ts';
import { makeUser } from '../support/fixtures.ts';

/**
 * The `notification.push` job, in-process, against the Bot API emulator: a
 * domain event (an account promoted to Superuser notifies its owner) reaches
 * the owner's linked chat, in their language, once.
 */
describe('pushing domain notifications to Telegram', () => {
  const suite = useTestDatabase();
  const fork = () => suite.fork();
  let emulator: TelegramServer;
  /** Chats whose sendMessage answers 403, as Telegram does for a person who blocked the bot. */
  const blockedChats = new Set<string>();

  beforeAll(async () => {
    emulator = await startEmulator();
    interceptBotMethod(emulator, 'sendMessage', (request, response, next) => {
      if (!blockedChats.has(String(request.body.chat_id))) return next();
      response
        .status(403)
        .json({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    });
    const api = new Api(BOT_TOKEN, { apiRoot: emulator.config.apiURL });
    // Registers the push job's handler on the test database's queue.
    createBot({
      api,
      orm: suite.db.orm,
      domain: suite.db.domain,
      jobs: suite.db.jobs,
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  const sentTo = (chatId: number) =>
    emulator.storage.botMessages
      .filter((message) => String(message.message.chat_id) === String(chatId))
      .map((message) => message.message.text);

  /** A person registered through the bot, so their account is linked to their Telegram chat. */
  async function linkedPerson(language: 'ru' | 'en') {
    const person = newPerson({ language });
    await suite.db.domain.accounts.register(fork(), person);
    return person;
  }

  const userIdOf = async (email: string) => (await fork().findOneOrFail(User, { email })).id;

  /** A domain change that notifies the account's owner: the operator makes them a Superuser. */
  async function promote(email: string) {
    await suite.db.domain.accounts.createSuperuser(fork(), {
      email,
      phone: '+77010000999',
      fullName: 'Не важно',
    });
  }

  it('pushes a notification to the linked chat in the person’s language, once', async () => {
    const person = await linkedPerson('en');
    await promote(person.email);

    expect(await suite.db.jobs.runAvailable('notification.push')).toEqual({ done: 1, failed: 0 });
    expect(await suite.db.jobs.runAvailable('notification.push')).toEqual({ done: 0, failed: 0 });
    expect(sentTo(person.telegram.chatId)).toEqual(['Your role is now Superuser. Open the menu: /menu']);
  });

  it('does not push the same notification twice when its job runs again', async () => {
    const person = await linkedPerson('ru');
    await promote(person.email);
    const owner = await loadActor(fork(), await userIdOf(person.email));
    const [notification] = (await suite.db.domain.notifications.listUnread(fork(), owner)).items;
    await suite.db.jobs.runAvailable('notification.push');

    // A redelivered job (say, the worker died before it could mark the job done).
    await suite.db.jobs.send(fork(), 'notification.push', { notificationId: notification!.id });
    expect(await suite.db.jobs.runAvailable('notification.push')).toEqual({ done: 1, failed: 0 });
    expect(sentTo(person.telegram.chatId)).toEqual([
      'Ваша роль изменена: «Суперпользователь». Откройте меню: /menu',
    ]);
  });

  it('sends nothing for a person without Telegram, and the job completes', async () => {
    const { user } = await makeUser(fork(), 'guest');
    const before = emulator.storage.botMessages.length;
    await promote(user.email);

    expect(await suite.db.jobs.runAvailable('notification.push')).toEqual({ done: 1, failed: 0 });
    expect(emulator.storage.botMessages.length).toBe(before);
    // It waits under «🔔 Уведомления».
    const owner = await loadActor(fork(), user.id);
    expect(await suite.db.domain.notifications.unreadCount(fork(), owner)).toBe(1);
  });

  it('marks a person who blocked the bot (403) and completes the job without retrying', async () => {
    const person = await linkedPerson('ru');
    blockedChats.add(String(person.telegram.chatId));
    await promote(person.email);

    expect(await suite.db.jobs.runAvailable('notification.push')).toEqual({ done: 1, failed: 0 });
    expect(await suite.db.jobs.runAvailable('notification.push')).toEqual({ done: 0, failed: 0 });
    expect(sentTo(person.telegram.chatId)).toEqual([]);
    const target = await suite.db.domain.accounts.pushTarget(fork(), await userIdOf(person.email));
    expect(target?.botBlocked).toBe(true);
  });
});
