import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';

/** One favourite in the list, as plain JSON. */
export interface FavoriteItem {
  id: number;
  title: string;
  city: string;
  pricePerNight: number;
  ratingAvg: number;
  ratingCount: number;
  /** False once the listing cannot be booked (unpublished, realtor or agency inactive). */
  visible: boolean;
}

export interface FavoritesPage {
  items: FavoriteItem[];
  page: number;
  pageSize: number;
  pages: number;
  total: number;
}

/** The «Подробнее» card of a listing, as plain JSON. */
export interface ListingCard {
  listingId: number;
  title: string;
  city: string;
  address: string | null;
  pricePerNight: number;
  maxGuests: number;
  description: string;
  amenities: string[];
  ratingAvg: number;
  ratingCount: number;
  reviews: { rating: number; text: string; authorName: string }[];
}

export interface FavoritesInput {
  /** The page to open (1 when absent). */
  page?: number;
}

export interface FavoritesContext {
  page: number;
  list: FavoritesPage | null;
  card: ListingCard | null;
  /** The listing a press is about (the card shown, the one being removed). */
  listingId: number | null;
  /** The title of the listing just removed, said above the list. */
  removed: string | null;
  notice: 'useButtons' | null;
  error: FlowError | null;
}

export type FavoritesOutput =
  | { outcome: 'empty'; removed: string | null }
  | { outcome: 'book'; handoff: Handoff }
  | { outcome: 'closed' }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; code: string };

const clean = { notice: null, error: null, removed: null } as const;

/**
 * «⭐ Избранное»: the guest's favourites page by page (◀ ▶), each with its
 * card, «Забронировать» (handed to the `book` flow, which asks the dates) and
 * «Удалить из избранного». An empty list ends the flow saying so.
 */
export const favoritesMachine = setup({
  types: {
    context: {} as FavoritesContext,
    input: {} as FavoritesInput | undefined,
    events: {} as FlowEvent,
    output: {} as FavoritesOutput,
  },
  actors: {
    loadFavorites: fromPromise<FavoritesPage, { page: number }>(notProvided('loadFavorites')),
    loadCard: fromPromise<ListingCard, { listingId: number }>(notProvided('loadCard')),
    removeFavorite: fromPromise<{ removed: boolean }, { listingId: number }>(notProvided('removeFavorite')),
  },
  guards: {
    isEmpty: ({ event }) => (event as unknown as { output: FavoritesPage }).output.total === 0,
    isPage: ({ event }) => 'id' in event && event.id >= 1,
  },
  actions: {
    useButtons: assign({ notice: 'useButtons' as const, error: null }),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
    turnPage: assign(({ event }) => ({ ...clean, page: 'id' in event ? event.id : 1 })),
    pick: assign(({ event }) => ({ ...clean, listingId: 'id' in event ? event.id : null })),
    // The title is said after the removal; the list or the card on screen has it.
    pickForRemoval: assign(({ context, event }) => {
      const listingId = 'id' in event ? event.id : 0;
      const title =
        context.list?.items.find((item) => item.id === listingId)?.title ??
        (context.card?.listingId === listingId ? context.card.title : null);
      return { ...clean, listingId, removed: title };
    }),
  },
}).createMachine({
  id: 'favorites',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: FavoritesOutput }).output,
  initial: 'loading',
  context: ({ input }) => ({
    page: input?.page && input.page > 0 ? input.page : 1,
    list: null,
    card: null,
    listingId: null,
    removed: null,
    notice: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    loading: {
      invoke: {
        src: 'loadFavorites',
        input: ({ context }) => ({ page: context.page }),
        onDone: [
          { guard: 'isEmpty', target: 'empty' },
          {
            target: 'list',
            actions: assign({
              list: ({ event }) => event.output,
              page: ({ event }) => event.output.page,
              card: null,
            }),
          },
        ],
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    list: {
      on: {
        'cb.page': { guard: 'isPage', target: 'loading', actions: 'turnPage' },
        'cb.more': { target: 'loadingCard', actions: 'pick' },
        'cb.book': { target: 'booking', actions: 'pick' },
        'cb.unfav': { target: 'removing', actions: 'pickForRemoval' },
        'cb.close': 'closed',
        TEXT: { actions: 'useButtons' },
      },
    },
    loadingCard: {
      invoke: {
        src: 'loadCard',
        input: ({ context }) => ({ listingId: context.listingId! }),
        onDone: { target: 'card', actions: assign({ card: ({ event }) => event.output }) },
        // A listing hidden since (unpublished, realtor gone): its card is not found.
        onError: { target: 'list', actions: 'rememberError' },
      },
    },
    card: {
      on: {
        'cb.page': { guard: 'isPage', target: 'loading', actions: 'turnPage' },
        'cb.book': { target: 'booking', actions: 'pick' },
        'cb.unfav': { target: 'removing', actions: 'pickForRemoval' },
        'cb.close': 'closed',
        TEXT: { actions: 'useButtons' },
      },
    },
    removing: {
      invoke: {
        src: 'removeFavorite',
        input: ({ context }) => ({ listingId: context.listingId! }),
        onDone: 'loading',
        onError: { target: 'list', actions: ['rememberError', assign({ removed: null })] },
      },
    },
    empty: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'empty' as const, removed: context.removed }),
    },
    booking: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'book' as const,
        handoff: { flow: 'book', input: { listingId: context.listingId! } },
      }),
    },
    closed: { type: 'final', output: { outcome: 'closed' as const } },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, code: context.error?.code ?? 'unknown' }),
    },
  },
});
