import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatStay } from '../../src/bot/parse/date-range.ts';
import { Favorite, Listing, Notification, User } from '../../src/db/entities/index.ts';
import { addDays, almatyToday } from '../../src/domain/dates.ts';
import { makeBooking } from '../support/bookings.fixtures.ts';
import { type BotProcess, type TelegramServer, type TelegramUser, withDatabase } from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';
import { labelsOf, seededDataDir, seedPushesDone, startGuestChat, tapInPlace } from '../support/guest-e2e.ts';

interface Stay {
  listingId: number;
  title: string;
  realtorId: number;
  /** The stay's button in the list: «title, dd.mm.yyyy – dd.mm.yyyy». */
  button: string;
}

/**
 * «📝 Отзывы» over the emulator, as a seeded guest with two completed stays
 * not reviewed yet (written with the app's ORM before the bot starts): one is
 * reviewed from the list, the other from its booking's button.
 */
describe('reviews after a completed stay, as a guest over Telegram', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let guest: TelegramUser;
  let older: Stay;
  let recent: Stay;

  beforeAll(async () => {
    dataDir = await seededDataDir('reviews');
    const today = almatyToday(new Date());
    [older, recent] = await withDatabase(dataDir, async (em) => {
      const user = await em.findOneOrFail(User, { email: 'guest1@demo.kz' });
      // Listings the seed left without bookings or reviews.
      const listings = await em.find(
        Listing,
        {},
        { orderBy: { id: 'asc' }, limit: 2, offset: 29, populate: ['realtor'] },
      );
      const stays: Stay[] = [];
      for (const [i, listing] of listings.entries()) {
        const checkIn = addDays(today, -20 + i * 5);
        const checkOut = addDays(checkIn, 2);
        await makeBooking(em, listing, user, { checkIn, checkOut, status: 'completed' });
        stays.push({
          listingId: listing.id,
          title: listing.title,
          realtorId: listing.realtor.id,
          button: `${listing.title}, ${formatStay(checkIn, checkOut)}`,
        });
      }
      // In the favourites, so the list shows the listing's rating.
      em.create(Favorite, { user, listing: listings[0]! });
      await em.flush();
      await seedPushesDone(em);
      return stays as [Stay, Stay];
    });
    ({ emulator, bot, guest } = await startGuestChat(dataDir));
  });
  afterAll(() => stopBot({ bot, emulator, dataDir }));

  it('the menu button lists both stays, the most recent first; typed text keeps the step', async () => {
    await guest.press('📝 Отзывы');
    const [intro, list] = await guest.replies(2);
    expect(intro?.text).toBe('📝 Отзывы. Оцените завершённое проживание или посмотрите свои отзывы.');
    expect(guest.keyboard()).toEqual([['❌ Отмена']]);
    expect(labelsOf(list)).toEqual([recent.button, older.button, '📋 Мои отзывы']);
    await guest.send('хочу оставить отзыв');
    const again = await guest.replies(2);
    expect(again[0]?.text).toContain('⚠️ Выберите проживание кнопкой под списком.');
  });

  it('stars as buttons, then the text, then the preview; nonsense keeps each step', async () => {
    await guest.tap(older.button);
    const [ask] = await guest.replies(2);
    expect(ask?.text).toContain(`Проживание «${older.title}»`);
    expect(guest.keyboard()).toEqual([['⬅️ Назад', '❌ Отмена']]);
    await guest.send('отлично');
    expect((await guest.replies(2))[0]?.text).toContain('⚠️ Оценка — число от 1 до 5.');

    await guest.tap('5 ⭐');
    const [text] = await guest.replies();
    expect(text?.text).toContain('Напишите пару слов о проживании');
    expect(guest.keyboard()).toEqual([['⏭ Пропустить'], ['⬅️ Назад', '❌ Отмена']]);
    await guest.send('о'.repeat(2001));
    expect((await guest.replies())[0]?.text).toContain('⚠️ Слишком длинный отзыв');
    await guest.send('Прекрасная квартира, всё чисто.');
    const [preview] = await guest.replies();
    expect(preview?.text).toContain(`«${older.title}»\n★★★★★\nПрекрасная квартира, всё чисто.`);
    expect(guest.keyboard()).toEqual([['✅ Опубликовать'], ['✏️ Изменить', '❌ Отмена']]);
    await guest.send('да');
    expect((await guest.replies())[0]?.text).toContain('⚠️ Нажмите «Опубликовать», «Изменить» или «Отмена».');
  });

  it('«Изменить» goes back to the stars, keeping the text; «Опубликовать» publishes', async () => {
    await guest.press('✏️ Изменить');
    const [ask] = await guest.replies(2);
    expect(ask?.text).toContain('Сейчас: ★★★★★');
    await guest.tap('4 ⭐');
    const [text] = await guest.replies();
    expect(text?.text).toContain('Сейчас: «Прекрасная квартира, всё чисто.»');
    await guest.press('✅ Оставить текст');
    const [preview] = await guest.replies();
    expect(preview?.text).toContain('★★★★☆\nПрекрасная квартира, всё чисто.');
    await guest.press('✅ Опубликовать');
    const [done] = await guest.replies();
    expect(done?.text).toContain(`Спасибо! Ваш отзыв о «${older.title}» опубликован: ★★★★☆.`);
    expect(done?.text).toContain('Главное меню');
  });

  it('the listing’s rating counts the review', async () => {
    await guest.press('⭐ Избранное');
    const [list] = await guest.replies();
    expect(list?.text).toContain(`1. ${older.title}\n`);
    expect(list?.text).toContain('★ 4 (1 отзыв)');
    await guest.tap('✖️ Закрыть');
    await guest.replies();
  });

  it('the other stay is reviewed straight from its booking’s «Оставить отзыв» button', async () => {
    await guest.press('📦 Мои бронирования');
    await guest.replies();
    await tapInPlace(guest, '🕘 Прошедшие');
    const bookings = guest.all().at(-1);
    const review = labelsOf(bookings).find((label) => label.endsWith('⭐ Оставить отзыв'));
    expect(review).toBeDefined();
    await guest.tap(review!);
    const [ask] = await guest.replies(2);
    expect(ask?.text).toContain(`Проживание «${recent.title}»`);
    await guest.send('3');
    await guest.replies();
    await guest.press('⏭ Пропустить');
    const [preview] = await guest.replies();
    expect(preview?.text).toContain('★★★☆☆\nБез текста.');
    await guest.press('✅ Опубликовать');
    const [done] = await guest.replies();
    expect(done?.text).toContain(`Спасибо! Ваш отзыв о «${recent.title}» опубликован: ★★★☆☆.`);
  });

  it('nothing is left to review, and «Мои отзывы» lists the new reviews with the seeded ones', async () => {
    await guest.press('📝 Отзывы');
    const [, list] = await guest.replies(2);
    expect(list?.text).toBe('Завершённых проживаний без отзыва нет.');
    await guest.tap('📋 Мои отзывы');
    const [mine] = await guest.replies();
    // guest1 reviewed two stays in the seed.
    expect(mine?.text).toContain('📋 Ваши отзывы: 4');
    expect(mine?.text).toContain(`1. «${recent.title}» ★★★☆☆\nбез текста`);
    expect(mine?.text).toContain(`2. «${older.title}» ★★★★☆\nПрекрасная квартира, всё чисто.`);
    await guest.press('⬅️ Назад');
    await guest.replies(2);
    await guest.press('❌ Отмена');
    const [menu] = await guest.replies();
    expect(menu?.text).toContain('Действие отменено.');
  });

  it('the realtors were notified and the ratings stored (checked in the database once the bot stopped)', async () => {
    await bot.stop();
    const stored = await withDatabase(dataDir, async (em) => ({
      ratings: (
        await em.find(
          Listing,
          { id: { $in: [older.listingId, recent.listingId] } },
          { orderBy: { id: 'asc' } },
        )
      ).map((listing) => [Number(listing.ratingAvg), listing.ratingCount]),
      notified: await Promise.all(
        [older, recent].map((stay) =>
          em.count(Notification, {
            user: stay.realtorId,
            kind: 'review_created',
            data: { listingId: stay.listingId },
          }),
        ),
      ),
    }));
    expect(stored).toEqual({
      ratings: [
        [4, 1],
        [3, 1],
      ],
      notified: [1, 1],
    });
  });
});
