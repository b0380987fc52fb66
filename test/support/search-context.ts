import { NO_FILTERS, type SearchContext } from '../../src/machines/search.machine.ts';

/**
 * The search flow's context for rendering its screens directly: no filters,
 * cities Алматы and Астана, today 2026-12-01, the results screen's defaults;
 * `extra` sets the rest.
 */
export const searchContext = (extra: Partial<SearchContext> = {}): SearchContext => ({
  resume: null,
  filters: NO_FILTERS,
  cities: ['Алматы', 'Астана'],
  today: '2026-12-01',
  month: '2026-12',
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
  ...extra,
});
