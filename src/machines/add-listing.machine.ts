import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { type Amenity, isAmenity } from '../domain/amenities.ts';
import { toggledAmenities } from './amenity-draft.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';
import { LISTING_KEY, type ListingNotice, readAnswer, type TypedField } from './listing-answers.ts';
import type { PublishListingInput } from './publish-listing.machine.ts';

/** The fields a realtor can go back to from the preview, named as the wizard's steps. */
export const LISTING_FIELDS = [
  'title',
  'city',
  'price',
  'guests',
  'description',
  'amenities',
  'photo',
] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];

/** The listing as typed so far; null until its step is answered. */
export interface ListingDraft {
  title: string | null;
  city: string | null;
  pricePerNight: number | null;
  maxGuests: number | null;
  description: string | null;
  amenities: Amenity[];
  /** Telegram file id of the photo; null for none. */
  photoFileId: string | null;
}

/** A complete draft, as the domain's `listings.create` takes it. */
export interface NewListing {
  title: string;
  city: string;
  pricePerNight: number;
  maxGuests: number;
  description: string;
  amenities: Amenity[];
  photoFileId: string | null;
}

/** What saving returns: the new listing. */
export interface SavedListing {
  listingId: number;
  title: string;
}

export interface AddListingContext {
  draft: ListingDraft;
  /** Cities offered as buttons (those with listings, or the default list). */
  cities: string[];
  /** The amenities ticked on the amenities step, until «Готово». */
  draftAmenities: Amenity[];
  /** A step opened from the preview: an answer (or Back) returns to the preview. */
  editing: boolean;
  notice: ListingNotice | null;
  /** How many characters the refused answer had (shown with "too long / too short"). */
  typed: number | null;
  error: FlowError | null;
  /** The listing once created. */
  saved: SavedListing | null;
}

export type AddListingOutput =
  | { outcome: 'saved'; listingId: number; title: string; handoff: Handoff }
  | { outcome: 'failed'; error: string }
  | { outcome: 'cancelled' };

const EMPTY_DRAFT: ListingDraft = {
  title: null,
  city: null,
  pricePerNight: null,
  maxGuests: null,
  description: null,
  amenities: [],
  photoFileId: null,
};

const textOf = (event: FlowEvent) => (event.type === 'TEXT' ? event.text : '');
const argOf = (event: FlowEvent) => ('arg' in event ? event.arg : undefined);
const clear = { notice: null, typed: null, error: null } as const;

/** The draft as the domain takes it (every step answered before the preview). */
export function newListingOf(draft: ListingDraft): NewListing {
  return {
    title: draft.title ?? '',
    city: draft.city ?? '',
    pricePerNight: draft.pricePerNight ?? 0,
    maxGuests: draft.maxGuests ?? 0,
    description: draft.description ?? '',
    amenities: draft.amenities,
    photoFileId: draft.photoFileId,
  };
}

/** Picking a field on «Изменить поле»: its step, in editing mode. */
const pickField = LISTING_FIELDS.map((field) => ({
  guard: { type: 'fieldIs' as const, params: field },
  target: field,
  actions: 'startEditing' as const,
}));

/**
 * «➕ Добавить объект»: title → city → price per night → max guests →
 * description → amenities → optional photo → preview. Every typed answer is
 * checked with the domain's schema; a bad one is explained and the step stays.
 * From the preview: Save (the listing is created hidden and the conversation
 * passes to the publish offer), Edit one field (its step, then back to the
 * preview), Back, Cancel.
 */
export const addListingMachine = setup({
  types: {
    context: {} as AddListingContext,
    events: {} as FlowEvent,
    output: {} as AddListingOutput,
  },
  actors: {
    start: fromPromise<{ cities: string[] }, void>(notProvided('start')),
    save: fromPromise<SavedListing, NewListing>(notProvided('save')),
  },
  guards: {
    editing: ({ context }) => context.editing,
    hasPhoto: ({ context }) => context.draft.photoFileId !== null,
    valid: ({ event }, field: TypedField) => 'value' in readAnswer[field](textOf(event)),
    validWhileEditing: ({ context, event }, field: TypedField) =>
      context.editing && 'value' in readAnswer[field](textOf(event)),
    amenity: ({ event }) => isAmenity(argOf(event) ?? ''),
    fieldIs: ({ event }, field: ListingField) => argOf(event) === field,
  },
  actions: {
    clear: assign(clear),
    stopEditing: assign({ ...clear, editing: false }),
    startEditing: assign({ ...clear, editing: true }),
    set: assign(({ context, event }, field: TypedField) => {
      const answer = readAnswer[field](textOf(event));
      if (!('value' in answer)) return {};
      return { ...clear, editing: false, draft: { ...context.draft, [LISTING_KEY[field]]: answer.value } };
    }),
    refuse: assign(({ event }, field: TypedField) => {
      const answer = readAnswer[field](textOf(event));
      return {
        ...clear,
        notice: 'notice' in answer ? answer.notice : null,
        typed: textOf(event).trim().length,
      };
    }),
    started: assign({
      cities: ({ event }) => (event as unknown as { output: { cities: string[] } }).output.cities,
    }),
    openAmenities: assign({ draftAmenities: ({ context }) => context.draft.amenities }),
    toggleAmenity: assign({
      ...clear,
      draftAmenities: ({ context, event }) =>
        toggledAmenities(context.draftAmenities, argOf(event) as Amenity),
    }),
    commitAmenities: assign({
      ...clear,
      editing: false,
      draft: ({ context }) => ({ ...context.draft, amenities: context.draftAmenities }),
    }),
    setPhoto: assign({
      ...clear,
      editing: false,
      draft: ({ context, event }) => ({
        ...context.draft,
        photoFileId: event.type === 'PHOTO' ? event.fileId : context.draft.photoFileId,
      }),
    }),
    dropPhoto: assign({
      ...clear,
      editing: false,
      draft: ({ context }) => ({ ...context.draft, photoFileId: null }),
    }),
    photoExpected: assign({ ...clear, notice: 'photoExpected' as const }),
    rememberError: assign({ ...clear, error: ({ event }) => errorOf(event) }),
    rememberSaved: assign({ saved: ({ event }) => (event as unknown as { output: SavedListing }).output }),
  },
}).createMachine({
  id: 'addListing',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: AddListingOutput }).output,
  initial: 'starting',
  context: {
    draft: EMPTY_DRAFT,
    cities: [],
    draftAmenities: [],
    editing: false,
    notice: null,
    typed: null,
    error: null,
    saved: null,
  },
  on: { CANCEL: '.cancelled' },
  states: {
    starting: {
      invoke: {
        src: 'start',
        onDone: { target: 'title', actions: 'started' },
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    title: {
      on: {
        TEXT: [
          {
            guard: { type: 'validWhileEditing', params: 'title' },
            target: 'preview',
            actions: { type: 'set', params: 'title' },
          },
          {
            guard: { type: 'valid', params: 'title' },
            target: 'city',
            actions: { type: 'set', params: 'title' },
          },
          { actions: { type: 'refuse', params: 'title' } },
        ],
        BACK: { guard: 'editing', target: 'preview', actions: 'stopEditing' },
      },
    },
    city: {
      on: {
        TEXT: [
          {
            guard: { type: 'validWhileEditing', params: 'city' },
            target: 'preview',
            actions: { type: 'set', params: 'city' },
          },
          {
            guard: { type: 'valid', params: 'city' },
            target: 'price',
            actions: { type: 'set', params: 'city' },
          },
          { actions: { type: 'refuse', params: 'city' } },
        ],
        BACK: [
          { guard: 'editing', target: 'preview', actions: 'stopEditing' },
          { target: 'title', actions: 'clear' },
        ],
      },
    },
    price: {
      on: {
        TEXT: [
          {
            guard: { type: 'validWhileEditing', params: 'price' },
            target: 'preview',
            actions: { type: 'set', params: 'price' },
          },
          {
            guard: { type: 'valid', params: 'price' },
            target: 'guests',
            actions: { type: 'set', params: 'price' },
          },
          { actions: { type: 'refuse', params: 'price' } },
        ],
        BACK: [
          { guard: 'editing', target: 'preview', actions: 'stopEditing' },
          { target: 'city', actions: 'clear' },
        ],
      },
    },
    guests: {
      on: {
        TEXT: [
          {
            guard: { type: 'validWhileEditing', params: 'guests' },
            target: 'preview',
            actions: { type: 'set', params: 'guests' },
          },
          {
            guard: { type: 'valid', params: 'guests' },
            target: 'description',
            actions: { type: 'set', params: 'guests' },
          },
          { actions: { type: 'refuse', params: 'guests' } },
        ],
        BACK: [
          { guard: 'editing', target: 'preview', actions: 'stopEditing' },
          { target: 'price', actions: 'clear' },
        ],
      },
    },
    description: {
      on: {
        TEXT: [
          {
            guard: { type: 'validWhileEditing', params: 'description' },
            target: 'preview',
            actions: { type: 'set', params: 'description' },
          },
          {
            guard: { type: 'valid', params: 'description' },
            target: 'amenities',
            actions: { type: 'set', params: 'description' },
          },
          { actions: { type: 'refuse', params: 'description' } },
        ],
        BACK: [
          { guard: 'editing', target: 'preview', actions: 'stopEditing' },
          { target: 'guests', actions: 'clear' },
        ],
      },
    },
    amenities: {
      // The toggles start from what the draft has, however the step is reached.
      entry: 'openAmenities',
      on: {
        'cb.amen': { guard: 'amenity', actions: 'toggleAmenity' },
        'cb.done': [
          { guard: 'editing', target: 'preview', actions: 'commitAmenities' },
          { target: 'photo', actions: 'commitAmenities' },
        ],
        BACK: [
          { guard: 'editing', target: 'preview', actions: 'stopEditing' },
          { target: 'description', actions: 'clear' },
        ],
      },
    },
    photo: {
      on: {
        PHOTO: { target: 'preview', actions: 'setPhoto' },
        // «Пропустить» on the way, «Убрать фото» when there is one: no photo either way.
        SKIP: { target: 'preview', actions: 'dropPhoto' },
        // «Оставить фото»: back on this step with a photo already sent (Back from the preview).
        CONFIRM: { guard: 'hasPhoto', target: 'preview', actions: 'stopEditing' },
        TEXT: { actions: 'photoExpected' },
        BACK: [
          { guard: 'editing', target: 'preview', actions: 'stopEditing' },
          { target: 'amenities', actions: 'clear' },
        ],
      },
    },
    preview: {
      on: {
        CONFIRM: { target: 'saving', actions: 'clear' },
        EDIT: { target: 'chooseField', actions: 'clear' },
        BACK: { target: 'photo', actions: 'clear' },
      },
    },
    chooseField: {
      on: {
        'cb.field': pickField,
        BACK: { target: 'preview', actions: 'clear' },
      },
    },
    saving: {
      invoke: {
        src: 'save',
        input: ({ context }) => newListingOf(context.draft),
        onDone: { target: 'saved', actions: 'rememberSaved' },
        onError: { target: 'preview', actions: 'rememberError' },
      },
    },
    saved: {
      type: 'final',
      output: ({ context }) => {
        const saved = context.saved!;
        const offer: PublishListingInput = { listingId: saved.listingId };
        return {
          outcome: 'saved' as const,
          listingId: saved.listingId,
          title: saved.title,
          handoff: { flow: 'publishListing', input: offer },
        };
      },
    },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, error: context.error?.code ?? 'forbidden' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
