import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Favorite, Listing, User } from '../../src/db/entities/index.ts';
import { type BotProcess, type TelegramServer, type TelegramUser, withDatabase } from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';
import { labelsOf, seededDataDir, seedPushesDone, startGuestChat, tapInPlace } from '../support/guest-e2e.ts';

/** guest1's main menu: the seed leaves them 5 unread notifications. */
const GUEST_MENU = [
  ['🔍 Поиск', '📦 Мои бронирования'],
  ['⭐ Избранное', '📝 Отзывы'],
  ['🔔 Уведомления (5)', '🌐 Язык'],
];

/**
 * «⭐ Избранное» over the emulator, as a seeded guest: six favourites are
 * added with the app's ORM before the bot starts; the guest pages, opens a
 * card, books, removes and closes, typing nonsense on the way.
 */
describe('favourites, as a guest over Telegram', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let guest: TelegramUser;
  /** The favourites' titles, the newest first. */
  let titles: string[];

  beforeAll(async () => {
    dataDir = await seededDataDir('favorites');
    titles = await withDatabase(dataDir, async (em) => {
      const user = await em.findOneOrFail(User, { email: 'guest1@demo.kz' });
      const listings = await em.find(Listing, {}, { orderBy: { id: 'asc' }, limit: 6, offset: 24 });
      listings.forEach((listing, i) => {
        em.create(Favorite, { user, listing, createdAt: new Date(Date.now() - (10 - i) * 60_000) });
      });
      await em.flush();
      await seedPushesDone(em);
      return listings.map((listing) => listing.title).reverse();
    });
    ({ emulator, bot, guest } = await startGuestChat(dataDir));
  });
  afterAll(() => stopBot({ bot, emulator, dataDir }));

  it('the menu button lists the newest five under the main menu; typed text keeps the list', async () => {
    await guest.press('⭐ Избранное');
    const [list] = await guest.replies();
    expect(list?.text).toContain('⭐ Избранное: 6 квартир · стр. 1 из 2');
    expect(list?.text).toContain(`1. ${titles[0]}\n`);
    expect(list?.text).toContain(`5. ${titles[4]}\n`);
    expect(labelsOf(list)).toEqual(
      expect.arrayContaining(['1 · Подробнее', '1 · Забронировать', '1 · Удалить из избранного', '▶️']),
    );
    expect(guest.keyboard()).toEqual(GUEST_MENU);

    await guest.send('покажи всё');
    const [again] = await guest.replies();
    expect(again?.text).toContain('⚠️ Выберите действие кнопками под сообщением.');
    expect(again?.text).toContain('⭐ Избранное: 6 квартир');
  });

  it('▶ and ◀ turn the page in place', async () => {
    const second = await tapInPlace(guest, '▶️');
    expect(second.text).toContain('стр. 2 из 2');
    expect(second.text).toContain(`6. ${titles[5]}\n`);
    const first = await tapInPlace(guest, '◀️');
    expect(first.text).toContain(`1. ${titles[0]}\n`);
    await tapInPlace(guest, '▶️');
  });

  it('«Подробнее» shows the card in place; «Удалить из избранного» removes it and shows the list', async () => {
    const card = await tapInPlace(guest, '6 · Подробнее');
    expect(card.text).toContain(`🏠 ${titles[5]}`);
    expect(card.text).toMatch(/💰 [\d ]+ ₸ \/ ночь\n👥 до \d+ гост/);
    expect(card.text).toContain('Удобства:');
    expect(labelsOf(card)).toEqual([
      '📅 Забронировать',
      '🗑 Удалить из избранного',
      '⬅️ К избранному',
      '✖️ Закрыть',
    ]);
    const list = await tapInPlace(guest, '🗑 Удалить из избранного');
    expect(list.text).toContain(`🗑 «${titles[5]}» удалена из избранного.`);
    expect(list.text).toContain('⭐ Избранное: 5 квартир');
    expect(list.text).not.toContain('стр.');
  });

  it('«Забронировать» hands over to booking, which asks for the dates; Cancel brings the menu back', async () => {
    await guest.tap('1 · Забронировать');
    const replies = await guest.replies();
    expect(replies.map((message) => message.text).join('\n')).toContain(`📅 Бронирование «${titles[0]}».`);
    expect(guest.keyboard()?.flat()).toContain('❌ Отмена');
    await guest.press('❌ Отмена');
    await guest.replies();
    expect(guest.keyboard()).toEqual(GUEST_MENU);
  });

  it('«Закрыть» ends the list with the main menu', async () => {
    await guest.press('⭐ Избранное');
    await guest.replies();
    await guest.tap('✖️ Закрыть');
    const [menu] = await guest.replies();
    expect(menu?.text).toContain('Главное меню');
    expect(guest.keyboard()).toEqual(GUEST_MENU);
  });

  it('removing the last one says the favourites are empty, and so does the button afterwards', async () => {
    await guest.press('⭐ Избранное');
    await guest.replies();
    for (let left = 5; left > 1; left--) {
      const list = await tapInPlace(guest, '1 · Удалить из избранного');
      expect(list.text).toContain(`⭐ Избранное: ${left - 1} квартир`);
    }
    await guest.tap('1 · Удалить из избранного');
    const [done] = await guest.replies();
    expect(done?.text).toContain(`🗑 «${titles[4]}» удалена из избранного. В избранном больше ничего нет.`);
    expect(guest.keyboard()).toEqual(GUEST_MENU);
    await guest.press('⭐ Избранное');
    const [empty] = await guest.replies();
    expect(empty?.text).toContain('⭐ В избранном пока пусто.');
  });
});
