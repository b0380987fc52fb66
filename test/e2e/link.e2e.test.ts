import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BotProcess,
  emailsTo,
  linkCodeIn,
  nextEmail,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { createSuperuser, freshDataDir, stopBot } from '../support/e2e-lifecycle.ts';

const SUPERUSER_MENU = [
  ['🏢 Агентства', '🔎 Пользователь'],
  ['👥 Пользователи', '👨‍💼 Риелторы'],
  ['🔔 Уведомления', '🌐 Язык'],
];
const CODE_SENT = 'Если аккаунт с этим email существует, мы отправили на него 6-значный код';
const CODE_DEAD = 'Код больше не действует. Запросите новый.';

/** A 6-digit code that is not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/**
 * /link over the emulator, one story in order: accounts are made with the
 * operator CLI before the bot starts; codes are read from the outbox folder.
 */
describe('linking an existing account with an emailed code', () => {
  const boss = { email: 'boss@example.kz', phone: '+77011112233', name: 'Айдар Сейтказиев' };
  const aliya = { email: 'aliya@example.kz', phone: '+77011112244', name: 'Алия Серикова' };
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let owner: TelegramUser;
  let stranger: TelegramUser;
  let late: TelegramUser;
  let lateCode: string;

  beforeAll(async () => {
    dataDir = freshDataDir('link');
    for (const person of [boss, aliya]) await createSuperuser(dataDir, person);
    emulator = await startEmulator();
    bot = await startBot(emulator, { dataDir });
    owner = new TelegramUser(emulator, { firstName: 'Айдар' });
    stranger = new TelegramUser(emulator, { firstName: 'Мурат' });
    late = new TelegramUser(emulator, { firstName: 'Алия' });
  });
  afterAll(() => stopBot({ bot, emulator, dataDir }));

  it('answers a known and an unknown email identically, and mails a code only to the known one', async () => {
    await owner.send('/link');
    expect((await owner.replies())[0]?.text).toContain('Привязка аккаунта');
    await owner.send(boss.email);
    const [ownerAnswer] = await owner.replies();
    expect(ownerAnswer?.text).toContain(CODE_SENT);
    expect(owner.keyboard()).toEqual([['🔁 Получить новый код'], ['⬅️ Назад', '❌ Отмена']]);

    await stranger.send('/link');
    await stranger.replies();
    await stranger.send('nobody@example.kz');
    const [strangerAnswer] = await stranger.replies();
    expect(strangerAnswer?.text).toBe(ownerAnswer?.text);
    expect(stranger.keyboard()).toEqual(owner.keyboard());

    const mail = await nextEmail(dataDir, boss.email, 0);
    expect(mail.subject).toBe('Код для привязки Telegram');
    expect(linkCodeIn(mail)).toMatch(/^\d{6}$/);
  });

  it('says how many attempts are left after a wrong code, and the third wrong code kills it', async () => {
    const code = linkCodeIn(emailsTo(dataDir, boss.email)[0]!);
    await owner.send(wrong(code));
    expect((await owner.replies())[0]?.text).toContain('Неверный код. Осталось 2 попытки.');
    await owner.send(wrong(code));
    expect((await owner.replies())[0]?.text).toContain('Неверный код. Осталась 1 попытка.');
    await owner.send(wrong(code));
    const [dead] = await owner.replies();
    expect(dead?.text).toContain(CODE_DEAD);
    expect(owner.keyboard()).toEqual([['🔁 Получить новый код'], ['⬅️ Назад', '❌ Отмена']]);

    // The right code is of no use any more.
    await owner.send(code);
    expect((await owner.replies())[0]?.text).toContain(CODE_DEAD);
  });

  it('refuses a new code within the cooldown with the rate-limit message', async () => {
    await owner.press('🔁 Получить новый код');
    const [refused] = await owner.replies();
    const seconds = Number(/Попробуйте через (\d+) секунд/.exec(refused?.text ?? '')?.[1]);
    expect(refused?.text).toContain('Слишком много запросов кода.');
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(emailsTo(dataDir, boss.email)).toHaveLength(1);
  });

  it('gets a code for a second person, which then expires while the bot is stopped', async () => {
    await late.send('/link');
    await late.replies();
    await late.send(aliya.email);
    expect((await late.replies())[0]?.text).toContain(CODE_SENT);
    lateCode = linkCodeIn(await nextEmail(dataDir, aliya.email, 0));

    expect(await bot.stop()).toBe(0);
    await withDatabase(dataDir, async (em) => {
      // The cooldown of the owner has passed …
      await em.execute(
        `update verification_code set created_at = created_at - interval '2 minutes' where telegram_id = ?`,
        [owner.id],
      );
      // … and the second person's code ran out.
      await em.execute(
        `update verification_code set expires_at = now() - interval '1 second' where telegram_id = ?`,
        [late.id],
      );
    });
    bot = await startBot(emulator, { dataDir });
  });

  it('refuses an expired code as no longer valid', async () => {
    await late.send(lateCode);
    const [refused] = await late.replies();
    expect(refused?.text).toContain(CODE_DEAD);
  });

  it('gives a new code after the cooldown; the right one links, shows the Superuser menu and emails the owner', async () => {
    await owner.press('🔁 Получить новый код');
    expect((await owner.replies())[0]?.text).toContain(CODE_SENT);
    const code = linkCodeIn(await nextEmail(dataDir, boss.email, 1));

    await owner.send(code);
    const [linked] = await owner.replies();
    expect(linked?.text).toContain('Аккаунт привязан! Ваша роль: «Суперпользователь».');
    expect(linked?.text).toContain('Главное меню. Айдар, вы вошли как «Суперпользователь».');
    expect(owner.keyboard()).toEqual(SUPERUSER_MENU);

    const notice = await nextEmail(dataDir, boss.email, 2);
    expect(notice.subject).toBe('Telegram привязан к вашему аккаунту');
    expect(notice.text).toContain(`Здравствуйте, ${boss.name}!`);

    await owner.send('/start');
    await owner.replies();
    expect(owner.keyboard()).toEqual(SUPERUSER_MENU);
  });

  it('never emailed the unknown address', () => {
    expect(emailsTo(dataDir, 'nobody@example.kz')).toEqual([]);
  });
});
