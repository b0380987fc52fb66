import { fromPromise } from 'xstate';
import { requireRole } from '../../domain/actor.ts';
import {
  type AddListingContext,
  type AddListingOutput,
  addListingMachine,
} from '../../machines/add-listing.machine.ts';
import type { Flow, ViewContext } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText } from './keyboards.ts';
import { chooseFieldScreen, previewScreen } from './listings/add-listing-preview.ts';
import {
  amenitiesScreen,
  cityScreen,
  descriptionScreen,
  guestsScreen,
  photoScreen,
  priceScreen,
  titleScreen,
} from './listings/add-listing-steps.ts';

/** City buttons offered at most; any other city is typed. */
const MAX_CITY_BUTTONS = 12;

type Screen = (context: AddListingContext, view: ViewContext) => OutgoingMessage[];

/** The screen of each waiting state. */
const SCREENS: Record<string, Screen> = {
  title: titleScreen,
  city: cityScreen,
  price: priceScreen,
  guests: guestsScreen,
  description: descriptionScreen,
  amenities: amenitiesScreen,
  photo: photoScreen,
  preview: previewScreen,
  chooseField: chooseFieldScreen,
};

/** «➕ Добавить объект»: the wizard with the domain's cities and `listings.create`. */
export const addListingFlow: Flow = {
  id: 'addListing',
  version: 1,
  audience: 'account',
  machine: addListingMachine.provide({
    actors: {
      start: fromPromise(async () => {
        const { em, domain, actor } = flowServices();
        // Only realtors add listings: anyone else is told at once, not after seven steps.
        requireRole(actor, 'realtor');
        const cities = await domain.search.knownCities(em);
        return { cities: cities.slice(0, MAX_CITY_BUTTONS) };
      }),
      save: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const listing = await domain.listings.create(em, actor, input);
        const unread = await domain.notifications.unreadCount(em, actor);
        return { listingId: listing.id, title: listing.title, menu: { role: actor!.role, unread } };
      }),
    },
  }),
  render(snapshot, view): OutgoingMessage[] {
    const screen = SCREENS[String(snapshot.value)];
    if (!screen) throw new Error(`addListing: no screen for state ${String(snapshot.value)}`);
    return screen(snapshot.context as AddListingContext, view);
  },
  finish(output, { t }) {
    const result = output as AddListingOutput;
    if (result.outcome === 'saved') return t.addListing.saved;
    if (result.outcome === 'failed') return errorText(t, result.error);
    return t.common.cancelled;
  },
};
