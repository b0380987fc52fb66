import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import type { CancelledBy } from '../db/entities/index.ts';
import type { BookingStay } from '../domain/bookings/view.ts';
import type { Page } from '../domain/validation.ts';
import { errorOf, notProvided } from './flow-error.ts';
import { type ListLoaded, type PagedListContext, pagedListActions, pagedListGuards } from './paged-list.ts';

export const REALTOR_BOOKING_FILTERS = ['new', 'upcoming', 'past'] as const;
export type RealtorBookingFilter = (typeof REALTOR_BOOKING_FILTERS)[number];

/** How many preset cancellation reasons the realtor is offered as buttons (ids 1..N). */
export const PRESET_REASONS = 3;

/** A typed cancellation reason: 3 to 300 characters (the domain keeps up to 500). */
export const REASON_MIN = 3;
export const REASON_MAX = 300;

/** A typed reason, trimmed, or null when it is too short or too long. */
export function readReason(text: string): string | null {
  const reason = text.trim().replace(/\s+/g, ' ');
  return reason.length >= REASON_MIN && reason.length <= REASON_MAX ? reason : null;
}

/** One booking of the realtor's listings, as plain JSON, with what may be done with it today. */
export interface RealtorBookingItem extends BookingStay {
  id: number;
  title: string;
  city: string;
  guestName: string;
  /** E.164. */
  guestPhone: string;
  cancelledBy: CancelledBy | null;
  cancelReason: string | null;
  /** Pending and its check-in day not passed: «Подтвердить». */
  confirmable: boolean;
  /** Live and before its check-in day: «Отменить». */
  cancellable: boolean;
}

export type RealtorBookingsPage = Page<RealtorBookingItem>;

export type RealtorBookingsLoaded = ListLoaded<RealtorBookingItem>;

export interface RealtorBookingsInput {
  filter?: RealtorBookingFilter;
  page?: number;
}

export type RealtorBookingsNotice = 'confirmed' | 'cancelled' | 'stale' | 'badReason';

/** The reason chosen for a cancellation: typed text or a preset's number. */
export type CancelReason = { text: string } | { preset: number };

export interface RealtorBookingsContext extends PagedListContext<RealtorBookingItem> {
  filter: RealtorBookingFilter;
  /** The booking a press is about (to confirm, to cancel). */
  target: number | null;
  reason: CancelReason | null;
  notice: RealtorBookingsNotice | null;
}

export type RealtorBookingsOutput =
  | { outcome: 'closed' }
  | { outcome: 'failed'; error: string }
  | { outcome: 'cancelled' };

const filterOf = (event: FlowEvent): RealtorBookingFilter =>
  REALTOR_BOOKING_FILTERS.find((filter) => 'arg' in event && event.arg === filter) ?? 'new';

/**
 * «📅 Брони»: bookings of the realtor's listings — new (pending), upcoming,
 * past — a page at a time. «Подтвердить» confirms a pending booking;
 * «Отменить» asks for the reason (typed, or one of the presets), then «Да,
 * отменить». After every action the page is loaded again, so a stale button
 * (the booking changed elsewhere) ends in the list as it now is, saying so.
 */
export const realtorBookingsMachine = setup({
  types: {
    context: {} as RealtorBookingsContext,
    input: {} as RealtorBookingsInput | undefined,
    events: {} as FlowEvent,
    output: {} as RealtorBookingsOutput,
  },
  actors: {
    load: fromPromise<RealtorBookingsLoaded, { filter: RealtorBookingFilter; page: number }>(
      notProvided('load'),
    ),
    confirmBooking: fromPromise<unknown, { bookingId: number }>(notProvided('confirmBooking')),
    cancelBooking: fromPromise<unknown, { bookingId: number; reason: CancelReason }>(
      notProvided('cancelBooking'),
    ),
  },
  guards: {
    ...pagedListGuards,
    aTab: ({ event }) =>
      event.type === 'cb.tab' && REALTOR_BOOKING_FILTERS.some((filter) => filter === event.arg),
    theTarget: ({ context, event }) => 'id' in event && event.id === context.target,
    aPreset: ({ event }) => event.type === 'cb.reason' && event.id >= 1 && event.id <= PRESET_REASONS,
    aReason: ({ event }) => event.type === 'TEXT' && readReason(event.text) !== null,
    stale: ({ event }) => errorOf(event).code === 'invalid_state',
  },
  actions: {
    ...pagedListActions<RealtorBookingsContext>('notice'),
    target: assign({ target: ({ event }) => ('id' in event ? event.id : null), reason: null }),
    toTab: assign(({ event }) => ({ filter: filterOf(event), page: 1 })),
    presetReason: assign({
      notice: null,
      reason: ({ event }) => ({ preset: 'id' in event ? event.id : 1 }),
    }),
    typedReason: assign({
      notice: null,
      reason: ({ event }) => ({ text: readReason(event.type === 'TEXT' ? event.text : '') ?? '' }),
    }),
    badReason: assign({ notice: 'badReason' as const }),
    staleNotice: assign({ notice: 'stale' as const, error: null }),
    confirmed: assign({ notice: 'confirmed' as const }),
    cancelled: assign({ notice: 'cancelled' as const }),
  },
}).createMachine({
  id: 'realtorBookings',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: RealtorBookingsOutput }).output,
  initial: 'loading',
  context: ({ input }) => ({
    filter: REALTOR_BOOKING_FILTERS.find((filter) => filter === input?.filter) ?? 'new',
    page: input?.page && input.page > 0 ? input.page : 1,
    list: null,
    menu: null,
    fresh: true,
    target: null,
    reason: null,
    notice: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    loading: {
      invoke: {
        src: 'load',
        input: ({ context }) => ({ filter: context.filter, page: context.page }),
        onDone: { target: 'list', actions: 'loaded' },
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    list: {
      on: {
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
        'cb.tab': { guard: 'aTab', target: 'loading', actions: ['pressed', 'toTab'] },
        'cb.bconfirm': { target: 'confirming', actions: ['pressed', 'target'] },
        'cb.bcancel': { target: 'askReason', actions: ['pressed', 'target'] },
        'cb.close': 'closed',
      },
    },
    askReason: {
      on: {
        'cb.reason': { guard: 'aPreset', target: 'confirmCancel', actions: 'presetReason' },
        TEXT: [
          { guard: 'aReason', target: 'confirmCancel', actions: 'typedReason' },
          { actions: 'badReason' },
        ],
        // «Назад к списку»: the list again, as it now is.
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
      },
    },
    confirmCancel: {
      on: {
        'cb.bcancelok': { guard: 'theTarget', target: 'cancelling', actions: 'pressed' },
        // «Другая причина».
        'cb.bcancel': { guard: 'theTarget', target: 'askReason', actions: ['pressed', 'target'] },
        // «Нет»: the list again, as it now is.
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
      },
    },
    confirming: {
      invoke: {
        src: 'confirmBooking',
        input: ({ context }) => ({ bookingId: context.target! }),
        onDone: { target: 'loading', actions: 'confirmed' },
        onError: [
          { guard: 'stale', target: 'loading', actions: 'staleNotice' },
          { target: 'loading', actions: 'rememberError' },
        ],
      },
    },
    cancelling: {
      invoke: {
        src: 'cancelBooking',
        input: ({ context }) => ({ bookingId: context.target!, reason: context.reason! }),
        onDone: { target: 'loading', actions: 'cancelled' },
        onError: [
          { guard: 'stale', target: 'loading', actions: 'staleNotice' },
          { target: 'loading', actions: 'rememberError' },
        ],
      },
    },
    closed: { type: 'final', output: { outcome: 'closed' as const } },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, error: context.error?.code ?? 'not_found' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
