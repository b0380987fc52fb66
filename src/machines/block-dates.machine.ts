import { and, assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { parseDateRange } from '../bot/parse/date-range.ts';
import { dateOfDayId, monthOfId } from '../bot/views/calendar-keyboard.ts';
import { MAX_BLOCK_DAYS } from '../domain/calendar.service.ts';
import { isIsoDate, nightsBetween } from '../domain/dates.ts';
import { DatesTaken } from '../domain/errors.ts';
import { clampMonth, DATE_NOTICES } from './calendar-dates.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';
import type { BookingBrief } from './realtor-listing-data.ts';

/** The longest note a block may carry (the domain's limit). */
export const MAX_BLOCK_NOTE = 200;

/** How far ahead the calendar pages: two years from this month. */
const MONTHS_AHEAD = 24;

export interface BlockDatesInput {
  listingId: number;
}

/** The calendar marks of one month: the occupied days only. */
export interface BlockMonth {
  /** YYYY-MM. */
  month: string;
  days: Record<string, 'booked' | 'blocked'>;
}

/** What `start` finds: the listing (its owner's), today in Almaty and this month's marks. */
export interface BlockDatesStart {
  title: string;
  today: string;
  calendar: BlockMonth;
}

export type BlockDatesNotice =
  | 'datesFormat'
  | 'datesOrder'
  | 'datesPast'
  | 'datesTooLong'
  | 'overlapsBlock'
  | 'noteTooLong';

export interface BlockDatesContext {
  listingId: number;
  title: string;
  today: string;
  /** The calendar page to show, YYYY-MM. */
  month: string;
  days: BlockMonth['days'];
  /** The first night picked in the calendar, waiting for the end. */
  pendingStart: string | null;
  startsOn: string | null;
  endsOn: string | null;
  note: string | null;
  /** The live booking a save ran into: its id, then what `getBooking` told about it. */
  conflictId: number | null;
  conflict: BookingBrief | null;
  notice: BlockDatesNotice | null;
  error: FlowError | null;
}

export type BlockDatesOutput =
  | { outcome: 'added'; startsOn: string; endsOn: string; handoff: Handoff }
  | { outcome: 'back'; handoff: Handoff }
  | { outcome: 'failed'; error: string }
  | { outcome: 'cancelled' };

const idOf = (event: FlowEvent) => ('id' in event ? event.id : -1);
const textOf = (event: FlowEvent) => (event.type === 'TEXT' ? event.text : '');
const dayOf = (event: FlowEvent) => dateOfDayId(idOf(event));
const outputOf = <T>(event: unknown) => (event as { output: T }).output;
const typedRange = (context: BlockDatesContext, event: FlowEvent) =>
  parseDateRange(textOf(event), context.today, MAX_BLOCK_DAYS);

/** A `yyyymm` id of a real month. */
const isMonthId = (id: number) => /^20\d\d(0[1-9]|1[0-2])$/.test(String(id));

/** The card of the listing again: where the flow came from and goes back to. */
const toCard = (context: BlockDatesContext): Handoff => ({
  flow: 'myListings',
  input: { listingId: context.listingId },
});

const clear = { notice: null, error: null, conflict: null } as const;

/**
 * «Добавить блок»: close a listing's nights. Start and end on the listing's
 * calendar (🔴 booked, ⛔ blocked; the end is the day the listing is free
 * again, as a guest's check-out) or typed like `12.12–15.12` → an optional
 * note → summary → `calendar.addBlock`. Dates over a live booking are refused
 * by the domain; the booking is looked up and named at the date step. Hands
 * back to the listing's card when done (or on Back from the first step).
 */
export const blockDatesMachine = setup({
  types: {
    context: {} as BlockDatesContext,
    input: {} as BlockDatesInput | undefined,
    events: {} as FlowEvent,
    output: {} as BlockDatesOutput,
  },
  actors: {
    start: fromPromise<BlockDatesStart, { listingId: number }>(notProvided('start')),
    loadMonth: fromPromise<BlockMonth, { listingId: number; month: string }>(notProvided('loadMonth')),
    addBlock: fromPromise<
      unknown,
      { listingId: number; startsOn: string; endsOn: string; note: string | null }
    >(notProvided('addBlock')),
    getBooking: fromPromise<BookingBrief, { bookingId: number }>(notProvided('getBooking')),
  },
  guards: {
    realMonth: ({ event }) => isMonthId(idOf(event)),
    realDay: ({ event }) => isIsoDate(dayOf(event)),
    dayInPast: ({ context, event }) => dayOf(event) < context.today,
    startsBlock: ({ context, event }) => !context.pendingStart || dayOf(event) <= context.pendingStart,
    blockTooLong: ({ context, event }) =>
      nightsBetween(context.pendingStart ?? dayOf(event), dayOf(event)) > MAX_BLOCK_DAYS,
    datesTyped: ({ context, event }) => typedRange(context, event).ok,
    picking: ({ context }) => context.pendingStart !== null,
    noteFits: ({ event }) => textOf(event).trim().length <= MAX_BLOCK_NOTE,
    /** A live booking is in the way (the domain names it). */
    overBooking: ({ event }) => {
      const error = (event as { error?: unknown }).error;
      return error instanceof DatesTaken && error.conflictingBookingId !== null;
    },
    /** Another block is in the way. */
    overBlock: ({ event }) => errorOf(event).code === 'dates_taken',
  },
  actions: {
    clear: assign(clear),
    notice: assign((_, notice: BlockDatesNotice) => ({ ...clear, notice })),
    rememberError: assign({ ...clear, error: ({ event }) => errorOf(event) }),
    started: assign(({ event }) => {
      const { title, today, calendar } = outputOf<BlockDatesStart>(event);
      return { title, today, month: calendar.month, days: calendar.days };
    }),
    toMonth: assign({
      ...clear,
      month: ({ context, event }) => clampMonth(monthOfId(idOf(event)), context.today, MONTHS_AHEAD),
    }),
    showMonth: assign(({ event }) => {
      const { month, days } = outputOf<BlockMonth>(event);
      return { month, days };
    }),
    pickStart: assign({ ...clear, pendingStart: ({ event }) => dayOf(event), startsOn: null, endsOn: null }),
    pickEnd: assign({
      ...clear,
      startsOn: ({ context }) => context.pendingStart,
      endsOn: ({ event }) => dayOf(event),
      pendingStart: null,
    }),
    setTyped: assign(({ context, event }) => {
      const parsed = typedRange(context, event);
      return parsed.ok
        ? { ...clear, startsOn: parsed.checkIn, endsOn: parsed.checkOut, pendingStart: null }
        : { ...clear };
    }),
    typedNotice: assign(({ context, event }) => {
      const parsed = typedRange(context, event);
      return { ...clear, notice: parsed.ok ? null : DATE_NOTICES[parsed.problem] };
    }),
    dropPending: assign({ ...clear, pendingStart: null }),
    setNote: assign({ ...clear, note: ({ event }) => textOf(event).trim() || null }),
    noNote: assign({ ...clear, note: null }),
    rememberConflict: assign({
      ...clear,
      conflictId: ({ event }) => ((event as { error?: unknown }).error as DatesTaken).conflictingBookingId,
    }),
    /** The booking named; the chosen dates go, so its days show on the calendar. */
    showConflict: assign(({ event }) => {
      const booking = outputOf<BookingBrief>(event);
      return { conflict: booking, month: booking.checkIn.slice(0, 7), startsOn: null, endsOn: null };
    }),
    forgetDates: assign({ startsOn: null, endsOn: null }),
  },
}).createMachine({
  id: 'blockDates',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: BlockDatesOutput }).output,
  initial: 'starting',
  context: ({ input }) => ({
    listingId: input?.listingId ?? 0,
    title: '',
    today: '',
    month: '',
    days: {},
    pendingStart: null,
    startsOn: null,
    endsOn: null,
    note: null,
    conflictId: null,
    conflict: null,
    notice: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    starting: {
      invoke: {
        src: 'start',
        input: ({ context }) => ({ listingId: context.listingId }),
        onDone: { target: 'dates', actions: 'started' },
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    dates: {
      on: {
        'cb.month': { guard: 'realMonth', target: 'loadingMonth', actions: 'toMonth' },
        'cb.day': [
          { guard: 'dayInPast', actions: { type: 'notice', params: 'datesPast' } },
          { guard: and(['realDay', 'startsBlock']), actions: 'pickStart' },
          { guard: 'blockTooLong', actions: { type: 'notice', params: 'datesTooLong' } },
          { guard: 'realDay', target: 'note', actions: 'pickEnd' },
        ],
        TEXT: [{ guard: 'datesTyped', target: 'note', actions: 'setTyped' }, { actions: 'typedNotice' }],
        BACK: [{ guard: 'picking', actions: 'dropPending' }, { target: 'back' }],
      },
    },
    loadingMonth: {
      invoke: {
        src: 'loadMonth',
        input: ({ context }) => ({ listingId: context.listingId, month: context.month }),
        onDone: { target: 'dates', actions: 'showMonth' },
        onError: { target: 'dates', actions: 'rememberError' },
      },
    },
    note: {
      on: {
        TEXT: [
          { guard: 'noteFits', target: 'summary', actions: 'setNote' },
          { actions: { type: 'notice', params: 'noteTooLong' } },
        ],
        SKIP: { target: 'summary', actions: 'noNote' },
        BACK: { target: 'dates', actions: ['clear', 'forgetDates'] },
      },
    },
    summary: {
      on: {
        CONFIRM: { target: 'saving', actions: 'clear' },
        EDIT: { target: 'dates', actions: ['clear', 'forgetDates'] },
        BACK: { target: 'note', actions: 'clear' },
      },
    },
    saving: {
      invoke: {
        src: 'addBlock',
        input: ({ context }) => ({
          listingId: context.listingId,
          startsOn: context.startsOn!,
          endsOn: context.endsOn!,
          note: context.note,
        }),
        onDone: { target: 'added' },
        onError: [
          { guard: 'overBooking', target: 'loadingConflict', actions: 'rememberConflict' },
          {
            guard: 'overBlock',
            target: 'dates',
            actions: [{ type: 'notice', params: 'overlapsBlock' }, 'forgetDates'],
          },
          { target: 'dates', actions: ['rememberError', 'forgetDates'] },
        ],
      },
    },
    // The booking in the way, looked up to name it; then its month, with its days marked.
    loadingConflict: {
      invoke: {
        src: 'getBooking',
        input: ({ context }) => ({ bookingId: context.conflictId! }),
        onDone: { target: 'loadingMonth', actions: 'showConflict' },
        onError: { target: 'dates', actions: ['rememberError', 'forgetDates'] },
      },
    },
    added: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'added' as const,
        startsOn: context.startsOn!,
        endsOn: context.endsOn!,
        handoff: toCard(context),
      }),
    },
    back: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'back' as const, handoff: toCard(context) }),
    },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, error: context.error?.code ?? 'not_found' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
