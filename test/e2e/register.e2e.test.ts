import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BotProcess,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
} from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';

describe('registration over the Bot API emulator', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  beforeAll(async () => {
    emulator = await startEmulator();
    bot = await startBot(emulator);
  });
  afterAll(() => stopBot({ bot, emulator, dataDir: bot?.dataDir }));

  it('registers a new person with a shared contact and an email, then shows the Guest menu', async () => {
    const user = new TelegramUser(emulator);
    await user.send('/start');
    const [welcome] = await user.replies();
    expect(welcome?.text).toContain('Здравствуйте');
    expect(user.keyboard()).toEqual([['🔍 Поиск'], ['📝 Регистрация', '🔗 Привязать аккаунт'], ['🌐 Язык']]);

    await user.press('📝 Регистрация');
    const [askPhone] = await user.replies();
    expect(askPhone?.text).toContain('Шаг 1 из 2');

    await user.send('12345');
    expect((await user.replies())[0]?.text).toContain('не похоже на казахстанский номер');

    await user.shareContact('+77017654321');
    expect((await user.replies())[0]?.text).toContain('+77017654321');

    await user.send('not-an-email');
    expect((await user.replies())[0]?.text).toContain('не похоже на email');
    await user.send('Aigerim@Example.kz');
    const [summary] = await user.replies();
    expect(summary?.text).toContain('aigerim@example.kz');

    await user.press('✅ Подтвердить');
    const [done] = await user.replies();
    expect(done?.text).toContain('Аккаунт создан');
    expect(user.keyboard()).toEqual([
      ['🔍 Поиск', '📦 Мои бронирования'],
      ['⭐ Избранное', '📝 Отзывы'],
      ['🔔 Уведомления', '🌐 Язык'],
    ]);
  });
});
