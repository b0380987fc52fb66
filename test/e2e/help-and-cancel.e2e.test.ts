import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BotProcess,
  commandsRegistered,
  linkThroughBot,
  registerThroughBot,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { createSuperuser, freshDataDir, stopBot } from '../support/e2e-lifecycle.ts';

const ANONYMOUS_MENU = [['🔍 Поиск'], ['📝 Регистрация', '🔗 Привязать аккаунт'], ['🌐 Язык']];
const GUEST_MENU_EN = [
  ['🔍 Search', '📦 My bookings'],
  ['⭐ Favourites', '📝 Reviews'],
  ['🔔 Notifications', '🌐 Language'],
];
const SUPERUSER_MENU = [
  ['🏢 Агентства', '🔎 Пользователь'],
  ['👥 Пользователи', '👨‍💼 Риелторы'],
  ['🔔 Уведомления', '🌐 Язык'],
];
const CANCELLED = 'Действие отменено.';
const NOT_UNDERSTOOD = 'Не понял вас.';

/** Asserts the text has every one of `present` and none of `absent`. */
function expectLines(text: string | undefined, present: string[], absent: string[]) {
  for (const line of present) expect(text).toContain(line);
  for (const line of absent) expect(text).not.toContain(line);
}

describe('/help per role, leaving flows, the language, a blocked account', () => {
  const boss = { email: 'boss@example.kz', phone: '+77011112233', name: 'Айдар Сейтказиев' };
  const guestEmail = 'guest@example.kz';
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let visitor: TelegramUser;
  let guest: TelegramUser;
  let owner: TelegramUser;

  beforeAll(async () => {
    dataDir = freshDataDir('help');
    await createSuperuser(dataDir, boss);
    emulator = await startEmulator();
    bot = await startBot(emulator, { dataDir });
    visitor = new TelegramUser(emulator, { firstName: 'Мурат' });
    guest = new TelegramUser(emulator, { firstName: 'Жанна' });
    owner = new TelegramUser(emulator, { firstName: 'Айдар' });
  });
  afterAll(() => stopBot({ bot, emulator, dataDir }));

  it('registered its commands for Telegram’s menu in Russian (the default) and English', () => {
    const [russian, english] = commandsRegistered(emulator);
    const names = ['start', 'menu', 'register', 'link', 'language', 'cancel', 'help'];
    expect(russian?.languageCode).toBeNull();
    expect(russian?.commands.map((command) => command.command)).toEqual(names);
    expect(russian?.commands).toContainEqual({ command: 'register', description: 'Регистрация' });
    expect(english?.languageCode).toBe('en');
    expect(english?.commands.map((command) => command.command)).toEqual(names);
    expect(english?.commands).toContainEqual({ command: 'register', description: 'Sign up' });
  });

  it('/help for a person without an account: registering, linking, search', async () => {
    await visitor.send('/help');
    const [help] = await visitor.replies();
    expectLines(
      help?.text,
      [
        '/register',
        '/link',
        '/language',
        '/cancel',
        '📝 Регистрация —',
        '🔗 Привязать аккаунт —',
        '🔍 Поиск —',
      ],
      ['📦 Мои бронирования', '🏢 Агентства', '🔔 Уведомления'],
    );
  });

  it('Cancel and /cancel leave registration at any step, back to the menu', async () => {
    await visitor.send('/start');
    await visitor.replies();
    await visitor.press('📝 Регистрация');
    expect((await visitor.replies())[0]?.text).toContain('Шаг 1 из 2');
    await visitor.press('❌ Отмена');
    expect((await visitor.replies())[0]?.text).toContain(CANCELLED);
    expect(visitor.keyboard()).toEqual(ANONYMOUS_MENU);

    await visitor.send('/register');
    await visitor.replies();
    await visitor.shareContact('+77017654301');
    expect((await visitor.replies())[0]?.text).toContain('Шаг 2 из 2');
    await visitor.send('/cancel');
    expect((await visitor.replies())[0]?.text).toContain(CANCELLED);
    expect(visitor.keyboard()).toEqual(ANONYMOUS_MENU);

    // The flow is gone: an email now means nothing, and there is nothing left to cancel.
    await visitor.send('murat@example.kz');
    expect((await visitor.replies())[0]?.text).toContain(NOT_UNDERSTOOD);
    await visitor.send('/cancel');
    expect((await visitor.replies())[0]?.text).toContain('Сейчас нечего отменять.');
  });

  it('Cancel and /cancel leave linking at any step, back to the menu', async () => {
    await visitor.press('🔗 Привязать аккаунт');
    expect((await visitor.replies())[0]?.text).toContain('Привязка аккаунта');
    await visitor.press('❌ Отмена');
    expect((await visitor.replies())[0]?.text).toContain(CANCELLED);
    expect(visitor.keyboard()).toEqual(ANONYMOUS_MENU);

    await visitor.send('/link');
    await visitor.replies();
    await visitor.send('nobody@example.kz');
    expect((await visitor.replies())[0]?.text).toContain('Введите код');
    await visitor.send('/cancel');
    expect((await visitor.replies())[0]?.text).toContain(CANCELLED);
    expect(visitor.keyboard()).toEqual(ANONYMOUS_MENU);

    await visitor.send('123456');
    expect((await visitor.replies())[0]?.text).toContain(NOT_UNDERSTOOD);
  });

  it('/help for a Guest: the Guest menu, no registration', async () => {
    await registerThroughBot(guest, '+77017654302', guestEmail);
    await guest.send('/help');
    const [help] = await guest.replies();
    expectLines(
      help?.text,
      [
        '/menu',
        '/language',
        '🔍 Поиск —',
        '📦 Мои бронирования —',
        '⭐ Избранное —',
        '📝 Отзывы —',
        '🔔 Уведомления —',
      ],
      ['/register', '/link', '📝 Регистрация', '🏢 Агентства', '🏘 Мои объекты'],
    );
  });

  it('/help for a Superuser: the platform menu', async () => {
    await linkThroughBot(owner, dataDir, boss.email);
    expect(owner.keyboard()).toEqual(SUPERUSER_MENU);
    await owner.send('/help');
    const [help] = await owner.replies();
    expectLines(
      help?.text,
      ['🏢 Агентства —', '🔎 Пользователь —', '👥 Пользователи —', '👨‍💼 Риелторы —', '🔔 Уведомления —'],
      ['/register', '📦 Мои бронирования', '🏘 Мои объекты', '📊 Агентство'],
    );
  });

  it('/language switches to English: the answer, the menu and /help follow', async () => {
    await guest.send('/language');
    const [choose, buttons] = await guest.replies(2);
    expect(choose?.text).toBe('Выберите язык бота:');
    expect(buttons?.inline?.flat().map((button) => button.text)).toEqual(['🇷🇺 Русский', '🇬🇧 English']);

    await guest.tap('🇬🇧 English');
    const [changed] = await guest.replies();
    expect(changed?.text).toContain('Bot language: English.');
    expect(guest.keyboard()).toEqual(GUEST_MENU_EN);

    await guest.send('/help');
    const [help] = await guest.replies();
    expectLines(help?.text, ['What the bot can do', '📦 My bookings —'], ['Мои бронирования']);
  });

  it('a blocked account gets the blocked notice and nothing else', async () => {
    expect(await bot.stop()).toBe(0);
    await withDatabase(dataDir, async (em) => {
      await em.execute(`update app_user set status = 'blocked' where email = ?`, [guestEmail]);
    });
    bot = await startBot(emulator, { dataDir });

    const blocked = 'Your account is blocked. If this is a mistake, please contact support.';
    for (const input of ['/start', '/help', '📦 My bookings', '/register', '/language', 'hello']) {
      await guest.send(input);
      const replies = await guest.replies();
      expect(replies.map((reply) => reply.text)).toEqual([blocked]);
      expect(guest.keyboard()).toBeNull();
    }

    // Only that account: the Superuser is served as before.
    await owner.send('/start');
    await owner.replies();
    expect(owner.keyboard()).toEqual(SUPERUSER_MENU);
  });
});
