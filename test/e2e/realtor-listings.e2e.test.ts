import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/bot/parse/date-range.ts';
import { AvailabilityBlock, Listing, User } from '../../src/db/entities/index.ts';
import { addDays, almatyToday } from '../../src/domain/dates.ts';
import {
  type CallbackAnswer,
  linkThroughBot,
  nextCallbackAnswer,
  recordCallbackAnswers,
  removeDataDir,
  type SeenMessage,
  TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { labelsOf, seededDataDir, tapInPlace } from '../support/guest-e2e.ts';
import { makeBooking } from '../support/listings.fixtures.ts';
import { type RealtorChat, startRealtorChat } from '../support/realtor-e2e.ts';

/** The bot runs on the real clock: every date is placed relative to today in Almaty. */
const today = almatyToday(new Date());
const booked = { from: addDays(today, 35), to: addDays(today, 38) };
const blocked = { from: addDays(today, 70), to: addDays(today, 73) };
const elsewhen = { from: addDays(today, 80), to: addDays(today, 83) };
const typed = (range: { from: string; to: string }) => `${formatDate(range.from)}-${formatDate(range.to)}`;
const day = (date: string) => String(Number(date.slice(8)));
/** How many ▶ presses from this month's calendar to the month of `date`. */
const monthsAhead = (date: string) =>
  (Number(date.slice(0, 4)) - Number(today.slice(0, 4))) * 12 +
  Number(date.slice(5, 7)) -
  Number(today.slice(5, 7));

/** The newest message the bot sent `user` that has an inline button labelled `label`. */
const withButton = (user: TelegramUser, label: string) =>
  user.all().findLast((message) => labelsOf(message).includes(label));

/** Presses the calendar's ▶ until the month of `date` shows; returns the calendar message. */
async function calendarAt(user: TelegramUser, date: string): Promise<SeenMessage> {
  let calendar = withButton(user, '▶')!;
  for (let i = 0; i < monthsAhead(date); i++) calendar = await tapInPlace(user, '▶');
  return calendar;
}

/** Waits until the bot edits message `messageId` into a text that `match`es, and returns it. */
async function editedTo(user: TelegramUser, messageId: number, match: (text: string) => boolean) {
  const started = Date.now();
  for (;;) {
    const message = user.all().find((candidate) => candidate.messageId === messageId);
    if (message && match(message.text)) return message;
    if (Date.now() - started > 20_000)
      throw new Error(`message ${messageId} was not edited: ${message?.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A guest's whole search for one city and stay (1 guest, any price, no amenities):
 * the text of the screen it ends on (results, or nothing found).
 */
async function guestSearch(guest: TelegramUser, city: string, range: { from: string; to: string }) {
  await guest.send('🔍 Поиск');
  await guest.replies();
  await guest.send(city);
  await guest.replies(2);
  await guest.send(typed(range));
  await guest.replies();
  await guest.send('1');
  await guest.replies();
  await guest.send('100 000');
  await guest.replies();
  await guest.press('⏭ Пропустить');
  const shown = await guest.replies();
  return shown.map((message) => message.text).join('\n\n');
}

describe('«🏘 Мои объекты» and «Добавить блок» as a realtor would, over the Bot API emulator', () => {
  let dataDir: string;
  let chat: RealtorChat;
  let answers: CallbackAnswer[];
  let asel: TelegramUser;
  let aliya: TelegramUser;
  /** realtor1's newest listing: first on her list, with a guest booked ahead. */
  let listing: { id: number; title: string; city: string };
  let otherRealtorsListing: { id: number; title: string; published: boolean };
  let bookingId: number;
  let running = true;

  beforeAll(async () => {
    dataDir = await seededDataDir('realtor-listings');
    await withDatabase(dataDir, async (em) => {
      const realtor = await em.findOneOrFail(User, { email: 'realtor1@demo.kz' });
      const guest = await em.findOneOrFail(User, { email: 'guest1@demo.kz' });
      const [newest] = await em.find(
        Listing,
        { realtor },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 1 },
      );
      listing = { id: newest!.id, title: newest!.title, city: newest!.city };
      bookingId = (
        await makeBooking(em, { listing: newest!, guest, checkIn: booked.from, checkOut: booked.to })
      ).id;
      const other = await em.findOneOrFail(User, { email: 'realtor2@demo.kz' });
      const [theirs] = await em.find(Listing, { realtor: other }, { limit: 1 });
      otherRealtorsListing = { id: theirs!.id, title: theirs!.title, published: theirs!.published };
    });
    chat = await startRealtorChat(dataDir, 'realtor1@demo.kz', 'Асель');
    answers = recordCallbackAnswers(chat.emulator);
    asel = chat.realtor;
    aliya = new TelegramUser(chat.emulator, { firstName: 'Алия' });
    await linkThroughBot(aliya, dataDir, 'guest1@demo.kz');
  });

  afterAll(async () => {
    if (process.env.E2E_LOG) console.log(chat?.bot.output());
    if (running) await chat?.bot.stop();
    await chat?.emulator.stop();
    removeDataDir(dataDir);
  });

  it('lists her listings 5 a page with status, city, price and upcoming bookings; ◀️ ▶️ edit the list in place', async () => {
    await asel.press('🏘 Мои объекты');
    const [head, list] = await asel.replies(2);
    expect(head!.text).toContain('🏘 Мои объекты.');
    expect(asel.keyboard()).toEqual([['❌ Отмена']]);
    expect(list!.text).toMatch(/^🏘 9 объектов · стр\. 1 из 2/);
    expect(list!.text).toContain(`1. ${listing.title}\n🟢 опубликован · 📍 ${listing.city} · 💰 `);
    expect(list!.text).toMatch(/💰 [\d ]+ ₸ за ночь\n📅 1 предстоящая бронь/);
    expect(labelsOf(list)[0]).toBe(`1 · ${listing.title}`);
    expect(labelsOf(list).slice(1)).toEqual([
      expect.stringMatching(/^2 · /),
      expect.stringMatching(/^3 · /),
      expect.stringMatching(/^4 · /),
      expect.stringMatching(/^5 · /),
      '▶️',
    ]);

    const second = await tapInPlace(asel, '▶️');
    expect(second.text).toMatch(/^🏘 9 объектов · стр\. 2 из 2/);
    expect(second.text).toMatch(/^6\. /m);
    const first = await tapInPlace(asel, '◀️');
    expect(first.text).toContain(`1. ${listing.title}`);
  });

  it('opens a card with every field, the rating and the actions', async () => {
    const card = await tapInPlace(asel, `1 · ${listing.title}`);
    expect(card.text).toContain(
      `🏠 ${listing.title}\n🟢 Опубликован — гости видят его в поиске\n📍 ${listing.city}`,
    );
    expect(card.text).toMatch(/💰 [\d ]+ ₸ за ночь\n👥 до \d+ гост/);
    expect(card.text).toMatch(/⭐ (пока без отзывов|\d,\d \(\d+ отзыв)/);
    expect(card.text).toMatch(/✨ .+\n📅 Впереди 1 предстоящая бронь\n\n.+посуточной аренды/);
    expect(labelsOf(card)).toEqual(['Снять', 'Редактировать', 'Календарь', 'Добавить блок', '⬅️ К списку']);
  });

  it('«Снять» with a guest booked ahead asks first; «Нет» keeps it published, «Да, снять» hides it; «Активировать» publishes', async () => {
    const asked = await tapInPlace(asel, 'Снять');
    expect(asked.text).toContain(`У «${listing.title}» 1 предстоящая бронь. Брони останутся в силе`);
    const kept = await tapInPlace(asel, 'Нет');
    expect(kept.text).toContain('🟢 Опубликован');

    await tapInPlace(asel, 'Снять');
    const hidden = await tapInPlace(asel, 'Да, снять');
    expect(hidden.text).toMatch(/^⚪️ Объект снят с публикации\. Существующие брони остаются в силе\./);
    expect(hidden.text).toContain('⚪️ Скрыт — гости его не видят');
    expect(labelsOf(hidden)[0]).toBe('Активировать');

    const shown = await tapInPlace(asel, 'Активировать');
    expect(shown.text).toMatch(/^✅ Объект опубликован/);
    expect(labelsOf(shown)[0]).toBe('Снять');
  });

  it('edits the title and the price one field at a time; a bad value is explained and the step kept', async () => {
    await tapInPlace(asel, 'Редактировать');
    await asel.tap('🏷 Название');
    const [ask] = await asel.replies();
    expect(ask!.text).toContain(`Сейчас: «${listing.title}».`);
    expect(asel.keyboard()).toEqual([['⬅️ Назад', '❌ Отмена']]);
    await asel.send('Ок');
    const [short] = await asel.replies();
    expect(short!.text).toMatch(/^⚠️ Слишком короткое название/);
    expect(short!.text).toContain(`Сейчас: «${listing.title}».`);
    listing.title = 'Студия с видом на горы';
    await asel.send(listing.title);
    const [, saved] = await asel.replies(2);
    expect(saved!.text).toMatch(/^✅ Сохранено\.\n\n🏠 Студия с видом на горы\n/);

    await tapInPlace(asel, 'Редактировать');
    await asel.tap('💰 Цена');
    await asel.replies();
    await asel.send('пятнадцать тысяч');
    const [badPrice] = await asel.replies();
    expect(badPrice!.text).toMatch(/^⚠️ Цена — целое число тенге больше нуля/);
    await asel.send('15 000 ₸');
    const [, priced] = await asel.replies(2);
    expect(priced!.text).toContain('💰 15 000 ₸ за ночь');

    // A city of its own, so that a guest's search below finds this listing and no other.
    await tapInPlace(asel, 'Редактировать');
    await asel.tap('🏙 Город');
    await asel.replies();
    await asel.send('  боровое ');
    const [, moved] = await asel.replies(2);
    expect(moved!.text).toContain('📍 Боровое');
    listing.city = 'Боровое';
  });

  it('the calendar marks the booked days; a booked day shows that booking', async () => {
    await tapInPlace(asel, 'Календарь');
    const calendar = await calendarAt(asel, booked.from);
    expect(calendar.text).toContain(`📅 Календарь «${listing.title}»`);
    expect(labelsOf(calendar)).toContain(`🔴${day(booked.from)}`);
    const booking = await tapInPlace(asel, `🔴${day(booked.from)}`);
    expect(booking.text).toContain(`🧾 Бронь №${bookingId} · «${listing.title}»`);
    expect(booking.text).toContain('👤 Алия Серикова, +77010000021');
    expect(booking.text).toContain(
      `📅 ${formatDate(booked.from)} – ${formatDate(booked.to)} · 3 ночи · 👥 1`,
    );
    expect(booking.text).toMatch(/💰 [\d ]+ ₸/);
    expect(booking.text).toContain('✅ подтверждена');
    const back = await tapInPlace(asel, '⬅️ К календарю');
    expect(labelsOf(back)).toContain(`🔴${day(booked.from)}`);
  });

  it('blocks typed dates with a note: back on the card, blocked in the calendar, gone from search for those dates only', async () => {
    await asel.tap('Добавить блок');
    const [ask, calendar] = await asel.replies(2);
    expect(ask!.text).toMatch(/^🔒 Блокировка дат\.\n\n🔒 Закрыть даты «Студия с видом на горы»\./);
    expect(calendar!.text).toContain('Выберите первую закрываемую ночь');
    expect(asel.keyboard()).toEqual([['⬅️ Назад', '❌ Отмена']]);

    await asel.send('вчера');
    const [, unreadable] = await asel.replies(2);
    expect(unreadable!.text).toMatch(/^⚠️ Не понял даты\./);
    await asel.send(typed(blocked));
    const [note] = await asel.replies();
    expect(note!.text).toContain(
      `${formatDate(blocked.from)} – ${formatDate(addDays(blocked.to, -1))} (3 ночи)`,
    );
    await asel.send('Ремонт');
    const [summary] = await asel.replies();
    expect(summary!.text).toContain('📝 Ремонт');
    await asel.press('✅ Подтвердить');
    const [done, card] = await asel.replies(2);
    expect(done!.text).toMatch(/^✅ Даты закрыты: /);
    expect(card!.text).toContain(`🏠 ${listing.title}`);

    await tapInPlace(asel, 'Календарь');
    const month = await calendarAt(asel, blocked.from);
    expect(labelsOf(month)).toContain(`⛔${day(blocked.from)}`);
    expect(labelsOf(month)).toContain(`⛔${day(addDays(blocked.to, -1))}`);

    const during = await guestSearch(aliya, 'Боровое', blocked);
    expect(during).toContain('Ничего не нашлось');
    const after = await guestSearch(aliya, 'Боровое', elsewhen);
    expect(after).toContain(listing.title);
  });

  it('refuses a block over a booking, naming it, and stays at the dates', async () => {
    await asel.tap('Добавить блок');
    await asel.replies(2);
    await asel.send(typed({ from: addDays(booked.from, -1), to: addDays(booked.from, 1) }));
    await asel.replies();
    await asel.press('⏭ Пропустить');
    await asel.replies();
    await asel.press('✅ Подтвердить');
    const [ask, calendar] = await asel.replies(2);
    expect(ask!.text).toContain('🔒 Закрыть даты');
    expect(calendar!.text).toMatch(
      new RegExp(
        `^⚠️ Эти даты пересекаются с бронью №${bookingId}: Алия Серикова, ${formatDate(booked.from).replaceAll('.', '\\.')}`,
      ),
    );
    expect(labelsOf(calendar)).toContain(`🔴${day(booked.from)}`);
    await asel.press('⬅️ Назад');
    const [, card] = await asel.replies(2);
    expect(card!.text).toContain(`🏠 ${listing.title}`);
  });

  it('removes a block from the calendar after asking; the dates are found again', async () => {
    await tapInPlace(asel, 'Календарь');
    await calendarAt(asel, blocked.from);
    const asked = await tapInPlace(asel, `⛔${day(blocked.from)}`);
    expect(asked.text).toContain(
      `⛔ Блок: ${formatDate(blocked.from)} – ${formatDate(addDays(blocked.to, -1))} (3 ночи)`,
    );
    expect(asked.text).toContain('📝 Ремонт');
    const removed = await tapInPlace(asel, 'Да, снять блок');
    expect(removed.text).toMatch(/^✅ Блок снят/);
    expect(labelsOf(removed)).toContain(day(blocked.from));
    expect(labelsOf(removed)).not.toContain(`⛔${day(blocked.from)}`);

    expect(await guestSearch(aliya, 'Боровое', blocked)).toContain(listing.title);
  });

  it('refuses forged buttons with another realtor’s listing and changes nothing', async () => {
    await tapInPlace(asel, '⬅️ К объекту');
    const list = await tapInPlace(asel, '⬅️ К списку');
    // From the list: the domain does not show her someone else's listing.
    await asel.sendCallback(`listing:${otherRealtorsListing.id}`, list.messageId);
    const shown = await editedTo(asel, list.messageId, (text) => text.startsWith('⚠️'));
    expect(shown.text).toMatch(/^⚠️ Не найдено/);
    expect(shown.text).toContain(`1. ${listing.title}`);
    expect(shown.text).not.toContain(otherRealtorsListing.title);

    // From a card: its buttons act on that card's listing only.
    const card = await tapInPlace(asel, `1 · ${listing.title}`);
    for (const forged of ['unpublish', 'ledit', 'calendar', 'addblock']) {
      const seen = answers.length;
      await asel.sendCallback(`${forged}:${otherRealtorsListing.id}`, card.messageId);
      expect((await nextCallbackAnswer(answers, seen)).text).toBe('Эта кнопка устарела.');
    }

    running = false;
    await chat.bot.stop();
    await withDatabase(dataDir, async (em) => {
      const theirs = await em.findOneOrFail(Listing, otherRealtorsListing.id);
      expect([theirs.title, theirs.published]).toEqual([
        otherRealtorsListing.title,
        otherRealtorsListing.published,
      ]);
      const mine = await em.findOneOrFail(Listing, listing.id);
      expect([mine.title, mine.city, mine.pricePerNight, mine.published]).toEqual([
        'Студия с видом на горы',
        'Боровое',
        15_000,
        true,
      ]);
      expect(await em.count(AvailabilityBlock, { listing: listing.id })).toBe(0);
    });
  });
});
