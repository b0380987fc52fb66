import { fromPromise } from 'xstate';
import { almatyToday } from '../../domain/dates.ts';
import {
  resumeFor,
  type SearchContext,
  type SearchOutput,
  searchMachine,
} from '../../machines/search.machine.ts';
import type { Flow, ViewContext } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { listingCardOf, RESULTS_PAGE_SIZE, resultsPageOf } from './search/data.ts';
import {
  accountRequiredScreen,
  chooseFilterScreen,
  detailsScreen,
  noResultsScreen,
  resultsScreen,
} from './search/results.ts';
import { amenitiesScreen, cityScreen, datesScreen, guestsScreen, priceScreen } from './search/steps.ts';

type Screen = (context: SearchContext, view: ViewContext) => OutgoingMessage[];

/** The screen of each waiting state. */
const SCREENS: Record<string, Screen> = {
  city: cityScreen,
  dates: datesScreen,
  guests: guestsScreen,
  price: priceScreen,
  amenities: amenitiesScreen,
  results: resultsScreen,
  details: detailsScreen,
  chooseFilter: chooseFilterScreen,
  noResults: noResultsScreen,
  accountRequired: accountRequiredScreen,
};

/** 🔍 Поиск: the search machine with the domain's search, details and favourites. */
export const searchFlow: Flow = {
  id: 'search',
  version: 1,
  audience: 'anyone',
  machine: searchMachine.provide({
    actors: {
      start: fromPromise(async ({ input }) => {
        const { em, domain } = flowServices();
        const today = almatyToday(domain.deps.clock.now());
        const cities = await domain.search.knownCities(em);
        return { cities, today, resume: resumeFor(input.resume, today) };
      }),
      search: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const { filters } = input;
        const pageOf = (page: number) =>
          domain.search.search(em, actor, {
            ...filters,
            amenities: filters.amenities.length > 0 ? filters.amenities : null,
            page,
            pageSize: RESULTS_PAGE_SIZE,
          });
        const found = await pageOf(input.page);
        // A page that is gone (fewer results since): the last page there is.
        const shown = found.items.length === 0 && found.total > 0 ? await pageOf(found.pages) : found;
        return resultsPageOf(shown);
      }),
      details: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        return listingCardOf(await domain.search.details(em, actor, input));
      }),
      addFavorite: fromPromise(({ input }) => {
        const { em, domain, actor } = flowServices();
        return domain.favorites.add(em, actor, input);
      }),
      hasAccount: fromPromise(async () => {
        const { actor } = flowServices();
        return actor !== null && actor.status === 'active';
      }),
    },
  }),
  render(snapshot, view): OutgoingMessage[] {
    const screen = SCREENS[String(snapshot.value)];
    if (!screen) throw new Error(`search: no screen for state ${String(snapshot.value)}`);
    return screen(snapshot.context as SearchContext, view);
  },
  finish(output, { t }) {
    const result = output as SearchOutput;
    if (result.outcome === 'book') return t.search.toBooking;
    if (result.outcome === 'account') return result.flow === 'link' ? t.search.toLink : t.search.toRegister;
    return t.common.cancelled;
  },
};
