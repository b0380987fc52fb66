import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOWS } from '../../src/bot/flows.ts';
import { formatDate } from '../../src/bot/parse/date-range.ts';
import { Listing, User } from '../../src/db/entities/index.ts';
import { addDays, almatyToday } from '../../src/domain/dates.ts';
import {
  type BotProcess,
  type CallbackAnswer,
  linkThroughBot,
  nextCallbackAnswer,
  recordCallbackAnswers,
  type SeenMessage,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';
import { seededDataDir } from '../support/guest-e2e.ts';
import { makeBooking } from '../support/listings.fixtures.ts';

const GUEST_MENU = [
  ['🔍 Поиск', '📦 Мои бронирования'],
  ['⭐ Избранное', '📝 Отзывы'],
];
const CONFIRM_KEYBOARD = [['✅ Подтвердить'], ['⬅️ Назад', '❌ Отмена']];

/** The bot's clock is the real one: stays are placed relative to today in Almaty. */
const today = almatyToday(new Date());
const stay = { checkIn: addDays(today, 150), checkOut: addDays(today, 153) };
const typed = (from: string, to: string) => `${formatDate(from)}-${formatDate(to)}`;

/** Waits until `user` has a message (new or edited in place) that `match`es; reads the new ones. */
async function seen(user: TelegramUser, match: (message: SeenMessage) => boolean, timeoutMs = 20_000) {
  const started = Date.now();
  for (;;) {
    const found = [...user.all()].reverse().find(match);
    if (found) {
      await user.replies(0);
      return found;
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`no such message: ${JSON.stringify(user.all().slice(-3))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The id of the newest message the bot sent `user`. */
const lastId = (user: TelegramUser) => user.all().at(-1)?.messageId ?? 0;

/** The newest message with an inline button whose callback data `match`es, and that button. */
function button(user: TelegramUser, match: (data: string, text: string) => boolean) {
  for (const message of [...user.all()].reverse()) {
    const found = message.inline?.flat().find((candidate) => match(candidate.data, candidate.text));
    if (found) return { messageId: message.messageId, ...found };
  }
  throw new Error('no such inline button');
}

/** Presses an inline button of a given message by its label, and waits for that message to change. */
async function pressIn(user: TelegramUser, messageId: number, label: string): Promise<SeenMessage> {
  const message = user.all().find((candidate) => candidate.messageId === messageId)!;
  const target = message.inline?.flat().find((candidate) => candidate.text === label);
  if (!target) throw new Error(`no "${label}" in ${JSON.stringify(message)}`);
  await user.sendCallback(target.data, messageId);
  return seen(user, (candidate) => candidate.messageId === messageId && candidate.text !== message.text);
}

/** Searches Алматы through the search flow's steps: with the stay for one guest, or with neither. */
async function searchAlmaty(user: TelegramUser, dates: string | null) {
  await user.send('🔍 Поиск');
  await user.replies();
  await user.send('Алматы');
  await user.replies(2);
  if (dates) await user.send(dates);
  else await user.press('⏭ Пропустить');
  await user.replies();
  if (dates) await user.send('1');
  else await user.press('⏭ Пропустить');
  await user.replies();
  await user.send('100 000');
  await user.replies();
  await user.press('⏭ Пропустить');
  await user.replies(2);
}

/** Presses «Забронировать» of the first result: the id of its listing. */
async function bookFirstResult(user: TelegramUser): Promise<number> {
  const book = button(user, (data) => data.startsWith('book:'));
  await user.sendCallback(book.data, book.messageId);
  return Number(book.data.split(':')[1]);
}

describe('booking, paying and «📦 Мои бронирования» as guests would', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let answers: CallbackAnswer[];
  let aliya: TelegramUser;
  let daniyar: TelegramUser;
  let listingTitle: string;
  let laterTitle: string;

  beforeAll(async () => {
    dataDir = await seededDataDir('booking');
    // Enough upcoming stays for a second page, and a finished one without a review.
    await withDatabase(dataDir, async (em) => {
      const guest = await em.findOneOrFail(User, { email: 'guest1@demo.kz' });
      const [later, stayed] = await em.find(
        Listing,
        { city: 'Шымкент' },
        { orderBy: { id: 'asc' }, limit: 2 },
      );
      laterTitle = later!.title;
      for (let i = 0; i < 5; i++) {
        const checkIn = addDays(today, 200 + i * 3);
        await makeBooking(em, { listing: later!, guest, checkIn, checkOut: addDays(checkIn, 2) });
      }
      const checkIn = addDays(today, -70);
      await makeBooking(em, {
        listing: stayed!,
        guest,
        checkIn,
        checkOut: addDays(checkIn, 2),
        status: 'completed',
      });
      // The demo data's notifications are old news: without this the guests' chats would get
      // them pushed, one a second, in the middle of the conversations below.
      await em.execute(`update notification set pushed_at = now()`);
      await em.execute(`delete from pgboss.job where name = 'notification.push'`);
    });
    emulator = await startEmulator();
    answers = recordCallbackAnswers(emulator);
    bot = await startBot(emulator, { dataDir });
    aliya = new TelegramUser(emulator, { firstName: 'Алия' });
    daniyar = new TelegramUser(emulator, { firstName: 'Данияр' });
    await linkThroughBot(aliya, dataDir, 'guest1@demo.kz');
    await linkThroughBot(daniyar, dataDir, 'guest2@demo.kz');
  });

  afterAll(() => stopBot({ bot, emulator, dataDir }));

  it('books from the search results: a summary of listing, dates, guests, nights and total to confirm', async () => {
    await searchAlmaty(aliya, typed(stay.checkIn, stay.checkOut));
    await bookFirstResult(aliya);
    const [summary] = await aliya.replies();
    // The search's line about going on to the booking may come first.
    expect(summary!.text).toMatch(/Проверьте бронь:\n\n🏠 «.+», Алматы\n/);
    expect(summary!.text).toContain(`📅 ${formatDate(stay.checkIn)} – ${formatDate(stay.checkOut)}`);
    expect(summary!.text).toContain('👥 1 гость');
    expect(summary!.text).toMatch(/💰 [\d ]+ ₸ × 3 ночи = [\d ]+ ₸/);
    listingTitle = /«(.+)»/.exec(summary!.text)![1]!;
    expect(aliya.keyboard()).toEqual(CONFIRM_KEYBOARD);

    await aliya.send('ага, всё верно');
    const [again] = await aliya.replies();
    expect(again!.text).toContain('⚠️ Выберите действие кнопками ниже.');
    expect(aliya.keyboard()).toEqual(CONFIRM_KEYBOARD);
  });

  it('the same dates confirmed by a second guest a moment later: a clear message and the results again', async () => {
    await searchAlmaty(daniyar, typed(stay.checkIn, stay.checkOut));
    await bookFirstResult(daniyar);
    const [summary] = await daniyar.replies();
    expect(summary!.text).toContain(`«${listingTitle}»`);

    await aliya.press('✅ Подтвердить');
    const [created, hint] = await aliya.replies(2);
    expect(created!.text).toMatch(/^🆕 Бронь №\d+ создана и ждёт оплаты\./);
    expect(created!.inline).toEqual([
      [{ text: '💳 Оплатить (демо)', data: expect.stringMatching(/^pay:\d+$/) }],
    ]);
    expect(hint!.text).toContain('бронь останется');
    expect(aliya.keyboard()).toEqual([['❌ Отмена']]);

    await daniyar.press('✅ Подтвердить');
    const [lost] = await daniyar.replies();
    expect(lost!.text.startsWith('😔 Пока вы оформляли бронь, эти даты заняли.')).toBe(true);
  });

  it('pays: confirmed, the guest is told and lands in «Мои бронирования»; a second Pay pays nothing', async () => {
    await aliya.send('оплатил?');
    expect((await aliya.replies())[0]!.text).toContain('нажмите «💳 Оплатить (демо)»');

    const pay = button(aliya, (data) => data.startsWith('pay:'));
    const before = lastId(aliya);
    await aliya.sendCallback(pay.data, pay.messageId);
    const header = await seen(aliya, (m) => m.messageId > before && m.text.includes('✅ Оплачено'));
    expect(header.text).toContain(`✅ Оплачено, бронь подтверждена: «${listingTitle}»`);
    expect(header.keyboard?.slice(0, 2)).toEqual(GUEST_MENU);
    const list = await seen(aliya, (m) => m.messageId > header.messageId && m.text.includes('🗓 Предстоящие'));
    expect(list.text).toContain(`«${listingTitle}», Алматы`);
    // The demo payment also reaches the guest as a notification.
    await seen(
      aliya,
      (m) =>
        m.messageId > before && m.text.includes(`Бронь «${listingTitle}»`) && m.text.includes('оплачена'),
    );

    await aliya.sendCallback(pay.data, pay.messageId);
    const repeated = await seen(
      aliya,
      (message) => message.messageId === pay.messageId && message.text.startsWith('Эта бронь уже оплачена.'),
    );
    expect(repeated.text).toContain(`«${listingTitle}», Алматы`);
  });

  it('cancels a booking only after «Да, отменить»; «Нет» keeps it', async () => {
    await aliya.press('📦 Мои бронирования');
    const [, list] = await aliya.replies(2);
    const dates = `${formatDate(stay.checkIn)} – ${formatDate(stay.checkOut)}`;
    const row = list!.text.split('\n\n').find((part) => part.includes(dates))!;
    const index = Number(row.split('.')[0]);
    const asked = await pressIn(aliya, list!.messageId, `${index} · ❌ Отменить`);
    expect(asked.text).toContain(`Отменить бронь «${listingTitle}» (${formatDate(stay.checkIn)}`);
    const kept = await pressIn(aliya, list!.messageId, 'Нет');
    expect(kept.text).toContain(`«${listingTitle}»`);

    await pressIn(aliya, list!.messageId, `${index} · ❌ Отменить`);
    const cancelled = await pressIn(aliya, list!.messageId, 'Да, отменить');
    expect(cancelled.text.startsWith('Бронь отменена. Риелтор получил уведомление.')).toBe(true);
    expect(cancelled.text).not.toContain(dates);
  });

  it('pages with ◀️ ▶️ and switches to the past, editing the one message in place', async () => {
    await aliya.press('📦 Мои бронирования');
    const [, list] = await aliya.replies(2);
    expect(list!.text).toMatch(/🗓 Предстоящие: \d+ брон(ь|и|ей) · стр\. 1 из 2/);
    const second = await pressIn(aliya, list!.messageId, '▶️');
    expect(second.text).toContain('стр. 2 из 2');
    expect(second.text).toContain(`«${laterTitle}»`);
    const first = await pressIn(aliya, list!.messageId, '◀️');
    expect(first.text).toContain('стр. 1 из 2');
    const past = await pressIn(aliya, list!.messageId, '🕘 Прошедшие');
    expect(past.text).toMatch(/^🕘 Прошедшие: /);
    expect(past.inline?.flat().some((candidate) => candidate.text.endsWith('⭐ Оставить отзыв'))).toBe(true);
    expect(await aliya.replies(0)).toEqual([]);

    await aliya.send('привет');
    const [unknown] = await aliya.replies();
    expect(unknown!.text).toContain('Не понял вас');
    expect(unknown!.text).toContain('🕘 Прошедшие: ');
  });

  it('a Cancel pressed on an older list after the booking was cancelled from a newer one says so', async () => {
    await aliya.press('📦 Мои бронирования');
    const [, older] = await aliya.replies(2);
    const target = button(aliya, (data, text) => data.startsWith('bcancel:') && text.startsWith('1 ·'));
    await aliya.press('📦 Мои бронирования');
    const [, newer] = await aliya.replies(2);
    await pressIn(aliya, newer!.messageId, '1 · ❌ Отменить');
    await pressIn(aliya, newer!.messageId, 'Да, отменить');

    await aliya.sendCallback(target.data, older!.messageId);
    await seen(
      aliya,
      (message) => message.messageId === older!.messageId && message.text.startsWith('Отменить бронь'),
    );
    const stale = await pressIn(aliya, older!.messageId, 'Да, отменить');
    expect(stale.text.startsWith('⚠️ Бронь уже изменилась (например, её отменили)')).toBe(true);

    // A button of a flow that is over gets the short "expired" answer.
    const seenAnswers = answers.length;
    await aliya.press('⭐ Избранное');
    await aliya.replies();
    await aliya.sendCallback(target.data, older!.messageId);
    expect((await nextCallbackAnswer(answers, seenAnswers)).text).toBe('Эта кнопка устарела.');
  });

  it.skipIf(!FLOWS.review)('«Оставить отзыв» hands the completed stay over to the review flow', async () => {
    await aliya.press('📦 Мои бронирования');
    const [, list] = await aliya.replies(2);
    await pressIn(aliya, list!.messageId, '🕘 Прошедшие');
    const review = button(aliya, (data) => data.startsWith('review:'));
    await aliya.sendCallback(review.data, review.messageId);
    await seen(aliya, (message) => message.text.includes('Оцените'));
  });

  it('books without dates: the calendar or typed dates, guests; typed garbage keeps every step', async () => {
    await searchAlmaty(aliya, null);
    await bookFirstResult(aliya);
    const [step, calendar] = await aliya.replies(2);
    expect(step!.text).toContain('Выберите даты в календаре ниже или напишите их');
    expect(aliya.keyboard()).toEqual([['⬅️ Назад', '❌ Отмена']]);
    expect(calendar!.text).toBe('Выберите день заезда:');

    await aliya.send('завтра');
    const [, warned] = await aliya.replies(2);
    expect(warned!.text).toContain('⚠️ Не понял даты.');

    // Calendar presses may edit the calendar in place or send the step anew: either is read here.
    const next = button(aliya, (data, text) => data.startsWith('month:') && text === '▶');
    const monthId = next.data.split(':')[1]!;
    await aliya.sendCallback(next.data, next.messageId);
    const month = await seen(
      aliya,
      (m) => m.inline?.flat().some((b) => b.data === `day:${monthId}01`) ?? false,
    );
    await aliya.sendCallback(`day:${monthId}10`, month.messageId);
    await seen(aliya, (m) => m.text.includes(`Заезд: 10.${monthId.slice(4)}.${monthId.slice(0, 4)}`));
    const checkOut = button(aliya, (data) => data === `day:${monthId}12`);
    await aliya.sendCallback(checkOut.data, checkOut.messageId);
    const guests = await seen(aliya, (m) => m.text.includes('Сколько будет гостей?'));
    expect(guests.text).toContain('2 ночи');

    await aliya.send('много');
    expect((await aliya.replies())[0]!.text).toContain('⚠️ Напишите число гостей цифрами');
    await aliya.send('99');
    expect((await aliya.replies())[0]!.text).toMatch(/⚠️ Здесь можно разместить не больше \d+ гост/);
    await aliya.send('1');
    expect((await aliya.replies())[0]!.text).toContain('Проверьте бронь');

    await aliya.press('⬅️ Назад');
    await aliya.replies();
    await aliya.press('⬅️ Назад');
    await aliya.replies(2);
    await aliya.press('⬅️ Назад');
    const [back] = await aliya.replies();
    expect(back!.text.startsWith('Бронь не оформлена.')).toBe(true);
  });
});
