import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import type { CancelledBy } from '../db/entities/index.ts';
import type { BookingStay } from '../domain/bookings/view.ts';
import type { Page } from '../domain/validation.ts';
import { notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';
import { type ListLoaded, type PagedListContext, pagedListActions, pagedListGuards } from './paged-list.ts';

export type { MenuState } from './paged-list.ts';

export const MY_BOOKINGS_SCOPES = ['upcoming', 'past'] as const;
export type MyBookingsScope = (typeof MY_BOOKINGS_SCOPES)[number];

/** One booking in the list, as plain JSON, with what the guest may do with it today. */
export interface MyBookingItem extends BookingStay {
  id: number;
  title: string;
  city: string;
  cancelledBy: CancelledBy | null;
  reviewed: boolean;
  /** Pending and its check-in day not passed: «Оплатить (демо)». */
  payable: boolean;
  /** Live and before its check-in day: «Отменить». */
  cancellable: boolean;
  /** Completed and not reviewed: «Оставить отзыв». */
  reviewable: boolean;
}

export type MyBookingsPage = Page<MyBookingItem>;

export type MyBookingsLoaded = ListLoaded<MyBookingItem>;

export interface MyBookingsInput {
  scope?: MyBookingsScope;
  page?: number;
}

export type MyBookingsNotice = 'paid' | 'alreadyPaid' | 'cancelled';

export interface MyBookingsContext extends PagedListContext<MyBookingItem> {
  scope: MyBookingsScope;
  /** The booking a press is about (to pay, to cancel). */
  target: number | null;
  notice: MyBookingsNotice | null;
}

export type MyBookingsOutput =
  | { outcome: 'closed' }
  | { outcome: 'review'; handoff: Handoff }
  | { outcome: 'failed'; error: string }
  | { outcome: 'cancelled' };

const scopeOf = (event: FlowEvent): MyBookingsScope =>
  event.type === 'cb.tab' && event.arg === 'past' ? 'past' : 'upcoming';

/**
 * «📦 Мои бронирования»: the guest's upcoming and past bookings, a page at a
 * time, each with what fits its status — pay (demo), cancel after a «Да,
 * отменить», or hand over to the `review` flow. After every action the page
 * is loaded again, so a stale button ends in the list as it now is.
 */
export const myBookingsMachine = setup({
  types: {
    context: {} as MyBookingsContext,
    input: {} as MyBookingsInput | undefined,
    events: {} as FlowEvent,
    output: {} as MyBookingsOutput,
  },
  actors: {
    load: fromPromise<MyBookingsLoaded, { scope: MyBookingsScope; page: number }>(notProvided('load')),
    pay: fromPromise<{ alreadyPaid: boolean }, { bookingId: number }>(notProvided('pay')),
    cancelBooking: fromPromise<unknown, { bookingId: number }>(notProvided('cancelBooking')),
  },
  guards: {
    ...pagedListGuards,
    aTab: ({ event }) => event.type === 'cb.tab' && (event.arg === 'upcoming' || event.arg === 'past'),
    theTarget: ({ context, event }) => event.type === 'cb.bcancelok' && event.id === context.target,
  },
  actions: {
    ...pagedListActions<MyBookingsContext>('notice'),
    target: assign({ target: ({ event }) => ('id' in event ? event.id : null) }),
    toTab: assign(({ event }) => ({ scope: scopeOf(event), page: 1 })),
    paid: assign({
      notice: ({ event }) =>
        (event as unknown as { output: { alreadyPaid: boolean } }).output.alreadyPaid
          ? ('alreadyPaid' as const)
          : ('paid' as const),
    }),
    cancelled: assign({ notice: 'cancelled' as const }),
  },
}).createMachine({
  id: 'myBookings',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: MyBookingsOutput }).output,
  initial: 'loading',
  context: ({ input }) => ({
    scope: input?.scope === 'past' ? 'past' : 'upcoming',
    page: input?.page && input.page > 0 ? input.page : 1,
    list: null,
    menu: null,
    fresh: true,
    target: null,
    notice: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    loading: {
      invoke: {
        src: 'load',
        input: ({ context }) => ({ scope: context.scope, page: context.page }),
        onDone: { target: 'list', actions: 'loaded' },
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    list: {
      on: {
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
        'cb.tab': { guard: 'aTab', target: 'loading', actions: ['pressed', 'toTab'] },
        'cb.pay': { target: 'paying', actions: ['pressed', 'target'] },
        'cb.bcancel': { target: 'confirmCancel', actions: ['pressed', 'target'] },
        'cb.review': { target: 'review', actions: ['pressed', 'target'] },
        'cb.close': 'closed',
      },
    },
    confirmCancel: {
      on: {
        'cb.bcancelok': { guard: 'theTarget', target: 'cancelling', actions: 'pressed' },
        // «Нет»: the list again, as it now is.
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
        BACK: { target: 'list', actions: 'pressed' },
      },
    },
    cancelling: {
      invoke: {
        src: 'cancelBooking',
        input: ({ context }) => ({ bookingId: context.target! }),
        onDone: { target: 'loading', actions: 'cancelled' },
        onError: { target: 'loading', actions: 'rememberError' },
      },
    },
    paying: {
      invoke: {
        src: 'pay',
        input: ({ context }) => ({ bookingId: context.target! }),
        onDone: { target: 'loading', actions: 'paid' },
        onError: { target: 'loading', actions: 'rememberError' },
      },
    },
    review: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'review' as const,
        handoff: { flow: 'review', input: { bookingId: context.target! } },
      }),
    },
    closed: { type: 'final', output: { outcome: 'closed' as const } },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, error: context.error?.code ?? 'not_found' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
