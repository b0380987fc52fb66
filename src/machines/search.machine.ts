import { and, assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { parseDateRange } from '../bot/parse/date-range.ts';
import { parseTenge } from '../bot/parse/money.ts';
import { dateOfDayId, monthOfId } from '../bot/views/calendar-keyboard.ts';
import { type Amenity, isAmenity } from '../domain/amenities.ts';
import { cityKey } from '../domain/cities.ts';
import { isIsoDate, nightsBetween } from '../domain/dates.ts';
import { MAX_PRICE_PER_NIGHT } from '../domain/listings/fields.ts';
import { MAX_STAY_NIGHTS } from '../domain/listings/stay.ts';
import { toggledAmenities } from './amenity-draft.ts';
import { clampMonth, DATE_NOTICES } from './calendar-dates.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';

/** What the guest looks for; null (or no amenities) = any. Plain JSON, carried through handoffs. */
export interface SearchFilters {
  city: string | null;
  checkIn: string | null;
  checkOut: string | null;
  guests: number | null;
  priceMin: number | null;
  priceMax: number | null;
  amenities: Amenity[];
}

export const NO_FILTERS: SearchFilters = {
  city: null,
  checkIn: null,
  checkOut: null,
  guests: null,
  priceMin: null,
  priceMax: null,
  amenities: [],
};

/** The filters the guest can change one by one from the results. */
export const FILTER_NAMES = ['city', 'dates', 'guests', 'price', 'amenities'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Nightly price ranges offered as buttons (tenge); id 0 is «any». */
export const PRICE_PRESETS: readonly { id: number; min: number | null; max: number | null }[] = [
  { id: 1, min: null, max: 15_000 },
  { id: 2, min: 15_000, max: 25_000 },
  { id: 3, min: 25_000, max: 40_000 },
  { id: 4, min: 40_000, max: null },
];

export const MAX_GUESTS = 50;

/** One listing of a results page, as the results message shows it. */
export interface ResultItem {
  listingId: number;
  title: string;
  city: string;
  pricePerNight: number;
  nights: number | null;
  total: number | null;
  ratingAvg: number;
  ratingCount: number;
  /** The listing has a photo (marked 📷 in the list); absent = none. */
  photo?: true;
}

export interface ResultsPage {
  items: ResultItem[];
  page: number;
  pages: number;
  total: number;
}

/** The full card of a listing («Подробнее»), trimmed to what a message can hold. */
export interface ListingCard {
  listingId: number;
  title: string;
  city: string;
  address: string | null;
  pricePerNight: number;
  maxGuests: number;
  description: string;
  amenities: Amenity[];
  ratingAvg: number;
  ratingCount: number;
  reviews: { rating: number; text: string; authorName: string; date: string }[];
  /** Telegram file id of the listing's photo, sent with the card as its caption; absent = none. */
  photoFileId?: string;
  nights: number | null;
  total: number | null;
  available: boolean | null;
}

/** Where a search picks up again (after registration, or back from booking). */
export interface SearchResume {
  filters: SearchFilters;
  listingId?: number;
  page?: number;
}

export interface SearchInput {
  resume?: SearchResume | null;
}

/** What the start call gives: the cities to offer, today in Almaty, the resume checked against it. */
export interface SearchStart {
  cities: string[];
  today: string;
  resume: SearchResume | null;
}

export type SearchNotice =
  | 'unknownCity'
  | 'datesFormat'
  | 'datesOrder'
  | 'datesPast'
  | 'datesTooLong'
  | 'badGuests'
  | 'badPrice';

export type SearchFlash = 'favoriteAdded' | 'favoriteAlready';

export interface SearchContext {
  /** The start call's input, until it ran. */
  resume: SearchResume | null;
  filters: SearchFilters;
  cities: string[];
  /** Today in Almaty when the search started (typed dates and the calendar count from it). */
  today: string;
  /** The calendar page shown, `YYYY-MM`. */
  month: string;
  /** A check-in picked in the calendar, waiting for its check-out. */
  pendingCheckIn: string | null;
  /** The amenities ticked on the amenities step, until «Готово». */
  draftAmenities: Amenity[];
  /** A step opened from the results to change one filter: it returns to the results. */
  editing: boolean;
  page: number;
  results: ResultsPage | null;
  /** The listing opened, booked or favourited last. */
  listingId: number | null;
  details: ListingCard | null;
  /** Where Favourite/Book was pressed, to return there. */
  origin: 'results' | 'details';
  /** The account flow chosen when one is needed. */
  accountFlow: 'register' | 'link' | null;
  notice: SearchNotice | null;
  flash: SearchFlash | null;
  error: FlowError | null;
}

export type SearchOutput =
  | { outcome: 'book'; handoff: Handoff }
  | { outcome: 'account'; flow: 'register' | 'link'; handoff: Handoff }
  | { outcome: 'cancelled' };

type DayEvent = { type: 'cb.day'; id: number };

const dayOf = (event: FlowEvent) => dateOfDayId((event as DayEvent).id);
const textOf = (event: FlowEvent) => (event.type === 'TEXT' ? event.text : '');
const argOf = (event: FlowEvent) => ('arg' in event ? event.arg : undefined);
const idOf = (event: FlowEvent) => ('id' in event ? event.id : -1);

function matchCity(text: string, cities: string[]): string | null {
  const key = cityKey(text);
  return key ? (cities.find((city) => cityKey(city) === key) ?? null) : null;
}

/** A typed number of guests: a whole number from 1 to 50. */
export function parseGuests(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const guests = Number(trimmed);
  return guests >= 1 && guests <= MAX_GUESTS ? guests : null;
}

/** A typed nightly maximum in tenge, within what a listing may ask. */
export function parseMaxPrice(text: string): number | null {
  const amount = parseTenge(text);
  return amount !== null && amount <= MAX_PRICE_PER_NIGHT ? amount : null;
}

/** A `yyyymm` id of a real month. */
const isMonthId = (id: number) => /^\d{4}(0[1-9]|1[0-2])$/.test(String(id));

/** The calendar may page from today's month up to a year ahead. */
const MONTHS_AHEAD = 12;

/**
 * The resume a handoff asked for, made safe against today: dates that have
 * passed meanwhile are dropped (the rest of the search stays).
 */
export function resumeFor(resume: SearchResume | null | undefined, today: string): SearchResume | null {
  if (!resume?.filters) return null;
  const filters = { ...NO_FILTERS, ...resume.filters };
  const stale = !filters.checkIn || !filters.checkOut || filters.checkIn < today;
  const checked = stale ? { ...filters, checkIn: null, checkOut: null } : filters;
  return {
    filters: { ...checked, amenities: (checked.amenities ?? []).filter(isAmenity) },
    ...(resume.listingId ? { listingId: resume.listingId } : {}),
    ...(resume.page && resume.page >= 1 ? { page: resume.page } : {}),
  };
}

const clear = { notice: null, flash: null, error: null } as const;

/**
 * 🔍 Поиск: city → dates → guests → price → amenities → results (5 a page),
 * each step with Back and Cancel (Skip where optional). From the results a
 * single filter can be changed (the others stay), a listing opened, booked
 * (handed to the `book` flow) or added to favourites; without an account
 * Book and Favourite offer registration or linking, which come back here.
 */
/** Picking one filter to change (from the results or from "nothing found"): the others are kept. */
const editFilter = (['city', 'dates', 'guests', 'price', 'amenities'] as const).map((filter) => ({
  guard: { type: 'filterIs' as const, params: filter },
  target: filter,
  actions: 'startEditing' as const,
}));

export const searchMachine = setup({
  types: {
    context: {} as SearchContext,
    input: {} as SearchInput | undefined,
    events: {} as FlowEvent,
    output: {} as SearchOutput,
  },
  actors: {
    start: fromPromise<SearchStart, { resume: SearchResume | null }>(notProvided('start')),
    search: fromPromise<ResultsPage, { filters: SearchFilters; page: number }>(notProvided('search')),
    details: fromPromise<ListingCard, { listingId: number; checkIn: string | null; checkOut: string | null }>(
      notProvided('details'),
    ),
    addFavorite: fromPromise<{ added: boolean }, { listingId: number }>(notProvided('addFavorite')),
    hasAccount: fromPromise<boolean, void>(notProvided('hasAccount')),
  },
  guards: {
    editing: ({ context }) => context.editing,
    resumesListing: ({ event }) =>
      Boolean((event as unknown as { output: SearchStart }).output.resume?.listingId),
    resumesResults: ({ event }) => (event as unknown as { output: SearchStart }).output.resume !== null,
    knownCity: ({ context, event }) => matchCity(textOf(event), context.cities) !== null,
    dayInPast: ({ context, event }) => dayOf(event) < context.today,
    startsStay: ({ context, event }) => !context.pendingCheckIn || dayOf(event) <= context.pendingCheckIn,
    stayTooLong: ({ context, event }) =>
      nightsBetween(context.pendingCheckIn ?? dayOf(event), dayOf(event)) > MAX_STAY_NIGHTS,
    realDay: ({ event }) => isIsoDate(dayOf(event)),
    realMonth: ({ event }) => isMonthId(idOf(event)),
    datesTyped: ({ context, event }) => parseDateRange(textOf(event), context.today, MAX_STAY_NIGHTS).ok,
    guestsTyped: ({ event }) => parseGuests(textOf(event)) !== null,
    priceTyped: ({ event }) => parseMaxPrice(textOf(event)) !== null,
    pricePreset: ({ event }) =>
      idOf(event) === 0 || PRICE_PRESETS.some((preset) => preset.id === idOf(event)),
    amenity: ({ event }) => isAmenity(argOf(event) ?? ''),
    filterIs: ({ event }, name: FilterName) => argOf(event) === name,
    realPage: ({ event }) => idOf(event) >= 1,
    found: ({ event }) => (event as unknown as { output: ResultsPage }).output.total > 0,
    fromDetails: ({ context }) => context.origin === 'details',
    signedIn: ({ event }) => (event as unknown as { output: boolean }).output === true,
    accountFlow: ({ event }) => argOf(event) === 'register' || argOf(event) === 'link',
    refused: ({ event }, code: string) => errorOf(event).code === code,
  },
  actions: {
    clear: assign(clear),
    notice: assign((_, notice: SearchNotice) => ({ ...clear, notice })),
    rememberError: assign({ ...clear, error: ({ event }) => errorOf(event) }),
    started: assign(({ event }) => {
      const { cities, today } = (event as unknown as { output: SearchStart }).output;
      return { cities, today, month: today.slice(0, 7), resume: null };
    }),
    resumed: assign(({ event }) => {
      const { cities, today, resume } = (event as unknown as { output: SearchStart }).output;
      return {
        cities,
        today,
        month: today.slice(0, 7),
        resume: null,
        filters: resume!.filters,
        page: resume!.page ?? 1,
        listingId: resume!.listingId ?? null,
      };
    }),
    firstPage: assign({ page: 1 }),
    setCity: assign({
      ...clear,
      filters: ({ context, event }) => ({
        ...context.filters,
        city: matchCity(textOf(event), context.cities),
      }),
    }),
    clearCity: assign({ ...clear, filters: ({ context }) => ({ ...context.filters, city: null }) }),
    openCalendar: assign({
      pendingCheckIn: null,
      month: ({ context }) => (context.filters.checkIn ?? context.today).slice(0, 7),
    }),
    showMonth: assign({
      ...clear,
      month: ({ context, event }) => clampMonth(monthOfId(idOf(event)), context.today, MONTHS_AHEAD),
    }),
    pickCheckIn: assign({ ...clear, pendingCheckIn: ({ event }) => dayOf(event) }),
    pickCheckOut: assign({
      ...clear,
      filters: ({ context, event }) => ({
        ...context.filters,
        checkIn: context.pendingCheckIn,
        checkOut: dayOf(event),
      }),
      pendingCheckIn: null,
    }),
    setTypedDates: assign({
      ...clear,
      filters: ({ context, event }) => {
        const parsed = parseDateRange(textOf(event), context.today, MAX_STAY_NIGHTS);
        return parsed.ok
          ? { ...context.filters, checkIn: parsed.checkIn, checkOut: parsed.checkOut }
          : context.filters;
      },
      pendingCheckIn: null,
    }),
    datesNotice: assign(({ context, event }) => {
      const parsed = parseDateRange(textOf(event), context.today, MAX_STAY_NIGHTS);
      return { ...clear, notice: parsed.ok ? null : DATE_NOTICES[parsed.problem] };
    }),
    clearDates: assign({
      ...clear,
      filters: ({ context }) => ({ ...context.filters, checkIn: null, checkOut: null }),
      pendingCheckIn: null,
    }),
    setGuests: assign({
      ...clear,
      filters: ({ context, event }) => ({ ...context.filters, guests: parseGuests(textOf(event)) }),
    }),
    clearGuests: assign({ ...clear, filters: ({ context }) => ({ ...context.filters, guests: null }) }),
    setPreset: assign({
      ...clear,
      filters: ({ context, event }) => {
        const preset = PRICE_PRESETS.find((candidate) => candidate.id === idOf(event));
        return { ...context.filters, priceMin: preset?.min ?? null, priceMax: preset?.max ?? null };
      },
    }),
    setMaxPrice: assign({
      ...clear,
      filters: ({ context, event }) => ({
        ...context.filters,
        priceMin: null,
        priceMax: parseMaxPrice(textOf(event)),
      }),
    }),
    openAmenities: assign({ draftAmenities: ({ context }) => context.filters.amenities }),
    toggleAmenity: assign({
      ...clear,
      draftAmenities: ({ context, event }) =>
        toggledAmenities(context.draftAmenities, argOf(event) as Amenity),
    }),
    commitAmenities: assign({
      ...clear,
      filters: ({ context }) => ({ ...context.filters, amenities: context.draftAmenities }),
    }),
    clearAmenities: assign({
      ...clear,
      filters: ({ context }) => ({ ...context.filters, amenities: [] }),
      draftAmenities: [],
    }),
    startEditing: assign({ ...clear, editing: true }),
    showResults: assign({
      editing: false,
      results: ({ event }) => (event as unknown as { output: ResultsPage }).output,
      page: ({ event }) => (event as unknown as { output: ResultsPage }).output.page,
    }),
    showNoResults: assign({ editing: false, results: null, page: 1 }),
    goToPage: assign({ ...clear, page: ({ event }) => idOf(event) }),
    rememberListing: assign({ ...clear, listingId: ({ event }) => idOf(event) }),
    from: assign((_, origin: SearchContext['origin']) => ({ origin })),
    showDetails: assign({ details: ({ event }) => (event as unknown as { output: ListingCard }).output }),
    favorited: assign({
      flash: ({ event }) =>
        (event as unknown as { output: { added: boolean } }).output.added
          ? 'favoriteAdded'
          : 'favoriteAlready',
    }),
    chooseAccountFlow: assign({
      accountFlow: ({ event }) => (argOf(event) === 'link' ? 'link' : 'register'),
    }),
  },
}).createMachine({
  id: 'search',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: SearchOutput }).output,
  initial: 'starting',
  context: ({ input }) => ({
    resume: input?.resume ?? null,
    filters: NO_FILTERS,
    cities: [],
    today: '',
    month: '',
    pendingCheckIn: null,
    draftAmenities: [],
    editing: false,
    page: 1,
    results: null,
    listingId: null,
    details: null,
    origin: 'results',
    accountFlow: null,
    notice: null,
    flash: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    starting: {
      invoke: {
        src: 'start',
        input: ({ context }) => ({ resume: context.resume }),
        onDone: [
          { guard: 'resumesListing', target: 'loadingDetails', actions: 'resumed' },
          { guard: 'resumesResults', target: 'searching', actions: 'resumed' },
          { target: 'city', actions: 'started' },
        ],
      },
    },
    city: {
      on: {
        TEXT: [
          { guard: and(['knownCity', 'editing']), target: 'searching', actions: ['setCity', 'firstPage'] },
          { guard: 'knownCity', target: 'dates', actions: 'setCity' },
          { actions: { type: 'notice', params: 'unknownCity' } },
        ],
        SKIP: [
          { guard: 'editing', target: 'searching', actions: ['clearCity', 'firstPage'] },
          { target: 'dates', actions: 'clearCity' },
        ],
        BACK: { guard: 'editing', target: 'searching', actions: 'clear' },
      },
    },
    dates: {
      entry: 'openCalendar',
      on: {
        'cb.month': { guard: 'realMonth', actions: 'showMonth' },
        'cb.day': [
          { guard: 'dayInPast', actions: { type: 'notice', params: 'datesPast' } },
          { guard: and(['realDay', 'startsStay']), actions: 'pickCheckIn' },
          { guard: 'stayTooLong', actions: { type: 'notice', params: 'datesTooLong' } },
          { guard: and(['realDay', 'editing']), target: 'searching', actions: ['pickCheckOut', 'firstPage'] },
          { guard: 'realDay', target: 'guests', actions: 'pickCheckOut' },
        ],
        TEXT: [
          {
            guard: and(['datesTyped', 'editing']),
            target: 'searching',
            actions: ['setTypedDates', 'firstPage'],
          },
          { guard: 'datesTyped', target: 'guests', actions: 'setTypedDates' },
          { actions: 'datesNotice' },
        ],
        SKIP: [
          { guard: 'editing', target: 'searching', actions: ['clearDates', 'firstPage'] },
          { target: 'guests', actions: 'clearDates' },
        ],
        BACK: [
          { guard: 'editing', target: 'searching', actions: 'clear' },
          { target: 'city', actions: 'clear' },
        ],
      },
    },
    guests: {
      on: {
        TEXT: [
          {
            guard: and(['guestsTyped', 'editing']),
            target: 'searching',
            actions: ['setGuests', 'firstPage'],
          },
          { guard: 'guestsTyped', target: 'price', actions: 'setGuests' },
          { actions: { type: 'notice', params: 'badGuests' } },
        ],
        SKIP: [
          { guard: 'editing', target: 'searching', actions: ['clearGuests', 'firstPage'] },
          { target: 'price', actions: 'clearGuests' },
        ],
        BACK: [
          { guard: 'editing', target: 'searching', actions: 'clear' },
          { target: 'dates', actions: 'clear' },
        ],
      },
    },
    price: {
      on: {
        'cb.price': [
          {
            guard: and(['pricePreset', 'editing']),
            target: 'searching',
            actions: ['setPreset', 'firstPage'],
          },
          { guard: 'pricePreset', target: 'amenities', actions: 'setPreset' },
        ],
        TEXT: [
          {
            guard: and(['priceTyped', 'editing']),
            target: 'searching',
            actions: ['setMaxPrice', 'firstPage'],
          },
          { guard: 'priceTyped', target: 'amenities', actions: 'setMaxPrice' },
          { actions: { type: 'notice', params: 'badPrice' } },
        ],
        BACK: [
          { guard: 'editing', target: 'searching', actions: 'clear' },
          { target: 'guests', actions: 'clear' },
        ],
      },
    },
    amenities: {
      entry: 'openAmenities',
      on: {
        'cb.amen': { guard: 'amenity', actions: 'toggleAmenity' },
        'cb.done': { target: 'searching', actions: ['commitAmenities', 'firstPage'] },
        SKIP: { target: 'searching', actions: ['clearAmenities', 'firstPage'] },
        BACK: [
          { guard: 'editing', target: 'searching', actions: 'clear' },
          { target: 'price', actions: 'clear' },
        ],
      },
    },
    searching: {
      invoke: {
        src: 'search',
        input: ({ context }) => ({ filters: context.filters, page: context.page }),
        onDone: [
          { guard: 'found', target: 'results', actions: 'showResults' },
          { target: 'noResults', actions: 'showNoResults' },
        ],
        onError: { target: 'noResults', actions: ['showNoResults', 'rememberError'] },
      },
    },
    results: {
      on: {
        'cb.page': { guard: 'realPage', target: 'searching', actions: 'goToPage' },
        'cb.more': { target: 'loadingDetails', actions: 'rememberListing' },
        'cb.book': {
          target: 'checkingAccount',
          actions: ['rememberListing', { type: 'from', params: 'results' }],
        },
        'cb.fav': {
          target: 'addingFavorite',
          actions: ['rememberListing', { type: 'from', params: 'results' }],
        },
        EDIT: { target: 'chooseFilter', actions: 'clear' },
      },
    },
    chooseFilter: {
      on: {
        'cb.filter': editFilter,
        // Back to the results as they are now (the choice may have come from a resumed card).
        BACK: { target: 'searching', actions: 'clear' },
      },
    },
    // Nothing found: each filter can be changed from here (the search does not start over).
    noResults: {
      on: {
        'cb.filter': editFilter,
      },
    },
    loadingDetails: {
      invoke: {
        src: 'details',
        input: ({ context }) => ({
          listingId: context.listingId!,
          checkIn: context.filters.checkIn,
          checkOut: context.filters.checkOut,
        }),
        onDone: { target: 'details', actions: 'showDetails' },
        // Gone meanwhile (unpublished): back to the results, saying so.
        onError: { target: 'searching', actions: 'rememberError' },
      },
    },
    details: {
      on: {
        'cb.page': { guard: 'realPage', target: 'searching', actions: 'goToPage' },
        'cb.book': {
          target: 'checkingAccount',
          actions: ['rememberListing', { type: 'from', params: 'details' }],
        },
        'cb.fav': {
          target: 'addingFavorite',
          actions: ['rememberListing', { type: 'from', params: 'details' }],
        },
        EDIT: { target: 'chooseFilter', actions: 'clear' },
      },
    },
    addingFavorite: {
      invoke: {
        src: 'addFavorite',
        input: ({ context }) => ({ listingId: context.listingId! }),
        onDone: [
          { guard: 'fromDetails', target: 'details', actions: 'favorited' },
          { target: 'results', actions: 'favorited' },
        ],
        onError: [
          { guard: { type: 'refused', params: 'account_required' }, target: 'accountRequired' },
          { guard: 'fromDetails', target: 'details', actions: 'rememberError' },
          { target: 'results', actions: 'rememberError' },
        ],
      },
    },
    // Booking needs an account: ask before handing over to the `book` flow.
    checkingAccount: {
      invoke: {
        src: 'hasAccount',
        onDone: [{ guard: 'signedIn', target: 'booking' }, { target: 'accountRequired' }],
      },
    },
    accountRequired: {
      on: {
        'cb.acct': { guard: 'accountFlow', target: 'toAccount', actions: 'chooseAccountFlow' },
        BACK: [
          { guard: 'fromDetails', target: 'details', actions: 'clear' },
          { target: 'results', actions: 'clear' },
        ],
      },
    },
    booking: {
      type: 'final',
      output: ({ context }): SearchOutput => {
        const { filters } = context;
        return {
          outcome: 'book',
          handoff: {
            flow: 'book',
            input: {
              listingId: context.listingId!,
              ...(filters.checkIn && filters.checkOut
                ? { checkIn: filters.checkIn, checkOut: filters.checkOut }
                : {}),
              ...(filters.guests ? { guests: filters.guests } : {}),
              returnTo: { flow: 'search', input: { resume: { filters, page: context.page } } },
            },
          },
        };
      },
    },
    toAccount: {
      type: 'final',
      output: ({ context }): SearchOutput => ({
        outcome: 'account',
        flow: context.accountFlow ?? 'register',
        handoff: {
          flow: context.accountFlow ?? 'register',
          input: {
            resume: {
              flow: 'search',
              input: { resume: { filters: context.filters, listingId: context.listingId! } },
            },
          },
        },
      }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
