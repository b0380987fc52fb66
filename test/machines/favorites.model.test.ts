/**
 * Model-based test of the `favorites` flow: `xstate/graph` paths over every
 * reachable state and transition drive the real machine, restored from JSON
 * at every settled step, with its screens rendered in both languages.
 */
import { expect } from 'vitest';
import type { AnyEventObject } from 'xstate';
import { favoritesFlow } from '../../src/bot/views/favorites.view.ts';
import { AccountRequired, NotFound } from '../../src/domain/errors.ts';
import {
  type FavoriteItem,
  favoritesMachine,
  type ListingCard,
} from '../../src/machines/favorites.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { listPage } from '../support/pages.ts';

const script = new ActorScript();
const machine = favoritesMachine.provide({
  actors: {
    loadFavorites: script.promise('loadFavorites'),
    loadCard: script.promise('loadCard'),
    removeFavorite: script.promise('removeFavorite'),
  },
});

const item = (id: number, visible = true): FavoriteItem => ({
  id,
  title: `Квартира ${id}`,
  city: 'Алматы',
  pricePerNight: 15_000,
  ratingAvg: 4.5,
  ratingCount: 2,
  visible,
});
const card: ListingCard = {
  listingId: 1,
  title: 'Квартира 1',
  city: 'Алматы',
  address: null,
  pricePerNight: 15_000,
  maxGuests: 3,
  description: 'Светлая студия.',
  amenities: ['wifi'],
  ratingAvg: 4.5,
  ratingCount: 2,
  reviews: [],
};

/** What a person can do and the domain can answer; one value per kind keeps the model finite. */
const events: AnyEventObject[] = [
  // Page 1 of 2: a listing one can open and book, and one hidden since (it can only be removed).
  doneEvent(machine, 'loading', listPage([item(1), item(2, false)], 1, 7)),
  doneEvent(machine, 'loading', listPage([item(6)], 2, 7)),
  doneEvent(machine, 'loading', listPage([], 1, 0)),
  errorEvent(machine, 'loading', new AccountRequired()),
  { type: 'cb.page', id: 2 },
  { type: 'cb.page', id: 0 },
  { type: 'cb.more', id: 1 },
  { type: 'cb.book', id: 1 },
  { type: 'cb.unfav', id: 1 },
  { type: 'cb.close', id: 0 },
  { type: 'TEXT', text: 'привет' },
  { type: 'CANCEL' },
  doneEvent(machine, 'loadingCard', card),
  errorEvent(machine, 'loadingCard', new NotFound('listing', 1)),
  doneEvent(machine, 'removing', { removed: true }),
  errorEvent(machine, 'removing', new NotFound('favorite', 1)),
];

describeFlowModel({
  flow: favoritesFlow,
  machine,
  script,
  events,
  // One inline message edited in place (no reply keyboard), closed by its own «Закрыть».
  screens(_snapshot, messages, where, { t }) {
    expect(messages.length, where).toBe(1);
    expect(messages[0]!.reply, where).toBeUndefined();
    const inline = messages[0]!.inline?.flat() ?? [];
    expect(inline, where).toContainEqual({
      text: t.favorites.buttons.close,
      callback: { action: 'close', id: 0 },
    });
  },
  // Closing says nothing (the menu is the answer); booking passes on to the `book` flow.
  quiet: ['closed', 'book'],
  timeout: 120_000,
});
