import { beforeEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { favoritesFlow } from '../../src/bot/views/favorites.view.ts';
import { NotFound, RateLimited } from '../../src/domain/errors.ts';
import {
  type FavoriteItem,
  favoritesMachine,
  type ListingCard,
} from '../../src/machines/favorites.machine.ts';
import type { ActorScript } from '../support/flows.ts';
import { type FlowChat, scriptedChat } from '../support/machine-harness.ts';
import { listPage } from '../support/pages.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

const item = (id: number, overrides: Partial<FavoriteItem> = {}): FavoriteItem => ({
  id,
  title: `Квартира ${id}`,
  city: 'Алматы',
  pricePerNight: 15_000,
  ratingAvg: 4.67,
  ratingCount: 3,
  visible: true,
  ...overrides,
});
const card: ListingCard = {
  listingId: 3,
  title: 'Студия у Байтерека',
  city: 'Астана',
  address: 'ул. Кенесары, 1',
  pricePerNight: 18_000,
  maxGuests: 3,
  description: 'Светлая студия с видом на Байтерек.',
  amenities: ['wifi', 'kitchen'],
  ratingAvg: 4.5,
  ratingCount: 2,
  reviews: [{ rating: 5, text: 'Отлично!', authorName: 'Алия' }],
};

let script: ActorScript;
let chat: FlowChat;

beforeEach(() => {
  ({ script, chat } = scriptedChat(favoritesMachine, favoritesFlow, [
    'loadFavorites',
    'loadCard',
    'removeFavorite',
  ]));
});

/** Opens the list on its first page of 5 out of 7 favourites. */
async function openList(): Promise<void> {
  script.resolve(listPage([item(1), item(2), item(3), item(4), item(5)], 1, 7));
  await chat.start();
  expect(chat.state).toBe('list');
}

describe('favorites: the list', () => {
  it('shows a page of favourites as one inline message, each with Details, Book and Remove', async () => {
    await openList();
    expect(script.inputsOf('loadFavorites')).toEqual([{ page: 1 }]);
    const [message, ...rest] = chat.messages();
    expect(rest).toEqual([]);
    // Inline only: a press on it is answered by editing it in place.
    expect(message?.reply).toBeUndefined();
    expect(chat.text()).toContain('⭐ Избранное: 7 квартир · стр. 1 из 2');
    expect(chat.text()).toContain('1. Квартира 1\nАлматы · 15 000 ₸ / ночь · ★ 4,7 (3 отзыва)');
    expect(chat.buttons().slice(0, 2)).toEqual([
      ['1 · Подробнее → more:1', '1 · Забронировать → book:1'],
      ['1 · Удалить из избранного → unfav:1'],
    ]);
    expect(chat.buttons().at(-2)).toEqual(['▶️ → page:2']);
    expect(chat.buttons().at(-1)).toEqual(['✖️ Закрыть → close:0']);
  });

  it('numbers the second page on from the first and pages back and forth', async () => {
    await openList();
    script.resolve(listPage([item(6), item(7)], 2, 7));
    expect(await chat.send({ type: 'cb.page', id: 2 })).toBe(true);
    expect(script.inputsOf('loadFavorites')).toEqual([{ page: 1 }, { page: 2 }]);
    expect(chat.text()).toContain('стр. 2 из 2');
    expect(chat.text()).toContain('6. Квартира 6');
    expect(chat.buttons()).toContainEqual(['◀️ → page:1']);
    expect(chat.buttons().flat()).not.toContain('▶️ → page:3');
  });

  it('opens on the page it is asked to (when a flow hands back to it)', async () => {
    script.resolve(listPage([item(6)], 2, 6));
    await chat.start({ page: 2 });
    expect(script.inputsOf('loadFavorites')).toEqual([{ page: 2 }]);
  });

  it('marks a listing that cannot be booked now and offers only its removal', async () => {
    script.resolve(listPage([item(1, { visible: false, ratingCount: 0 })]));
    await chat.start();
    expect(chat.text()).toContain(
      'Алматы · 15 000 ₸ / ночь · без отзывов\n⛔ Сейчас недоступна для бронирования',
    );
    expect(chat.buttons()[0]).toEqual(['1 · Удалить из избранного → unfav:1']);
  });

  it('says the list is empty and ends, so the main menu comes back', async () => {
    script.resolve(listPage([], 1, 0));
    await chat.start();
    expect(chat.output).toEqual({ outcome: 'empty', removed: null });
    expect(chat.finish()).toBe(ru.favorites.empty);
    expect(chat.finish('en')).toBe(en.favorites.empty);
  });

  it('keeps the list on typed text, pointing at the buttons, and asks the domain nothing', async () => {
    await openList();
    expect(await chat.send({ type: 'TEXT', text: 'привет' })).toBe(true);
    expect(chat.state).toBe('list');
    expect(chat.text()).toContain(`⚠️ ${ru.favorites.useButtons}`);
    expect(script.calls).toHaveLength(1);
  });

  it('takes no page 0 (a forged button)', async () => {
    await openList();
    expect(await chat.send({ type: 'cb.page', id: 0 })).toBe(false);
  });

  it('closes without a word (the main menu follows) and cancels', async () => {
    await openList();
    await chat.send({ type: 'cb.close', id: 0 });
    expect(chat.output).toEqual({ outcome: 'closed' });
    expect(chat.finish()).toBeNull();
    await openList();
    await chat.send({ type: 'CANCEL' });
    expect(chat.finish()).toBe(ru.common.cancelled);
  });

  it('ends saying what went wrong when the list cannot be loaded', async () => {
    script.reject(new RateLimited(5));
    await chat.start();
    expect(chat.output).toEqual({ outcome: 'failed', code: 'rate_limited' });
    expect(chat.finish()).toBe(ru.errors.rate_limited);
  });
});

describe('favorites: details, booking, removal', () => {
  it('opens a listing’s card with its description, amenities, rating and latest reviews', async () => {
    await openList();
    script.resolve(card);
    await chat.send({ type: 'cb.more', id: 3 });
    expect(script.inputsOf('loadCard')).toEqual([{ listingId: 3 }]);
    expect(chat.state).toBe('card');
    const text = chat.text();
    for (const part of [
      '🏠 Студия у Байтерека',
      '📍 Астана, ул. Кенесары, 1',
      '💰 18 000 ₸ / ночь',
      '👥 до 3 гостей',
      '★ 4,5 (2 отзыва)',
      'Светлая студия с видом на Байтерек.',
      'Удобства: Wi-Fi, Кухня',
      '★★★★★ Алия: Отлично!',
    ])
      expect(text).toContain(part);
    expect(chat.text('en')).toContain('Amenities: Wi-Fi, Kitchen');
    expect(chat.buttons()).toEqual([
      ['📅 Забронировать → book:3'],
      ['🗑 Удалить из избранного → unfav:3'],
      ['⬅️ К избранному → page:1', '✖️ Закрыть → close:0'],
    ]);
  });

  it('goes back from the card to the page it came from', async () => {
    await openList();
    script.resolve(card);
    await chat.send({ type: 'cb.more', id: 3 });
    script.resolve(listPage([item(1)], 1, 7));
    await chat.send({ type: 'cb.page', id: 1 });
    expect(chat.state).toBe('list');
    expect(script.inputsOf('loadFavorites')).toEqual([{ page: 1 }, { page: 1 }]);
  });

  it('says so when the listing is gone (unpublished since), keeping the list', async () => {
    await openList();
    script.reject(new NotFound('listing', 3));
    await chat.send({ type: 'cb.more', id: 3 });
    expect(chat.state).toBe('list');
    expect(chat.text()).toContain(`⚠️ ${ru.errors.not_found}`);
  });

  it.each([
    ['the list', false],
    ['the card', true],
  ])('hands Book on %s over to the booking flow, which asks the dates', async (_, fromCard) => {
    await openList();
    if (fromCard) {
      script.resolve(card);
      await chat.send({ type: 'cb.more', id: 3 });
    }
    await chat.send({ type: 'cb.book', id: 3 });
    expect(chat.output).toEqual({ outcome: 'book', handoff: { flow: 'book', input: { listingId: 3 } } });
    expect(chat.finish()).toBeNull();
  });

  it('removes a favourite, reloads the same page and says which one went', async () => {
    await openList();
    script.resolve({ removed: true }).resolve(listPage([item(1), item(3), item(4), item(5), item(6)], 1, 6));
    await chat.send({ type: 'cb.unfav', id: 2 });
    expect(script.inputsOf('removeFavorite')).toEqual([{ listingId: 2 }]);
    expect(script.inputsOf('loadFavorites')).toEqual([{ page: 1 }, { page: 1 }]);
    expect(chat.state).toBe('list');
    expect(chat.text()).toMatch(/^🗑 «Квартира 2» удалена из избранного\.\n\n⭐ Избранное: 6 квартир/);
    // The line goes with the next press.
    script.resolve(listPage([item(6)], 2, 6));
    await chat.send({ type: 'cb.page', id: 2 });
    expect(chat.text()).not.toContain('удалена');
  });

  it('removes from the card too, and ends saying so when nothing is left', async () => {
    script.resolve(listPage([item(3, { title: card.title })]));
    await chat.start();
    script.resolve(card);
    await chat.send({ type: 'cb.more', id: 3 });
    script.resolve({ removed: true }).resolve(listPage([], 1, 0));
    await chat.send({ type: 'cb.unfav', id: 3 });
    expect(chat.output).toEqual({ outcome: 'empty', removed: card.title });
    expect(chat.finish()).toBe(
      '🗑 «Студия у Байтерека» удалена из избранного. В избранном больше ничего нет.',
    );
    expect(chat.finish('en')).toContain('“Студия у Байтерека” removed from favourites');
  });

  it('keeps the list with the reason when a removal is refused', async () => {
    await openList();
    script.reject(new RateLimited(5));
    await chat.send({ type: 'cb.unfav', id: 2 });
    expect(chat.state).toBe('list');
    expect(chat.text()).toContain(`⚠️ ${ru.errors.rate_limited}`);
    expect(chat.text()).not.toContain('удалена');
  });

  it('keeps the card on typed text', async () => {
    await openList();
    script.resolve(card);
    await chat.send({ type: 'cb.more', id: 3 });
    await chat.send({ type: 'TEXT', text: '5' });
    expect(chat.state).toBe('card');
    expect(chat.text()).toContain(ru.favorites.useButtons);
  });
});
