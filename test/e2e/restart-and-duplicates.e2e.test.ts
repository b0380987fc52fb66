import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BotProcess,
  type CallbackAnswer,
  nextCallbackAnswer,
  recordCallbackAnswers,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
} from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';

const GUEST_MENU = [
  ['🔍 Поиск', '📦 Мои бронирования'],
  ['⭐ Избранное', '📝 Отзывы'],
  ['🔔 Уведомления', '🌐 Язык'],
];

describe('a killed bot, redelivered updates and forged buttons', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let answers: CallbackAnswer[];

  beforeAll(async () => {
    emulator = await startEmulator();
    answers = recordCallbackAnswers(emulator);
    bot = await startBot(emulator);
  });
  afterAll(() => stopBot({ bot, emulator, dataDir: bot?.dataDir }));

  /**
   * Waits until the bot has handled everything `user` sent so far: it answers
   * /help (same chat, so strictly after the earlier updates) and that must be
   * the only new message.
   */
  async function expectNothingMoreThan(user: TelegramUser) {
    await user.send('/help');
    const replies = await user.replies();
    expect(replies.map((reply) => reply.text.split('\n')[0])).toEqual(['ℹ️ Что умеет бот']);
  }

  it('continues a registration at the email step after the process is killed and restarted', async () => {
    const user = new TelegramUser(emulator, { firstName: 'Руслан' });
    await user.send('/register');
    await user.replies();
    await user.shareContact('+77017654311');
    expect((await user.replies())[0]?.text).toContain('Шаг 2 из 2');
    const contactUpdate = user.sentUpdateIds().at(-1)!;

    await bot.kill();
    bot = await startBot(emulator, { dataDir: bot.dataDir });

    await user.send('ruslan@example.kz');
    const [summary] = await user.replies();
    expect(summary?.text).toContain('+77017654311');
    expect(summary?.text).toContain('ruslan@example.kz');
    await user.press('✅ Подтвердить');
    expect((await user.replies())[0]?.text).toContain('Аккаунт создан');
    expect(user.keyboard()).toEqual(GUEST_MENU);

    // What was handled before the kill stays handled after the restart.
    user.redeliver(contactUpdate);
    await expectNothingMoreThan(user);
    expect(user.fetched(contactUpdate)).toBe(true);
  });

  it('gives an update delivered twice one effect', async () => {
    const user = new TelegramUser(emulator, { firstName: 'Дана' });
    await user.send('/register');
    await user.replies();
    await user.shareContact('+77017654312');
    await user.replies();
    await user.send('dana@example.kz');
    expect((await user.replies())[0]?.text).toContain('dana@example.kz');
    const emailUpdate = user.sentUpdateIds().at(-1)!;

    // Handled again, the email would be an unexpected text on the summary screen.
    user.redeliver(emailUpdate);
    await expectNothingMoreThan(user);
    expect(user.fetched(emailUpdate)).toBe(true);

    await user.press('✅ Подтвердить');
    const created = await user.replies();
    expect(created.map((reply) => reply.text).filter((text) => text.includes('Аккаунт создан'))).toHaveLength(
      1,
    );
    const confirmUpdate = user.sentUpdateIds().at(-1)!;

    // Handled again, Confirm would meet a linked user with no flow: a second answer.
    user.redeliver(confirmUpdate);
    await expectNothingMoreThan(user);
    expect(user.fetched(confirmUpdate)).toBe(true);
    expect(user.keyboard()).toEqual(GUEST_MENU);
  });

  it('answers forged or stale buttons of a guest with a short "expired" and changes nothing', async () => {
    const guest = new TelegramUser(emulator, { firstName: 'Олег' });
    await guest.send('/register');
    await guest.replies();
    await guest.shareContact('+77017654313');
    await guest.replies();
    await guest.send('oleg@example.kz');
    await guest.replies();
    await guest.press('✅ Подтвердить');
    await guest.replies();

    await guest.send('/language');
    const [, picker] = await guest.replies(2);
    const messagesBefore = guest.all();
    const forged = [
      'lang:0:de', // a real action with an argument no screen offers
      'page:99', // a real action the current screen does not have
      'xx:1', // an action that does not exist
      'user:1:role:superuser', // what an admin action might look like
      `lang:0:${'e'.repeat(63)}`, // 70 bytes, over Telegram's 64
    ];
    for (const data of forged) {
      const seen = answers.length;
      await guest.sendCallback(data, picker!.messageId);
      expect((await nextCallbackAnswer(answers, seen)).text).toBe('Эта кнопка устарела.');
    }
    await expectNothingMoreThan(guest);
    expect(guest.all().slice(0, messagesBefore.length)).toEqual(messagesBefore);

    // The screen is still the language picker, and its real button works.
    await guest.tap('🇷🇺 Русский');
    const [changed] = await guest.replies();
    expect(changed?.text).toContain('Язык бота: русский.');
    expect(guest.keyboard()).toEqual(GUEST_MENU);

    // With no flow open, even a well-formed button is stale and changes nothing.
    const seen = answers.length;
    await guest.sendCallback('lang:0:en', picker!.messageId);
    expect((await nextCallbackAnswer(answers, seen)).text).toBe('Эта кнопка устарела.');
    await expectNothingMoreThan(guest);
    await guest.send('/menu');
    await guest.replies();
    expect(guest.keyboard()).toEqual(GUEST_MENU);
  });
});
