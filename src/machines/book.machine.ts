import { and, assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { type DateRangeProblem, parseDateRange } from '../bot/parse/date-range.ts';
import { dateOfDayId, monthOfId } from '../bot/views/calendar-keyboard.ts';
import { isIsoDate, nightsBetween } from '../domain/dates.ts';
import { MAX_STAY_NIGHTS } from '../domain/listings/stay.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';

/** What starts a booking: the listing, and the stay and guests when the caller knows them. */
export interface BookInput {
  listingId: number;
  checkIn?: string | null;
  checkOut?: string | null;
  guests?: number | null;
  /** Where Back / Cancel before booking, and lost dates, lead (e.g. the search results). */
  returnTo?: Handoff | null;
}

/** What the flow shows of the listing. */
export interface BookListing {
  title: string;
  city: string;
  pricePerNight: number;
  maxGuests: number;
}

/** The answer of `prepare`: who is booking what, and which of the input still holds. */
export interface BookPrepared {
  /** The person has an account (booking needs one). */
  account: boolean;
  listing: BookListing;
  /** Today in Almaty, for the calendar and typed dates. */
  today: string;
  /** The input's stay, when it is valid and free. */
  stay: { checkIn: string; checkOut: string } | null;
  /** The input had dates that can no longer be booked. */
  datesGone: boolean;
  /** The input's guests, when the listing takes that many. */
  guests: number | null;
}

export interface BookCreated {
  id: number;
  total: number;
}

export type BookNotice =
  | `dates.${DateRangeProblem}`
  | 'datesTaken'
  | 'datesGone'
  | 'badGuests'
  | 'tooManyGuests'
  | 'useButtons'
  | 'payHint';

export interface BookContext {
  /** The input as given, to come back to it after registration. */
  request: BookInput;
  listing: BookListing | null;
  today: string | null;
  /** The calendar's month, YYYY-MM. */
  month: string | null;
  checkIn: string | null;
  checkOut: string | null;
  guests: number | null;
  booking: BookCreated | null;
  /** The account flow chosen by a person without one. */
  accountFlow: 'register' | 'link' | null;
  alreadyPaid: boolean;
  notice: BookNotice | null;
  error: FlowError | null;
}

export interface PaidBooking {
  title: string;
  checkIn: string;
  checkOut: string;
  total: number;
}

export type BookOutput =
  | { outcome: 'cancelled'; handoff?: Handoff }
  | { outcome: 'back'; handoff?: Handoff }
  | { outcome: 'account'; handoff: Handoff }
  | { outcome: 'unavailable'; error: string; handoff?: Handoff }
  | { outcome: 'datesTaken'; handoff: Handoff }
  | { outcome: 'paid'; alreadyPaid: boolean; booking: PaidBooking; handoff: Handoff }
  | { outcome: 'payFailed'; error: string; handoff: Handoff };

/** How many months ahead the calendar goes. */
export const CALENDAR_MONTHS_AHEAD = 12;

/** `YYYY-MM` plus `months`. */
export function addMonths(month: string, months: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + (index - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

const MY_BOOKINGS: Handoff = { flow: 'myBookings', input: { scope: 'upcoming' } };

function dayOf(event: FlowEvent): string | null {
  if (event.type !== 'cb.day') return null;
  const day = dateOfDayId(event.id);
  return isIsoDate(day) ? day : null;
}

function typedStay(context: BookContext, event: FlowEvent) {
  return event.type === 'TEXT' ? parseDateRange(event.text, context.today!, MAX_STAY_NIGHTS) : null;
}

function guestsOf(event: FlowEvent): number | null {
  if (event.type !== 'TEXT' || !/^\s*\d{1,3}\s*$/.test(event.text)) return null;
  return Number(event.text.trim());
}

const withReturn = (context: BookContext) =>
  context.request.returnTo ? { handoff: context.request.returnTo } : {};

/**
 * Booking a listing: (an account, or the offer to register or link one and
 * come back) → dates from the calendar or typed → guests → confirm → the
 * booking is created, pending → «Оплатить (демо)» → paid, and on to the
 * guest's bookings (where a second press of Pay is told it is already paid).
 * Steps the input already answers are skipped; Back goes a step back, and
 * from the first step to `returnTo`.
 */
export const bookMachine = setup({
  types: {
    context: {} as BookContext,
    input: {} as BookInput | undefined,
    events: {} as FlowEvent,
    output: {} as BookOutput,
  },
  actors: {
    prepare: fromPromise<BookPrepared, BookInput>(notProvided('prepare')),
    checkDates: fromPromise<{ available: boolean }, { listingId: number; checkIn: string; checkOut: string }>(
      notProvided('checkDates'),
    ),
    createBooking: fromPromise<
      BookCreated,
      { listingId: number; checkIn: string; checkOut: string; guests: number }
    >(notProvided('createBooking')),
    pay: fromPromise<{ alreadyPaid: boolean }, { bookingId: number }>(notProvided('pay')),
  },
  guards: {
    noAccount: ({ event }) => !(event as unknown as { output: BookPrepared }).output.account,
    noStay: ({ event }) => !(event as unknown as { output: BookPrepared }).output.stay,
    noGuests: ({ event }) => (event as unknown as { output: BookPrepared }).output.guests === null,
    needsGuests: ({ context }) => context.guests === null,
    available: ({ event }) => (event as unknown as { output: { available: boolean } }).output.available,
    badDay: ({ context, event }) => {
      const day = dayOf(event);
      return day === null || day < context.today!;
    },
    endsStay: ({ context, event }) => {
      const day = dayOf(event)!;
      return (
        context.checkIn !== null &&
        context.checkOut === null &&
        day > context.checkIn &&
        nightsBetween(context.checkIn, day) <= MAX_STAY_NIGHTS
      );
    },
    stayTooLong: ({ context, event }) =>
      context.checkIn !== null && context.checkOut === null && dayOf(event)! > context.checkIn,
    monthInRange: ({ context, event }) => {
      if (event.type !== 'cb.month') return false;
      const month = monthOfId(event.id);
      const first = context.today!.slice(0, 7);
      return (
        /^\d{4}-(0[1-9]|1[0-2])$/.test(month) &&
        month >= first &&
        month <= addMonths(first, CALENDAR_MONTHS_AHEAD)
      );
    },
    typedStay: ({ context, event }) => typedStay(context, event)?.ok === true,
    hasCheckIn: ({ context }) => context.checkIn !== null,
    validGuests: ({ context, event }) => {
      const guests = guestsOf(event);
      return guests !== null && guests >= 1 && guests <= context.listing!.maxGuests;
    },
    accountChoice: ({ event }) =>
      event.type === 'cb.acct' && (event.arg === 'register' || event.arg === 'link'),
    isOurBooking: ({ context, event }) => event.type === 'cb.pay' && event.id === context.booking?.id,
    refused: ({ event }, code: string) => errorOf(event).code === code,
  },
  actions: {
    notice: assign((_, notice: BookNotice) => ({ notice, error: null })),
    clear: assign({ notice: null, error: null }),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
    prepared: assign(({ event }) => {
      const prepared = (event as unknown as { output: BookPrepared }).output;
      return {
        listing: prepared.listing,
        today: prepared.today,
        month: (prepared.stay?.checkIn ?? prepared.today).slice(0, 7),
        checkIn: prepared.stay?.checkIn ?? null,
        checkOut: prepared.stay?.checkOut ?? null,
        guests: prepared.guests,
        notice: prepared.datesGone ? ('datesGone' as const) : null,
        error: null,
      };
    }),
    pickCheckIn: assign(({ event }) => ({
      checkIn: dayOf(event),
      checkOut: null,
      notice: null,
      error: null,
    })),
    pickCheckOut: assign(({ event }) => ({ checkOut: dayOf(event), notice: null, error: null })),
    unpick: assign({ checkIn: null, checkOut: null, notice: null, error: null }),
    typeStay: assign(({ context, event }) => {
      const stay = typedStay(context, event);
      return stay?.ok
        ? {
            checkIn: stay.checkIn,
            checkOut: stay.checkOut,
            month: stay.checkIn.slice(0, 7),
            notice: null,
            error: null,
          }
        : {};
    }),
    badStay: assign(({ context, event }) => {
      const stay = typedStay(context, event);
      return { notice: `dates.${stay && !stay.ok ? stay.problem : 'format'}` as BookNotice, error: null };
    }),
    showMonth: assign(({ event }) => ({
      month: event.type === 'cb.month' ? monthOfId(event.id) : null,
      notice: null,
      error: null,
    })),
    datesTaken: assign({ checkIn: null, checkOut: null, notice: 'datesTaken', error: null }),
    datesRefused: assign(({ event }) => ({
      checkIn: null,
      checkOut: null,
      notice: null,
      error: errorOf(event),
    })),
    setGuests: assign(({ event }) => ({ guests: guestsOf(event), notice: null, error: null })),
    badGuests: assign(({ context, event }) => {
      const guests = guestsOf(event);
      const tooMany = guests !== null && guests > context.listing!.maxGuests;
      return { notice: tooMany ? ('tooManyGuests' as const) : ('badGuests' as const), error: null };
    }),
    chooseAccount: assign({
      accountFlow: ({ event }) => (event.type === 'cb.acct' && event.arg === 'link' ? 'link' : 'register'),
    }),
  },
}).createMachine({
  id: 'book',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: BookOutput }).output,
  initial: 'preparing',
  context: ({ input }) => ({
    // A handoff without a listing (a bug elsewhere) is refused by the domain, not here.
    request: {
      listingId: input?.listingId ?? 0,
      checkIn: input?.checkIn ?? null,
      checkOut: input?.checkOut ?? null,
      guests: input?.guests ?? null,
      returnTo: input?.returnTo ?? null,
    },
    listing: null,
    today: null,
    month: null,
    checkIn: null,
    checkOut: null,
    guests: null,
    booking: null,
    accountFlow: null,
    alreadyPaid: false,
    notice: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    preparing: {
      invoke: {
        src: 'prepare',
        input: ({ context }) => context.request,
        onDone: [
          { guard: 'noAccount', target: 'needAccount', actions: 'prepared' },
          { guard: 'noStay', target: 'askDates', actions: 'prepared' },
          { guard: 'noGuests', target: 'askGuests', actions: 'prepared' },
          { target: 'confirm', actions: 'prepared' },
        ],
        onError: { target: 'unavailable', actions: 'rememberError' },
      },
    },
    needAccount: {
      on: {
        'cb.acct': { guard: 'accountChoice', target: 'toAccount', actions: 'chooseAccount' },
        BACK: 'back',
        TEXT: { actions: { type: 'notice', params: 'useButtons' } },
      },
    },
    askDates: {
      on: {
        'cb.day': [
          { guard: 'badDay', actions: { type: 'notice', params: 'dates.past' } },
          { guard: 'endsStay', target: 'checkingDates', actions: 'pickCheckOut' },
          { guard: 'stayTooLong', actions: { type: 'notice', params: 'dates.tooLong' } },
          { actions: 'pickCheckIn' },
        ],
        'cb.month': { guard: 'monthInRange', actions: 'showMonth' },
        TEXT: [{ guard: 'typedStay', target: 'checkingDates', actions: 'typeStay' }, { actions: 'badStay' }],
        BACK: [{ guard: 'hasCheckIn', actions: 'unpick' }, { target: 'back' }],
      },
    },
    checkingDates: {
      invoke: {
        src: 'checkDates',
        input: ({ context }) => ({
          listingId: context.request.listingId,
          checkIn: context.checkIn!,
          checkOut: context.checkOut!,
        }),
        onDone: [
          { guard: and(['available', 'needsGuests']), target: 'askGuests' },
          { guard: 'available', target: 'confirm' },
          { target: 'askDates', actions: 'datesTaken' },
        ],
        onError: { target: 'askDates', actions: 'datesRefused' },
      },
    },
    askGuests: {
      on: {
        TEXT: [{ guard: 'validGuests', target: 'confirm', actions: 'setGuests' }, { actions: 'badGuests' }],
        BACK: { target: 'askDates', actions: 'unpick' },
      },
    },
    confirm: {
      on: {
        CONFIRM: { target: 'creating', actions: 'clear' },
        BACK: { target: 'askGuests', actions: 'clear' },
        TEXT: { actions: { type: 'notice', params: 'useButtons' } },
      },
    },
    creating: {
      invoke: {
        src: 'createBooking',
        input: ({ context }) => ({
          listingId: context.request.listingId,
          checkIn: context.checkIn!,
          checkOut: context.checkOut!,
          guests: context.guests!,
        }),
        onDone: {
          target: 'awaitingPayment',
          actions: assign({ booking: ({ event }) => event.output, notice: null, error: null }),
        },
        onError: [
          { guard: { type: 'refused', params: 'dates_taken' }, target: 'datesTaken' },
          {
            guard: { type: 'refused', params: 'validation_failed' },
            target: 'askDates',
            actions: 'datesRefused',
          },
          { target: 'unavailable', actions: 'rememberError' },
        ],
      },
    },
    awaitingPayment: {
      on: {
        'cb.pay': { guard: 'isOurBooking', target: 'paying', actions: 'clear' },
        TEXT: { actions: { type: 'notice', params: 'payHint' } },
      },
    },
    paying: {
      invoke: {
        src: 'pay',
        input: ({ context }) => ({ bookingId: context.booking!.id }),
        onDone: {
          target: 'paid',
          actions: assign({ alreadyPaid: ({ event }) => event.output.alreadyPaid }),
        },
        onError: { target: 'payFailed', actions: 'rememberError' },
      },
    },
    toAccount: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'account' as const,
        handoff: {
          flow: context.accountFlow ?? 'register',
          input: { resume: { flow: 'book', input: context.request } },
        },
      }),
    },
    back: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'back' as const, ...withReturn(context) }),
    },
    unavailable: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'unavailable' as const,
        error: context.error?.code ?? 'not_found',
        ...withReturn(context),
      }),
    },
    // Someone else booked the dates meanwhile: back to the results, or to this listing's calendar.
    datesTaken: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'datesTaken' as const,
        handoff: context.request.returnTo ?? {
          flow: 'book',
          input: { listingId: context.request.listingId, guests: context.guests },
        },
      }),
    },
    paid: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'paid' as const,
        alreadyPaid: context.alreadyPaid,
        booking: {
          title: context.listing!.title,
          checkIn: context.checkIn!,
          checkOut: context.checkOut!,
          total: context.booking!.total,
        },
        handoff: MY_BOOKINGS,
      }),
    },
    payFailed: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'payFailed' as const,
        error: context.error?.code ?? 'invalid_state',
        handoff: MY_BOOKINGS,
      }),
    },
    // Before the booking exists Cancel also leads back to where the guest came from.
    cancelled: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'cancelled' as const,
        ...(context.booking ? {} : withReturn(context)),
      }),
    },
  },
});
