import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { sessionStore } from '../../src/bot/session-store.ts';
import { Listing } from '../../src/db/entities/index.ts';
import { useBotChats } from '../support/bot-chats.ts';
import { type MadeUser, makeListing, makeUser } from '../support/fixtures.ts';
import { type ChatWithBot, labels, textOf } from '../support/pipeline-harness.ts';

const ru = messagesFor('ru');

describe('«⭐ Избранное» through the bot', () => {
  const { suite, chatAs } = useBotChats();
  let guest: MadeUser;
  let listings: Listing[];
  let chat: ChatWithBot;

  beforeAll(async () => {
    const { domain } = suite.db;
    const em = suite.fork();
    const realtor = await makeUser(em, 'realtor');
    listings = [];
    for (let i = 1; i <= 6; i++) {
      listings.push(
        await makeListing(em, realtor.user, {
          title: `Студия ${i} у Байтерека`,
          city: 'Астана',
          pricePerNight: 10_000 + i * 1000,
          amenities: ['wifi', 'kitchen'],
          description: `Светлая студия номер ${i}.`,
        }),
      );
    }
    guest = await makeUser(em, 'guest');
    for (const listing of listings) {
      await domain.favorites.add(suite.fork(), guest.actor, { listingId: listing.id });
    }
    chat = await chatAs(em, guest.user);
  });

  it('the menu button shows the newest favourites first, in one inline message under the menu', async () => {
    const reply = await chat.say('⭐ Избранное');
    expect(reply.reply.messages).toHaveLength(1);
    expect(reply.reply.messages[0]?.reply).toBeUndefined();
    const text = textOf(reply);
    expect(text).toContain('⭐ Избранное: 6 квартир · стр. 1 из 2');
    expect(text).toContain('1. Студия 6 у Байтерека\nАстана · 16 000 ₸ / ночь · без отзывов');
    expect(text).toContain('5. Студия 2 у Байтерека');
    expect(labels(reply)).toContain('1 · Удалить из избранного');
  });

  it('▶ edits the message in place with the next page', async () => {
    const reply = await chat.tap('▶️', 501);
    expect(reply.editMessageId).toBe(501);
    expect(textOf(reply)).toContain('стр. 2 из 2');
    expect(textOf(reply)).toContain('6. Студия 1 у Байтерека');
    expect(labels(reply)).toContain('◀️');
  });

  it('«Подробнее» turns the message into the listing’s card', async () => {
    const reply = await chat.tap('6 · Подробнее', 501);
    expect(reply.editMessageId).toBe(501);
    const text = textOf(reply);
    expect(text).toContain('🏠 Студия 1 у Байтерека');
    expect(text).toContain('Светлая студия номер 1.');
    expect(text).toContain('Удобства: Wi-Fi, Кухня');
    expect(text).toContain(ru.favorites.noReviews);
    expect(labels(reply)).toEqual([
      '📅 Забронировать',
      '🗑 Удалить из избранного',
      '⬅️ К избранному',
      '✖️ Закрыть',
    ]);
  });

  it('«Удалить из избранного» removes it for good and shows the list again in place', async () => {
    const reply = await chat.tap('🗑 Удалить из избранного', 501);
    expect(reply.editMessageId).toBe(501);
    expect(
      await suite.db.domain.favorites.has(suite.fork(), guest.actor, { listingId: listings[0]!.id }),
    ).toBe(false);
    expect(textOf(reply)).toMatch(
      /^🗑 «Студия 1 у Байтерека» удалена из избранного\.\n\n⭐ Избранное: 5 квартир/,
    );
    // Page 2 emptied: the last page that has items is shown.
    expect(textOf(reply)).toContain('1. Студия 6 у Байтерека');
  });

  it('typed text keeps the list and says to use the buttons', async () => {
    const reply = await chat.say('где моя квартира?');
    expect(textOf(reply)).toContain(`⚠️ ${ru.favorites.useButtons}`);
    expect(textOf(reply)).toContain('⭐ Избранное: 5 квартир');
  });

  it('a listing unpublished since stays listed, to be removed only', async () => {
    await suite.fork().nativeUpdate(Listing, { id: listings[1]!.id }, { published: false });
    const reply = await chat.say('⭐ Избранное');
    expect(textOf(reply)).toContain('5. Студия 2 у Байтерека\nАстана · 12 000 ₸ / ночь · без отзывов\n⛔');
    expect(labels(reply)).not.toContain('5 · Забронировать');
    expect(labels(reply)).not.toContain('5 · Подробнее');
    expect(labels(reply)).toContain('5 · Удалить из избранного');
    // A card opened from an older list answers that the listing is gone.
    const card = await chat.press({ action: 'more', id: listings[1]!.id }, 502);
    expect(textOf(card)).toContain(`⚠️ ${ru.errors.not_found}`);
  });

  it('«Забронировать» hands the listing to the booking flow, which asks the dates', async () => {
    const reply = await chat.tap('1 · Забронировать', 502);
    const session = await sessionStore.load(suite.fork(), chat.id);
    expect(session?.machineId).toBe('book');
    expect(textOf(reply)).toContain('Студия 6 у Байтерека');
    expect(textOf(reply)).toContain(ru.booking.askDates('Студия 6 у Байтерека').split('\n')[0]!);
  });

  it('«Закрыть» brings the main menu back', async () => {
    await chat.say('⭐ Избранное');
    const reply = await chat.tap('✖️ Закрыть', 503);
    expect(textOf(reply)).toContain('Главное меню');
    expect(chat.keyboard()[1]).toEqual(['⭐ Избранное', '📝 Отзывы']);
    expect(await sessionStore.load(suite.fork(), chat.id)).toBeNull();
  });

  it('an empty list says so above the main menu', async () => {
    const em = suite.fork();
    const other = await makeUser(em, 'guest');
    const empty = await chatAs(em, other.user);
    const reply = await empty.say('⭐ Избранное');
    expect(textOf(reply)).toContain(ru.favorites.empty);
    expect(textOf(reply)).toContain('Главное меню');
  });
});
