import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notification, User } from '../../src/db/entities/index.ts';
import {
  type BotProcess,
  type CallbackAnswer,
  nextCallbackAnswer,
  recordCallbackAnswers,
  type TelegramServer,
  type TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';
import { labelsOf, seededDataDir, seedPushesDone, startGuestChat, tapInPlace } from '../support/guest-e2e.ts';

const menuWith = (notifications: string) => [
  ['🔍 Поиск', '📦 Мои бронирования'],
  ['⭐ Избранное', '📝 Отзывы'],
  [notifications, '🌐 Язык'],
];

/**
 * «🔔 Уведомления» over the emulator, as a seeded guest: the seed leaves them 5
 * unread notifications and 2 older ones are written with the app's ORM before
 * the bot starts. They page, read one, read all, and watch the count on the
 * main-menu button go down.
 */
describe('notifications, as a guest over Telegram', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let guest: TelegramUser;
  let answers: CallbackAnswer[];

  beforeAll(async () => {
    dataDir = await seededDataDir('notifications');
    await withDatabase(dataDir, async (em) => {
      const user = await em.findOneOrFail(User, { email: 'guest1@demo.kz' });
      const ref = { bookingId: 1, listingId: 1, checkIn: '2026-10-20', checkOut: '2026-10-22' };
      // Older than every seeded one (the seed dates its events by its own clock).
      const seeded = await em.find(Notification, { user }, { orderBy: { createdAt: 'asc' }, limit: 1 });
      const before = seeded[0]?.createdAt.getTime() ?? Date.now();
      for (const [days, listingTitle] of [
        [2, 'Студия у Байтерека'],
        [1, 'Апартаменты у Медеу'],
      ] as const) {
        em.create(Notification, {
          user,
          kind: 'booking_cancelled',
          data: { ...ref, listingTitle, by: 'realtor', reason: 'Ремонт', previousStatus: 'confirmed' },
          createdAt: new Date(before - days * 86_400_000),
          readAt: null,
          pushedAt: null,
        });
      }
      await em.flush();
      await seedPushesDone(em);
    });
    ({ emulator, bot, guest } = await startGuestChat(dataDir, (server) => {
      answers = recordCallbackAnswers(server);
    }));
  });
  afterAll(() => stopBot({ bot, emulator, dataDir }));

  it('the main menu shows the unread count on the button', () => {
    expect(guest.keyboard()).toEqual(menuWith('🔔 Уведомления (7)'));
  });

  it('the button lists the unread ones newest first with their texts; typed text keeps the list', async () => {
    await guest.press('🔔 Уведомления (7)');
    const [list] = await guest.replies();
    const [title, ...items] = list?.text.split('\n\n') ?? [];
    expect(title).toBe('🔔 7 непрочитанных уведомлений · стр. 1 из 2');
    expect(items).toHaveLength(5);
    for (const [i, item] of items.entries()) {
      expect(item).toMatch(new RegExp(`^${i + 1}\\. 🕑 \\d\\d\\.\\d\\d, \\d\\d:\\d\\d\\n\\S`));
    }
    expect(list?.text).toContain('🏁 Проживание в «');
    expect(labelsOf(list)).toEqual([
      '1 · Прочитано',
      '2 · Прочитано',
      '3 · Прочитано',
      '4 · Прочитано',
      '5 · Прочитано',
      '▶️',
      '✅ Отметить все прочитанными',
      '✖️ Закрыть',
    ]);
    expect(guest.keyboard()).toEqual(menuWith('🔔 Уведомления (7)'));

    await guest.send('прочитано');
    const [again] = await guest.replies();
    expect(again?.text).toContain('⚠️ Отмечайте уведомления кнопками под списком.');
  });

  it('pages in place and marks one read in place', async () => {
    const second = await tapInPlace(guest, '▶️');
    const [title, sixth, seventh] = second.text.split('\n\n');
    expect(title).toBe('🔔 7 непрочитанных уведомлений · стр. 2 из 2');
    expect(sixth).toMatch(
      /^6\. 🕑 .*\n❌ Бронь «Апартаменты у Медеу» \(20\.10\.2026 – 22\.10\.2026\) отменена\. Причина: Ремонт$/,
    );
    expect(seventh).toMatch(/^7\. 🕑 .*\n❌ Бронь «Студия у Байтерека»/);
    expect(labelsOf(second).slice(0, 2)).toEqual(['6 · Прочитано', '7 · Прочитано']);
    const read = await tapInPlace(guest, '7 · Прочитано');
    expect(read.text).toMatch(/^🔔 6 непрочитанных уведомлений · стр\. 2 из 2/);
    expect(labelsOf(read)[0]).toBe('6 · Прочитано');
    expect(labelsOf(read)).not.toContain('7 · Прочитано');
  });

  it('«Закрыть» shows the main menu with one less on the button', async () => {
    await guest.tap('✖️ Закрыть');
    const [menu] = await guest.replies();
    expect(menu?.text).toContain('Главное меню');
    expect(guest.keyboard()).toEqual(menuWith('🔔 Уведомления (6)'));
  });

  it('«Отметить все прочитанными» reads the rest: the count leaves the button', async () => {
    await guest.press('🔔 Уведомления (6)');
    await guest.replies();
    const read = await tapInPlace(guest, '1 · Прочитано');
    expect(read.text).toMatch(/^🔔 5 непрочитанных уведомлений\n/);
    await guest.tap('✅ Отметить все прочитанными');
    const [done] = await guest.replies();
    expect(done?.text).toContain('✅ 5 уведомлений отмечены прочитанными.');
    expect(guest.keyboard()).toEqual(menuWith('🔔 Уведомления'));
  });

  it('a button of the old list is answered as stale; the button then says nothing is unread', async () => {
    const seen = answers.length;
    await guest.tap('2 · Прочитано');
    expect((await nextCallbackAnswer(answers, seen)).text).toBe('Эта кнопка устарела.');
    await guest.press('🔔 Уведомления');
    const [empty] = await guest.replies();
    expect(empty?.text).toContain('🔔 Непрочитанных уведомлений нет.');
    expect(await bot.stop()).toBe(0);
    const unread = await withDatabase(dataDir, async (em) => {
      const user = await em.findOneOrFail(User, { email: 'guest1@demo.kz' });
      return em.count(Notification, { user, readAt: null });
    });
    expect(unread).toBe(0);
  });
});
