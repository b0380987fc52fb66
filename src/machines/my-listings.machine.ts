import { and, assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { dateOfDayId, monthOfId } from '../bot/views/calendar-keyboard.ts';
import { type Amenity, isAmenity } from '../domain/amenities.ts';
import { isIsoDate } from '../domain/dates.ts';
import { toggledAmenities } from './amenity-draft.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';
import {
  LISTING_KEY,
  type ListingNotice,
  readAnswer,
  TYPED_FIELDS,
  type TypedField,
} from './listing-answers.ts';
import { pagedListGuards } from './paged-list.ts';
import type { BookingBrief, CalendarPage, OwnListingCard, OwnListingsPage } from './realtor-listing-data.ts';

export type {
  BlockBrief,
  BookingBrief,
  CalendarPage,
  OccupiedDay,
  OwnListingCard,
  OwnListingItem,
  OwnListingsPage,
} from './realtor-listing-data.ts';

/** The fields «Редактировать» offers, one at a time. */
export const EDITABLE_FIELDS = [...TYPED_FIELDS, 'amenities'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** One field's new value, as `listings.update` takes it. */
export type ListingChange =
  | { title: string }
  | { city: string }
  | { pricePerNight: number }
  | { maxGuests: number }
  | { description: string }
  | { amenities: Amenity[] };

export interface MyListingsInput {
  /** Open this listing's card straight away (e.g. back from blocking dates). */
  listingId?: number;
}

/** What `load` brings: the list page, or the card when the flow was started on a listing. */
export interface MyListingsLoaded {
  list: OwnListingsPage | null;
  card: OwnListingCard | null;
}

export type MyListingsNotice =
  | 'published'
  | 'unpublished'
  | 'saved'
  | 'freeDay'
  | 'pastDay'
  | 'blockRemoved'
  | ListingNotice;

export interface MyListingsContext {
  page: number;
  list: OwnListingsPage | null;
  /** The listing to open on start, until `load` ran. */
  opening: number | null;
  card: OwnListingCard | null;
  /** The listing a press is about (to open its card). */
  target: number | null;
  field: EditableField | null;
  /** A typed or toggled value, validated, on its way to `listings.update`. */
  change: ListingChange | null;
  draftAmenities: Amenity[];
  /** How long the refused answer was (the warning says so). */
  typed: number | null;
  /** The calendar month to show (YYYY-MM); null = this month. */
  month: string | null;
  calendar: CalendarPage | null;
  booking: BookingBrief | null;
  /** The booking or block of the calendar day tapped. */
  dayTarget: number | null;
  notice: MyListingsNotice | null;
  error: FlowError | null;
}

export type MyListingsOutput =
  | { outcome: 'blockDates'; handoff: Handoff }
  | { outcome: 'failed'; error: string }
  | { outcome: 'cancelled' };

/** Realtor listings are shown 5 a page. */
export const MY_LISTINGS_PAGE_SIZE = 5;

const idOf = (event: FlowEvent) => ('id' in event ? event.id : -1);
const argOf = (event: FlowEvent) => ('arg' in event ? event.arg : undefined);
const textOf = (event: FlowEvent) => (event.type === 'TEXT' ? event.text : '');
const dayOf = (event: FlowEvent) => dateOfDayId(idOf(event));
const outputOf = <T>(event: unknown) => (event as { output: T }).output;

/** A `yyyymm` id of a month the domain's calendar takes. */
const isMonthId = (id: number) => /^20\d\d(0[1-9]|1[0-2])$/.test(String(id));

/** The change a valid answer for `field` makes. */
const changeOf = (field: TypedField, value: string | number) =>
  ({ [LISTING_KEY[field]]: value }) as ListingChange;

const typedField = (context: MyListingsContext) =>
  context.field && context.field !== 'amenities' ? context.field : null;

const parsedAnswer = (context: MyListingsContext, event: FlowEvent) => {
  const field = typedField(context);
  return field ? readAnswer[field](textOf(event)) : null;
};

const clear = { notice: null, error: null, typed: null } as const;

/**
 * «🏘 Мои объекты»: the realtor's listings, 5 a page; a listing's card with
 * publish / unpublish (asking first when guests are booked), a field-by-field
 * editor validated like the add-listing wizard, and a month calendar whose
 * booked days open the booking and blocked days offer to remove the block.
 * «Добавить блок» hands over to the `blockDates` flow, which hands back here.
 * Every card action carries the listing id and is taken for the card shown
 * only; the domain re-checks ownership on every call.
 */
export const myListingsMachine = setup({
  types: {
    context: {} as MyListingsContext,
    input: {} as MyListingsInput | undefined,
    events: {} as FlowEvent,
    output: {} as MyListingsOutput,
  },
  actors: {
    load: fromPromise<MyListingsLoaded, { page: number; listingId: number | null }>(notProvided('load')),
    getCard: fromPromise<OwnListingCard, { listingId: number }>(notProvided('getCard')),
    setPublished: fromPromise<OwnListingCard, { listingId: number; published: boolean }>(
      notProvided('setPublished'),
    ),
    save: fromPromise<OwnListingCard, { listingId: number; change: ListingChange }>(notProvided('save')),
    loadMonth: fromPromise<CalendarPage, { listingId: number; month: string | null }>(
      notProvided('loadMonth'),
    ),
    getBooking: fromPromise<BookingBrief, { bookingId: number }>(notProvided('getBooking')),
    removeBlock: fromPromise<unknown, { blockId: number }>(notProvided('removeBlock')),
  },
  guards: {
    gotCard: ({ event }) => outputOf<MyListingsLoaded>(event).card !== null,
    ...pagedListGuards,
    realPage: ({ event }) => idOf(event) >= 1,
    theCard: ({ context, event }) => context.card !== null && idOf(event) === context.card.id,
    hasUpcoming: ({ context }) => (context.card?.upcomingBookings ?? 0) > 0,
    editableField: ({ event }) => (EDITABLE_FIELDS as readonly string[]).includes(argOf(event) ?? ''),
    amenitiesField: ({ event }) => argOf(event) === 'amenities',
    editingAmenities: ({ context }) => context.field === 'amenities',
    validAnswer: ({ context, event }) => {
      const answer = parsedAnswer(context, event);
      return answer !== null && 'value' in answer;
    },
    amenity: ({ event }) => isAmenity(argOf(event) ?? ''),
    realMonth: ({ event }) => isMonthId(idOf(event)),
    /** A day of the month shown (a stale calendar's days are not). */
    shownDay: ({ context, event }) =>
      context.calendar !== null && isIsoDate(dayOf(event)) && dayOf(event).startsWith(context.calendar.month),
    bookedDay: ({ context, event }) => context.calendar?.days[dayOf(event)]?.state === 'booked',
    blockedDay: ({ context, event }) => context.calendar?.days[dayOf(event)]?.state === 'blocked',
    pastDay: ({ context, event }) => context.calendar !== null && dayOf(event) < context.calendar.today,
    theBlock: ({ context, event }) => idOf(event) === context.dayTarget,
  },
  actions: {
    clear: assign(clear),
    notice: assign((_, notice: MyListingsNotice) => ({ ...clear, notice })),
    rememberError: assign({ ...clear, error: ({ event }) => errorOf(event) }),
    loaded: assign(({ event }) => {
      const { list, card } = outputOf<MyListingsLoaded>(event);
      return { opening: null, list, card, page: list?.page ?? 1 };
    }),
    showCard: assign({ card: ({ event }) => outputOf<OwnListingCard>(event) }),
    toPage: assign({ ...clear, page: ({ event }) => idOf(event) }),
    target: assign({ ...clear, target: ({ event }) => idOf(event) }),
    chooseField: assign({ ...clear, field: ({ event }) => argOf(event) as EditableField }),
    openAmenities: assign({ draftAmenities: ({ context }) => context.card?.amenities ?? [] }),
    rememberAnswer: assign(({ context, event }) => {
      const parsed = parsedAnswer(context, event);
      const field = typedField(context);
      return {
        ...clear,
        change: parsed && 'value' in parsed && field ? changeOf(field, parsed.value) : null,
      };
    }),
    answerNotice: assign(({ context, event }) => {
      const parsed = parsedAnswer(context, event);
      return {
        ...clear,
        notice: parsed && 'notice' in parsed ? parsed.notice : null,
        typed: textOf(event).trim().length,
      };
    }),
    toggleAmenity: assign({
      ...clear,
      draftAmenities: ({ context, event }) =>
        toggledAmenities(context.draftAmenities, argOf(event) as Amenity),
    }),
    commitAmenities: assign({ ...clear, change: ({ context }) => ({ amenities: context.draftAmenities }) }),
    saved: assign({ notice: 'saved' as const, change: null, field: null }),
    toMonth: assign({ ...clear, month: ({ event }) => monthOfId(idOf(event)) }),
    thisMonth: assign({ ...clear, month: null }),
    showMonth: assign(({ event }) => {
      const calendar = outputOf<CalendarPage>(event);
      return { calendar, month: calendar.month };
    }),
    dayTarget: assign(({ context, event }) => ({
      ...clear,
      dayTarget: context.calendar?.days[dayOf(event)]?.id ?? null,
    })),
    showBooking: assign({ booking: ({ event }) => outputOf<BookingBrief>(event) }),
  },
}).createMachine({
  id: 'myListings',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: MyListingsOutput }).output,
  initial: 'loading',
  context: ({ input }) => ({
    page: 1,
    list: null,
    opening: input?.listingId && input.listingId > 0 ? input.listingId : null,
    card: null,
    target: null,
    field: null,
    change: null,
    draftAmenities: [],
    typed: null,
    month: null,
    calendar: null,
    booking: null,
    dayTarget: null,
    notice: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    loading: {
      invoke: {
        src: 'load',
        input: ({ context }) => ({ page: context.page, listingId: context.opening }),
        onDone: [
          { guard: 'gotCard', target: 'card', actions: 'loaded' },
          { target: 'list', actions: 'loaded' },
        ],
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    list: {
      on: {
        'cb.page': { guard: 'onePage', target: 'loading', actions: 'toPage' },
        'cb.listing': { target: 'loadingCard', actions: 'target' },
      },
    },
    loadingCard: {
      invoke: {
        src: 'getCard',
        input: ({ context }) => ({ listingId: context.target! }),
        onDone: { target: 'card', actions: 'showCard' },
        // Not the realtor's (a forged or stale id): the list again, saying so.
        onError: { target: 'loading', actions: 'rememberError' },
      },
    },
    card: {
      on: {
        'cb.publish': { guard: 'theCard', target: 'publishing', actions: 'clear' },
        'cb.unpublish': [
          { guard: and(['theCard', 'hasUpcoming']), target: 'confirmUnpublish', actions: 'clear' },
          { guard: 'theCard', target: 'unpublishing', actions: 'clear' },
        ],
        'cb.ledit': { guard: 'theCard', target: 'chooseField', actions: 'clear' },
        'cb.calendar': { guard: 'theCard', target: 'loadingMonth', actions: 'thisMonth' },
        'cb.addblock': { guard: 'theCard', target: 'toBlock' },
        'cb.page': { guard: 'realPage', target: 'loading', actions: 'toPage' },
        // A listing of an older list message: its card instead.
        'cb.listing': { target: 'loadingCard', actions: 'target' },
        BACK: { target: 'loading', actions: 'clear' },
      },
    },
    confirmUnpublish: {
      on: {
        'cb.unpubok': { guard: 'theCard', target: 'unpublishing', actions: 'clear' },
        // «Нет»: the card as it was.
        'cb.listing': { guard: 'theCard', target: 'card', actions: 'clear' },
        BACK: { target: 'card', actions: 'clear' },
      },
    },
    publishing: {
      invoke: {
        src: 'setPublished',
        input: ({ context }) => ({ listingId: context.card!.id, published: true }),
        onDone: { target: 'card', actions: ['showCard', { type: 'notice', params: 'published' }] },
        onError: { target: 'card', actions: 'rememberError' },
      },
    },
    unpublishing: {
      invoke: {
        src: 'setPublished',
        input: ({ context }) => ({ listingId: context.card!.id, published: false }),
        onDone: { target: 'card', actions: ['showCard', { type: 'notice', params: 'unpublished' }] },
        onError: { target: 'card', actions: 'rememberError' },
      },
    },
    chooseField: {
      on: {
        'cb.field': [
          {
            guard: and(['theCard', 'editableField', 'amenitiesField']),
            target: 'editAmenities',
            actions: ['chooseField', 'openAmenities'],
          },
          { guard: and(['theCard', 'editableField']), target: 'editText', actions: 'chooseField' },
        ],
        'cb.listing': { guard: 'theCard', target: 'card', actions: 'clear' },
        BACK: { target: 'card', actions: 'clear' },
      },
    },
    editText: {
      on: {
        TEXT: [
          { guard: 'validAnswer', target: 'saving', actions: 'rememberAnswer' },
          { actions: 'answerNotice' },
        ],
        BACK: { target: 'chooseField', actions: 'clear' },
      },
    },
    editAmenities: {
      on: {
        'cb.amen': { guard: 'amenity', actions: 'toggleAmenity' },
        'cb.done': { target: 'saving', actions: 'commitAmenities' },
        BACK: { target: 'chooseField', actions: 'clear' },
      },
    },
    saving: {
      invoke: {
        src: 'save',
        input: ({ context }) => ({ listingId: context.card!.id, change: context.change! }),
        onDone: { target: 'card', actions: ['showCard', 'saved'] },
        // Refused (e.g. the listing is no longer the realtor's): the same step, saying why.
        onError: [
          { guard: 'editingAmenities', target: 'editAmenities', actions: 'rememberError' },
          { target: 'editText', actions: 'rememberError' },
        ],
      },
    },
    loadingMonth: {
      invoke: {
        src: 'loadMonth',
        input: ({ context }) => ({ listingId: context.card!.id, month: context.month }),
        onDone: { target: 'calendar', actions: 'showMonth' },
        onError: { target: 'card', actions: 'rememberError' },
      },
    },
    calendar: {
      on: {
        'cb.month': { guard: 'realMonth', target: 'loadingMonth', actions: 'toMonth' },
        'cb.day': [
          {
            guard: and(['shownDay', 'bookedDay']),
            target: 'loadingBooking',
            actions: 'dayTarget',
          },
          {
            guard: and(['shownDay', 'blockedDay']),
            target: 'confirmUnblock',
            actions: 'dayTarget',
          },
          { guard: and(['shownDay', 'pastDay']), actions: { type: 'notice', params: 'pastDay' } },
          { guard: 'shownDay', actions: { type: 'notice', params: 'freeDay' } },
        ],
        'cb.addblock': { guard: 'theCard', target: 'toBlock' },
        'cb.listing': { guard: 'theCard', target: 'card', actions: 'clear' },
        BACK: { target: 'card', actions: 'clear' },
      },
    },
    loadingBooking: {
      invoke: {
        src: 'getBooking',
        input: ({ context }) => ({ bookingId: context.dayTarget! }),
        onDone: { target: 'booking', actions: 'showBooking' },
        onError: { target: 'calendar', actions: 'rememberError' },
      },
    },
    booking: {
      on: {
        // «⬅️ К календарю»: the month again, as it now is.
        'cb.month': { guard: 'realMonth', target: 'loadingMonth', actions: 'toMonth' },
        BACK: { target: 'calendar', actions: 'clear' },
      },
    },
    confirmUnblock: {
      on: {
        'cb.unblock': { guard: 'theBlock', target: 'removingBlock', actions: 'clear' },
        // «Нет»: the month again.
        'cb.month': { guard: 'realMonth', target: 'loadingMonth', actions: 'toMonth' },
        BACK: { target: 'calendar', actions: 'clear' },
      },
    },
    removingBlock: {
      invoke: {
        src: 'removeBlock',
        input: ({ context }) => ({ blockId: context.dayTarget! }),
        onDone: { target: 'loadingMonth', actions: { type: 'notice', params: 'blockRemoved' } },
        onError: { target: 'loadingMonth', actions: 'rememberError' },
      },
    },
    toBlock: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'blockDates' as const,
        handoff: { flow: 'blockDates', input: { listingId: context.card!.id } },
      }),
    },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, error: context.error?.code ?? 'not_found' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
