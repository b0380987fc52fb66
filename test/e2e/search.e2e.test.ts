import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOWS } from '../../src/bot/flows.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { formatDate } from '../../src/bot/parse/date-range.ts';
import { formatTenge } from '../../src/bot/parse/money.ts';
import { dayId } from '../../src/bot/views/calendar-keyboard.ts';
import { addDays, almatyToday } from '../../src/domain/dates.ts';
import {
  type BotProcess,
  type SeenMessage,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';
import { seededDataDir } from '../support/guest-e2e.ts';

const t = messagesFor('ru');
const s = t.search;
const NOT_UNDERSTOOD = 'Не понял вас.';

interface SeededListing {
  id: number;
  title: string;
  city: string;
  price: number;
  maxGuests: number;
  amenities: string[];
  ratingAvg: number;
  ratingCount: number;
}

/** What one inline press led to: the pressed message edited in place, or new messages. */
interface Pressed {
  edited: boolean;
  messages: SeenMessage[];
}

const quiet = () => new Promise((resolve) => setTimeout(resolve, 300));

/**
 * Presses the inline button with `label` (or callback data `data`) on the
 * newest message that has it, and waits for the bot's answer: an edit of that
 * message, or new messages.
 */
async function press(user: TelegramUser, button: { label?: string; data?: string }): Promise<Pressed> {
  const matches = (b: { text: string; data: string }) =>
    button.label !== undefined ? b.text === button.label : b.data === button.data;
  const message = [...user.all()].reverse().find((m) => m.inline?.flat().some(matches));
  const found = message?.inline?.flat().find(matches);
  if (!message || !found) throw new Error(`no inline button ${JSON.stringify(button)}`);
  const before = JSON.stringify(message);
  const count = user.all().length;
  await user.sendCallback(found.data, message.messageId);
  const started = Date.now();
  for (;;) {
    if (user.all().length > count) return { edited: false, messages: await user.replies() };
    const now = user.all().find((m) => m.messageId === message.messageId);
    if (now && JSON.stringify(now) !== before) {
      await quiet();
      if (user.all().length > count) return { edited: false, messages: await user.replies() };
      return { edited: true, messages: [user.all().find((m) => m.messageId === message.messageId)!] };
    }
    if (Date.now() - started > 20_000) throw new Error(`no answer to ${JSON.stringify(button)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The newest message with inline buttons (the calendar, the list, the card, the toggles). */
const inlineMessage = (user: TelegramUser) => [...user.all()].reverse().find((m) => m.inline)!;
const labels = (message: SeenMessage | undefined) => message?.inline?.flat().map((b) => b.text) ?? [];

describe('🔍 Поиск over the Bot API emulator, on the demo data', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let listings: SeededListing[];
  /** Whether each inline press that should change only its own message did so. */
  const inPlace: { what: string; edited: boolean }[] = [];
  const today = almatyToday(new Date());
  // Far enough ahead that no demo booking or block is in the way.
  const checkIn = addDays(today, 60);
  const checkOut = addDays(today, 63);

  beforeAll(async () => {
    dataDir = await seededDataDir('search');
    listings = await withDatabase(dataDir, async (em) => {
      const rows = await em.execute<
        {
          id: number;
          title: string;
          city: string;
          price_per_night: number;
          max_guests: number;
          amenities: string[];
          rating_avg: string;
          rating_count: number;
        }[]
      >('select * from listing where published order by price_per_night, id');
      const busy = await em.execute<{ n: number }[]>(
        `select count(*)::int as n from booking where check_out > ? and status in ('pending', 'confirmed')`,
        [addDays(today, 50)],
      );
      expect(busy[0]?.n).toBe(0);
      return rows.map((row) => ({
        id: row.id,
        title: row.title,
        city: row.city,
        price: row.price_per_night,
        maxGuests: row.max_guests,
        amenities: row.amenities,
        ratingAvg: Number(row.rating_avg),
        ratingCount: row.rating_count,
      }));
    });
    expect(listings).toHaveLength(36);
    emulator = await startEmulator();
    bot = await startBot(emulator, { dataDir });
  }, 120_000);

  afterAll(() => stopBot({ bot, emulator, dataDir }));

  async function openSearch(user: TelegramUser): Promise<void> {
    await user.send('/start');
    await user.replies();
    await user.press(t.menu.search);
    const [ask] = await user.replies();
    expect(ask?.text).toBe(s.askCity);
  }

  /** Pages the calendar forward to the month of `date` and presses that day. */
  async function pickDay(user: TelegramUser, date: string): Promise<Pressed> {
    for (let i = 0; i < 4; i++) {
      const calendar = inlineMessage(user);
      if (calendar.inline?.flat().some((b) => b.data === `day:${dayId(date)}`)) break;
      const next = calendar.inline![0]![2]!;
      const paged = await press(user, { data: next.data });
      inPlace.push({ what: 'calendar ▶', edited: paged.edited });
      expect(next.data).toMatch(/^month:\d{6}$/);
    }
    return press(user, { data: `day:${dayId(date)}` });
  }

  it('searches with buttons and the calendar; typed garbage at every step gets a helpful answer and the step stays', async () => {
    const user = new TelegramUser(emulator, { firstName: 'Мурат' });
    await openSearch(user);
    expect(user.keyboard()).toEqual([['Алматы', 'Астана', 'Шымкент'], [t.buttons.skip], [t.buttons.cancel]]);

    await user.send('Париж');
    const [unknown] = await user.replies();
    expect(unknown?.text).toContain(s.unknownCity('Алматы, Астана, Шымкент'));
    expect(unknown?.text).toContain(s.askCity);

    await user.press('Алматы');
    const [datesStep, calendar] = await user.replies(2);
    expect(datesStep?.text).toBe(s.askDates);
    expect(calendar?.text).toBe(s.pickCheckIn);
    // Days before today are not selectable.
    if (today.slice(8) !== '01') expect(labels(calendar)).toContain('·');
    expect(calendar?.inline?.flat().some((b) => b.data === `day:${dayId(addDays(today, -1))}`)).toBe(false);

    await user.send('завтра');
    const [, again] = await user.replies(2);
    expect(again?.text).toContain(s.datesFormat);

    const first = await pickDay(user, checkIn);
    inPlace.push({ what: 'calendar check-in', edited: first.edited });
    expect(first.messages.at(-1)?.text).toContain(s.pickCheckOut(formatDate(checkIn)));
    const second = await pickDay(user, checkOut);
    expect(second.messages[0]?.text).toBe(s.askGuests);

    await user.send('много');
    expect((await user.replies())[0]?.text).toContain(s.badGuests);
    await user.press('2');
    expect((await user.replies())[0]?.text).toBe(s.askPrice);

    await user.send('дорого');
    expect((await user.replies())[0]?.text).toContain(s.badPrice);
    await user.press('до 15 000 ₸');
    const [amenitiesStep, toggles] = await user.replies(2);
    expect(amenitiesStep?.text).toBe(s.askAmenities);
    expect(labels(toggles)).toContain('Wi-Fi');

    await user.send('wifi');
    const [confused] = await user.replies(2);
    expect(confused?.text).toContain(NOT_UNDERSTOOD);

    const ticked = await press(user, { label: 'Wi-Fi' });
    inPlace.push({ what: 'amenity toggle', edited: ticked.edited });
    expect(labels(ticked.messages.at(-1))).toContain('✅ Wi-Fi');
    const [summary, list] = (await press(user, { label: s.done })).messages;

    const expected = listings.filter(
      (l) => l.city === 'Алматы' && l.price <= 15_000 && l.maxGuests >= 2 && l.amenities.includes('wifi'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(summary?.text).toContain('🏙 Алматы');
    expect(summary?.text).toContain(`📅 ${formatDate(checkIn)} – ${formatDate(checkOut)} (3 ночи)`);
    expect(summary?.text).toContain('👥 2 гостя');
    expect(summary?.text).toContain('💰 до 15 000 ₸ за ночь');
    expect(summary?.text).toContain('✨ Wi-Fi');
    expect(user.keyboard()).toEqual([[s.changeFilters], [t.buttons.cancel]]);
    expect(list?.text).toContain(s.found(expected.length, 1, 1));
    for (const [index, listing] of expected.entries()) {
      expect(list?.text).toContain(`${index + 1}. ${listing.title}\n📍 Алматы\n`);
      expect(list?.text).toContain(
        `💰 ${formatTenge(listing.price)} за ночь · ${formatTenge(listing.price * 3)} за 3 ночи`,
      );
    }
    expect(labels(list)).toContain('1 · Подробнее');
    expect(labels(list)).toContain('1 · Забронировать');
    expect(labels(list)).toContain('1 · В избранное');

    await user.send('привет');
    const [stays] = await user.replies(2);
    expect(stays?.text).toContain(NOT_UNDERSTOOD);
    expect(stays?.text).toContain(s.summaryTitle);
  }, 120_000);

  it('takes typed city, dates, guests and price; pages the results; opens a card and goes back', async () => {
    const user = new TelegramUser(emulator, { firstName: 'Дана' });
    await openSearch(user);
    await user.send('астана');
    await user.replies(2);
    await user.send(`${formatDate(checkIn).slice(0, 5)}–${formatDate(checkOut).slice(0, 5)}`);
    expect((await user.replies())[0]?.text).toBe(s.askGuests);
    await user.send('1');
    await user.replies();
    await user.send('30000');
    await user.replies(2);
    await user.press(t.buttons.skip);
    const [summary, list] = await user.replies(2);

    const expected = listings.filter((l) => l.city === 'Астана' && l.price <= 30_000);
    expect(expected.length).toBeGreaterThan(5);
    expect(summary?.text).toContain('💰 до 30 000 ₸ за ночь');
    expect(summary?.text).toContain('👥 1 гость');
    expect(list?.text).toContain(s.found(expected.length, 1, 2));
    expect(list?.text).toContain(`1. ${expected[0]!.title}`);

    const paged = await press(user, { label: '▶' });
    inPlace.push({ what: 'results ▶', edited: paged.edited });
    const second = paged.messages.at(-1);
    expect(second?.text).toContain(s.found(expected.length, 2, 2));
    expect(second?.text).toContain(`6. ${expected[5]!.title}`);
    expect(labels(second)).toContain('6 · Подробнее');
    const back = await press(user, { label: '◀' });
    inPlace.push({ what: 'results ◀', edited: back.edited });
    expect(back.messages.at(-1)?.text).toContain(s.found(expected.length, 1, 2));

    // A listing with a review: its full card.
    const reviewed = expected.find((l) => l.ratingCount > 0)!;
    const index = expected.indexOf(reviewed) + 1;
    expect(index).toBeLessThanOrEqual(5);
    const opened = await press(user, { label: `${index} · Подробнее` });
    inPlace.push({ what: 'open card', edited: opened.edited });
    const card = opened.messages.at(-1)!;
    expect(card.text).toContain(`🏠 ${reviewed.title}`);
    expect(card.text).toContain(s.maxGuests(reviewed.maxGuests));
    expect(card.text).toContain(
      s.rating(reviewed.ratingAvg.toFixed(1).replace('.', ','), reviewed.ratingCount),
    );
    expect(card.text).toContain(s.latestReviews);
    expect(card.text).toContain(`${formatTenge(reviewed.price * 3)} за 3 ночи`);
    expect(card.text).toContain(s.amenities[reviewed.amenities[0] as 'wifi']);
    expect(labels(card)).toEqual([s.bookButton, s.favoriteButton, s.backToResults]);
    const returned = await press(user, { label: s.backToResults });
    inPlace.push({ what: 'back to results', edited: returned.edited });
    expect(returned.messages.at(-1)?.text).toContain(s.found(expected.length, 1, 2));

    // Typed dates with years, as a changed filter: the others stay.
    await user.press(s.changeFilters);
    expect((await user.replies())[0]?.text).toContain(s.chooseFilter);
    await user.press(s.filters.dates);
    await user.replies(2);
    await user.send(`${formatDate(checkIn)}-${formatDate(addDays(checkIn, 1))}`);
    const [changed, relisted] = await user.replies(2);
    expect(changed?.text).toContain('(1 ночь)');
    expect(changed?.text).toContain('🏙 Астана');
    expect(changed?.text).toContain('💰 до 30 000 ₸ за ночь');
    expect(relisted?.text).toContain(s.found(expected.length, 1, 2));
  }, 120_000);

  it('no results: says so and offers to change a filter; the changed filter keeps the others', async () => {
    const user = new TelegramUser(emulator, { firstName: 'Ерлан' });
    await openSearch(user);
    await user.press('Астана');
    await user.replies(2);
    await user.press(t.buttons.skip);
    await user.replies();
    await user.press('6');
    await user.replies();
    await user.press('от 40 000 ₸');
    await user.replies(2);
    await user.press(t.buttons.skip);
    const [none] = await user.replies();
    expect(none?.text).toContain(s.noResults);
    expect(none?.text).toContain('🏙 Астана');
    expect(user.keyboard()).toEqual([
      [s.filters.city, s.filters.dates],
      [s.filters.guests, s.filters.price],
      [s.filters.amenities],
      [t.buttons.cancel],
    ]);

    await user.press(s.filters.guests);
    expect((await user.replies())[0]?.text).toBe(s.editGuests);
    await user.press('2');
    const [summary, list] = await user.replies(2);
    const expected = listings.filter((l) => l.city === 'Астана' && l.price >= 40_000 && l.maxGuests >= 2);
    expect(summary?.text).toContain('🏙 Астана');
    expect(summary?.text).toContain('💰 от 40 000 ₸ за ночь');
    expect(summary?.text).toContain('👥 2 гостя');
    expect(list?.text).toContain(s.found(expected.length, 1, 1));
    expect(list?.text).toContain(expected[0]!.title);

    await user.press(s.changeFilters);
    await user.replies();
    await user.press(s.filters.price);
    await user.replies();
    await user.press(s.anyPrice);
    const [any] = await user.replies(2);
    expect(any?.text).toContain(s.anyPriceSummary);
    expect(any?.text).toContain('👥 2 гостя');
    expect(any?.text).toContain('🏙 Астана');
  }, 120_000);

  it('a guest adds a favourite (twice is harmless) and «Забронировать» reaches the booking', async () => {
    const user = new TelegramUser(emulator, { firstName: 'Алия' });
    await user.send('/register');
    await user.replies();
    await user.shareContact('+77021234567');
    await user.replies();
    await user.send('aliya.search@example.kz');
    await user.replies();
    await user.press(t.buttons.confirm);
    expect((await user.replies())[0]?.text).toContain('Аккаунт создан');

    await user.press(t.menu.search);
    await user.replies();
    await user.press(t.buttons.skip);
    await user.replies(2);
    await user.press(t.buttons.skip);
    await user.replies();
    await user.press(t.buttons.skip);
    await user.replies();
    await user.press(s.anyPrice);
    await user.replies(2);
    await user.press(t.buttons.skip);
    const [, list] = await user.replies(2);
    expect(list?.text).toContain(s.found(36, 1, 8));

    const added = await press(user, { label: '1 · В избранное' });
    inPlace.push({ what: 'favourite', edited: added.edited });
    expect(added.messages.at(-1)?.text).toContain(s.favoriteAdded);
    const again = await press(user, { label: '1 · В избранное' });
    expect(again.messages.at(-1)?.text).toContain(s.favoriteAlready);

    await user.tap('1 · Забронировать');
    const [booking] = await user.replies();
    expect(booking?.text.startsWith(s.toBooking)).toBe(true);
    if ('book' in FLOWS) {
      // The book flow's first screen for that listing (the cheapest), not the main menu.
      expect(booking?.text).toContain(`«${listings[0]!.title}»`);
      expect(booking?.text).not.toContain('Главное меню');
    } else {
      console.warn('the book flow is not registered yet: «Забронировать» ends at the main menu');
      expect(booking?.text).toContain('Главное меню');
    }
  }, 120_000);

  it('without an account, «В избранное» offers registration, and after /register it is back at the same listing', async () => {
    const user = new TelegramUser(emulator, { firstName: 'Сауле' });
    await openSearch(user);
    await user.press('Шымкент');
    await user.replies(2);
    await user.press(t.buttons.skip);
    await user.replies();
    await user.press(t.buttons.skip);
    await user.replies();
    await user.press(s.anyPrice);
    await user.replies(2);
    await user.press(t.buttons.skip);
    await user.replies(2);
    const chosen = listings.filter((l) => l.city === 'Шымкент')[1]!;

    await user.tap('2 · В избранное');
    const [offer] = await user.replies();
    expect(offer?.text).toBe(s.accountRequired);
    expect(user.keyboard()).toEqual([
      [t.menu.register, t.menu.link],
      [t.buttons.back, t.buttons.cancel],
    ]);

    await user.press(t.menu.register);
    const [register] = await user.replies();
    expect(register?.text.startsWith(s.toRegister)).toBe(true);
    expect(register?.text).toContain(t.register.askPhone);
    await user.shareContact('+77027654321');
    await user.replies();
    await user.send('saule.search@example.kz');
    await user.replies();
    await user.press(t.buttons.confirm);
    const [done, card] = await user.replies(2);
    expect(done?.text).toContain(t.register.done);
    expect(done?.text).toContain('🏙 Шымкент');
    expect(card?.text).toContain(`🏠 ${chosen.title}`);

    const added = await press(user, { label: s.favoriteButton });
    expect(added.messages.at(-1)?.text).toContain(s.favoriteAdded);
    expect(added.messages.at(-1)?.text).toContain(`🏠 ${chosen.title}`);
  }, 120_000);

  it('edits the pressed message in place for the calendar, the toggles, paging, the card and favourites', () => {
    expect(inPlace.length).toBeGreaterThan(5);
    expect(inPlace.filter((press) => !press.edited)).toEqual([]);
  });
});
