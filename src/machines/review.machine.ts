import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';

/** A completed stay not reviewed yet, as plain JSON. */
export interface ReviewableStay {
  bookingId: number;
  listingTitle: string;
  city: string;
  checkIn: string;
  checkOut: string;
}

/** What the flow starts from: the stays to choose from and, when a booking was named, that stay. */
export interface ReviewableLoad {
  /** The most recent ones (the list is capped to stay readable). */
  stays: ReviewableStay[];
  /** How many there are in all. */
  total: number;
  /** The stay the flow was started for, when it can be reviewed. */
  pick: ReviewableStay | null;
  /** A booking was named but cannot be reviewed (not completed, reviewed already, not theirs). */
  missing: boolean;
}

/** One of the guest's published reviews, as plain JSON. */
export interface MyReview {
  id: number;
  listingTitle: string;
  rating: number;
  text: string;
  /** ISO timestamp. */
  createdAt: string;
}

export interface MyReviewsPage {
  items: MyReview[];
  page: number;
  pageSize: number;
  pages: number;
  total: number;
}

export interface ReviewInput {
  /** Straight from a booking's «Оставить отзыв» button. */
  bookingId?: number;
}

export type ReviewNotice =
  | 'notReviewable'
  | 'chooseStay'
  | 'chooseStars'
  | 'tooLong'
  | 'usePreviewButtons'
  | 'useButtons';

export interface ReviewContext {
  bookingId: number | null;
  stays: ReviewableStay[];
  total: number;
  /** The stay being reviewed. */
  stay: ReviewableStay | null;
  rating: number | null;
  text: string;
  /** The page of published reviews asked for, and the one on screen. */
  reviewsPage: number;
  reviews: MyReviewsPage | null;
  notice: ReviewNotice | null;
  error: FlowError | null;
}

export type ReviewOutput =
  | { outcome: 'published'; listingTitle: string; rating: number }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; code: string };

/** The domain's limit on a review's text. */
export const MAX_REVIEW_TEXT = 2000;

/** Typed stars: `4`, `4 звезды`, `⭐⭐⭐⭐`, `★★★★`. */
export function starsOf(text: string): number | null {
  // Emoji keyboards add a variation selector after ⭐.
  const trimmed = text.trim().replace(/\uFE0F/g, '');
  const digit = /^([1-5])(\s*(⭐|★|звезд[аы]?|звёзд[аы]?|stars?))?$/iu.exec(trimmed);
  if (digit) return Number(digit[1]);
  const stars = /^(?:⭐|★){1,5}$/u.exec(trimmed);
  return stars ? [...stars[0]].length : null;
}

/** Refusals after which the chosen stay cannot be reviewed at all: it leaves the list. */
const STAY_GONE = new Set(['already_exists', 'invalid_state', 'not_found', 'forbidden']);

const quiet = { notice: null, error: null } as const;
const eventId = (event: FlowEvent) => ('id' in event ? event.id : 0);

/**
 * «📝 Отзывы»: a completed stay not reviewed yet (from the list, or the one a
 * booking's button named) → 1–5 stars → text or Skip → preview with Publish /
 * Edit / Cancel → published (the domain updates the listing's rating and tells
 * the realtor). The guest's published reviews are a page away from the start.
 */
export const reviewMachine = setup({
  types: {
    context: {} as ReviewContext,
    input: {} as ReviewInput | undefined,
    events: {} as FlowEvent,
    output: {} as ReviewOutput,
  },
  actors: {
    loadReviewable: fromPromise<ReviewableLoad, { bookingId: number | null }>(notProvided('loadReviewable')),
    loadMine: fromPromise<MyReviewsPage, { page: number }>(notProvided('loadMine')),
    publish: fromPromise<{ id: number }, { bookingId: number; rating: number; text: string }>(
      notProvided('publish'),
    ),
  },
  guards: {
    picked: ({ event }) => (event as unknown as { output: ReviewableLoad }).output.pick !== null,
    missing: ({ event }) => (event as unknown as { output: ReviewableLoad }).output.missing,
    listed: ({ context, event }) => context.stays.some((stay) => stay.bookingId === eventId(event)),
    isPage: ({ event }) => eventId(event) >= 1,
    isStars: ({ event }) => eventId(event) >= 1 && eventId(event) <= 5,
    typedStars: ({ event }) => event.type === 'TEXT' && starsOf(event.text) !== null,
    fits: ({ event }) => event.type === 'TEXT' && event.text.trim().length <= MAX_REVIEW_TEXT,
    hasText: ({ context }) => context.text !== '',
    stayGone: ({ event }) => STAY_GONE.has(errorOf(event).code),
  },
  actions: {
    notice: assign((_, notice: ReviewNotice) => ({ notice, error: null })),
    clear: assign(quiet),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
    turnPage: assign(({ event }) => ({ ...quiet, reviewsPage: eventId(event) })),
    loaded: assign(({ event }) => {
      const { stays, total } = (event as unknown as { output: ReviewableLoad }).output;
      return { stays, total };
    }),
    choose: assign(({ context, event }) => ({
      ...quiet,
      stay: context.stays.find((stay) => stay.bookingId === eventId(event)) ?? null,
      rating: null,
      text: '',
    })),
    // The stay cannot be reviewed any more (reviewed meanwhile, say): it leaves the list.
    dropStay: assign(({ context }) => ({
      stays: context.stays.filter((stay) => stay.bookingId !== context.stay?.bookingId),
      total: Math.max(0, context.total - 1),
      stay: null,
      rating: null,
      text: '',
    })),
  },
}).createMachine({
  id: 'review',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: ReviewOutput }).output,
  initial: 'loading',
  context: ({ input }) => ({
    bookingId: input?.bookingId ?? null,
    stays: [],
    total: 0,
    stay: null,
    rating: null,
    text: '',
    reviewsPage: 1,
    reviews: null,
    notice: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    loading: {
      invoke: {
        src: 'loadReviewable',
        input: ({ context }) => ({ bookingId: context.bookingId }),
        onDone: [
          {
            guard: 'picked',
            target: 'rating',
            actions: ['loaded', assign({ stay: ({ event }) => event.output.pick })],
          },
          {
            guard: 'missing',
            target: 'choosing',
            actions: ['loaded', { type: 'notice', params: 'notReviewable' }],
          },
          { target: 'choosing', actions: 'loaded' },
        ],
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    choosing: {
      on: {
        'cb.review': [
          { guard: 'listed', target: 'rating', actions: 'choose' },
          { actions: { type: 'notice', params: 'notReviewable' } },
        ],
        'cb.mine': { guard: 'isPage', target: 'loadingMine', actions: 'turnPage' },
        TEXT: { actions: { type: 'notice', params: 'chooseStay' } },
      },
    },
    loadingMine: {
      invoke: {
        src: 'loadMine',
        input: ({ context }) => ({ page: context.reviewsPage }),
        onDone: { target: 'mine', actions: [assign({ reviews: ({ event }) => event.output }), 'clear'] },
        onError: { target: 'choosing', actions: 'rememberError' },
      },
    },
    mine: {
      on: {
        'cb.mine': { guard: 'isPage', target: 'loadingMine', actions: 'turnPage' },
        BACK: { target: 'choosing', actions: ['clear', assign({ reviews: null, reviewsPage: 1 })] },
        TEXT: { actions: { type: 'notice', params: 'useButtons' } },
      },
    },
    rating: {
      on: {
        'cb.stars': {
          guard: 'isStars',
          target: 'writing',
          actions: [assign({ rating: ({ event }) => event.id }), 'clear'],
        },
        TEXT: [
          {
            guard: 'typedStars',
            target: 'writing',
            actions: [assign({ rating: ({ event }) => starsOf(event.text) }), 'clear'],
          },
          { actions: { type: 'notice', params: 'chooseStars' } },
        ],
        BACK: { target: 'choosing', actions: 'clear' },
      },
    },
    writing: {
      on: {
        TEXT: [
          {
            guard: 'fits',
            target: 'preview',
            actions: [assign({ text: ({ event }) => event.text.trim() }), 'clear'],
          },
          { actions: { type: 'notice', params: 'tooLong' } },
        ],
        SKIP: { target: 'preview', actions: [assign({ text: '' }), 'clear'] },
        // Keeps the text written before «Изменить».
        CONFIRM: { guard: 'hasText', target: 'preview', actions: 'clear' },
        BACK: { target: 'rating', actions: 'clear' },
      },
    },
    preview: {
      on: {
        CONFIRM: { target: 'publishing', actions: 'clear' },
        EDIT: { target: 'rating', actions: 'clear' },
        TEXT: { actions: { type: 'notice', params: 'usePreviewButtons' } },
      },
    },
    publishing: {
      invoke: {
        src: 'publish',
        input: ({ context }) => ({
          bookingId: context.stay!.bookingId,
          rating: context.rating!,
          text: context.text,
        }),
        onDone: 'published',
        onError: [
          { guard: 'stayGone', target: 'choosing', actions: ['rememberError', 'dropStay'] },
          { target: 'preview', actions: 'rememberError' },
        ],
      },
    },
    published: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'published' as const,
        listingTitle: context.stay!.listingTitle,
        rating: context.rating!,
      }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, code: context.error?.code ?? 'unknown' }),
    },
  },
});
