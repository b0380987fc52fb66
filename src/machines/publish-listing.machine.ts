import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { MenuState } from './paged-list.ts';

/** The listing to offer (handed over by «➕ Добавить объект» once it is saved). */
export interface PublishListingInput {
  listingId?: number;
}

/** The listing as it is now, and the main menu to put back under the offer. */
export interface PublishOffer {
  title: string;
  menu: MenuState;
}

export interface PublishListingContext {
  listingId: number;
  offer: PublishOffer | null;
  error: FlowError | null;
}

export type PublishListingOutput =
  | { outcome: 'published'; title: string }
  | { outcome: 'later' }
  | { outcome: 'refused'; error: string }
  | { outcome: 'cancelled' };

/**
 * The offer after a listing is saved hidden: «🚀 Опубликовать сейчас» or
 * «Позже». The domain may refuse (an inactive agency or account, a listing
 * that is not the realtor's): the offer ends with the reason and the listing
 * stays hidden. The main menu is on screen, so any menu button also moves on.
 */
export const publishListingMachine = setup({
  types: {
    context: {} as PublishListingContext,
    input: {} as PublishListingInput | undefined,
    events: {} as FlowEvent,
    output: {} as PublishListingOutput,
  },
  actors: {
    prepare: fromPromise<PublishOffer, { listingId: number }>(notProvided('prepare')),
    publish: fromPromise<unknown, { listingId: number }>(notProvided('publish')),
  },
  guards: {
    thisListing: ({ context, event }) => event.type === 'cb.publish' && event.id === context.listingId,
  },
  actions: {
    prepared: assign({ offer: ({ event }) => (event as unknown as { output: PublishOffer }).output }),
    rememberError: assign({ error: ({ event }) => errorOf(event) }),
  },
}).createMachine({
  id: 'publishListing',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: PublishListingOutput }).output,
  initial: 'preparing',
  // A handoff without a listing (a bug elsewhere) is refused by the domain, not here.
  context: ({ input }) => ({ listingId: input?.listingId ?? 0, offer: null, error: null }),
  on: { CANCEL: '.cancelled' },
  states: {
    preparing: {
      invoke: {
        src: 'prepare',
        input: ({ context }) => ({ listingId: context.listingId }),
        onDone: { target: 'offer', actions: 'prepared' },
        onError: { target: 'refused', actions: 'rememberError' },
      },
    },
    offer: {
      on: {
        'cb.publish': { guard: 'thisListing', target: 'publishing' },
        'cb.close': 'later',
      },
    },
    publishing: {
      invoke: {
        src: 'publish',
        input: ({ context }) => ({ listingId: context.listingId }),
        onDone: 'published',
        onError: { target: 'refused', actions: 'rememberError' },
      },
    },
    published: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'published' as const, title: context.offer?.title ?? '' }),
    },
    later: { type: 'final', output: { outcome: 'later' as const } },
    refused: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'refused' as const, error: context.error?.code ?? 'forbidden' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
