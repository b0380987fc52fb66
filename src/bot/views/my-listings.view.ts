import { fromPromise } from 'xstate';
import { almatyToday } from '../../domain/dates.ts';
import {
  MY_LISTINGS_PAGE_SIZE,
  type MyListingsContext,
  type MyListingsOutput,
  myListingsMachine,
} from '../../machines/my-listings.machine.ts';
import type { Flow, ViewContext } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText } from './keyboards.ts';
import { bookingMessage, calendarMessage, confirmUnblockMessage } from './listings/calendar-screens.ts';
import {
  cardMessage,
  chooseFieldMessage,
  confirmUnpublishMessage,
  editAmenitiesScreen,
  editTextScreen,
} from './listings/card-screens.ts';
import { headMessage, listMessage } from './listings/list-screens.ts';
import { bookingBriefOf, calendarPageOf, ownCardOf, ownListingsPageOf } from './listings/listing-data.ts';
import { pageOrLast } from './paging.ts';

type Screen = (context: MyListingsContext, view: ViewContext) => OutgoingMessage;

/** The inline screens: each comes under the same head message, so presses edit it in place. */
const INLINE_SCREENS: Record<string, Screen> = {
  list: (context, { t }) => listMessage(t, context),
  card: (context, view) => cardMessage(view, context),
  confirmUnpublish: (context, { t }) => confirmUnpublishMessage(t, context),
  chooseField: (context, { t }) => chooseFieldMessage(t, context),
  calendar: (context, view) => calendarMessage(view, context),
  booking: (context, { t }) => bookingMessage(t, context),
  confirmUnblock: (context, { t }) => confirmUnblockMessage(t, context),
};

/** The owner's card, fresh from the domain. */
async function loadCard(listingId: number) {
  const { em, domain, actor } = flowServices();
  return ownCardOf(await domain.listings.get(em, actor, { listingId }));
}

/** «🏘 Мои объекты»: the realtor's listings, their cards, editor and calendar. */
export const myListingsFlow: Flow = {
  id: 'myListings',
  version: 1,
  audience: 'account',
  machine: myListingsMachine.provide({
    actors: {
      load: fromPromise(async ({ input }) => {
        if (input.listingId) return { list: null, card: await loadCard(input.listingId) };
        const { em, domain, actor } = flowServices();
        const page = await pageOrLast(input.page, (page) =>
          domain.listings.listOwn(em, actor, { page, pageSize: MY_LISTINGS_PAGE_SIZE }),
        );
        return { list: ownListingsPageOf(page), card: null };
      }),
      getCard: fromPromise(({ input }) => loadCard(input.listingId)),
      setPublished: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        return ownCardOf(await domain.listings.setPublished(em, actor, input));
      }),
      save: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        await domain.listings.update(em, actor, { listingId: input.listingId, ...input.change });
        return loadCard(input.listingId);
      }),
      loadMonth: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const today = almatyToday(domain.deps.clock.now());
        const month = await domain.calendar.month(em, actor, {
          listingId: input.listingId,
          month: input.month ?? today.slice(0, 7),
        });
        const blocks = await domain.calendar.blocks(em, actor, { listingId: input.listingId });
        return calendarPageOf(month, blocks, today);
      }),
      getBooking: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        return bookingBriefOf(await domain.bookings.get(em, actor, input));
      }),
      removeBlock: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        await domain.calendar.removeBlock(em, actor, input);
        return null;
      }),
    },
  }),
  render(snapshot, view): OutgoingMessage[] {
    const context = snapshot.context as MyListingsContext;
    const state = String(snapshot.value);
    if (state === 'editText') return editTextScreen(view.t, context);
    if (state === 'editAmenities') return editAmenitiesScreen(view.t, context);
    const screen = INLINE_SCREENS[state];
    if (!screen) throw new Error(`myListings: no screen for state ${state}`);
    return [headMessage(view.t), screen(context, view)];
  },
  finish(output, { t }) {
    const result = output as MyListingsOutput;
    if (result.outcome === 'blockDates') return t.myListings.toBlock;
    if (result.outcome === 'failed') return errorText(t, result.error);
    return t.common.cancelled;
  },
};
