import type { AnyEventObject, AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { searchFlow } from '../../src/bot/views/search.view.ts';
import { AccountRequired, NotFound, ValidationFailed } from '../../src/domain/errors.ts';
import {
  type ListingCard,
  NO_FILTERS,
  type ResultsPage,
  type SearchContext,
  type SearchStart,
  searchMachine,
} from '../../src/machines/search.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';

const script = new ActorScript();
// Typed loosely: the model sends it events of every kind and restores it from JSON.
const machine: AnyStateMachine = searchMachine.provide({
  actors: {
    start: script.promise('start'),
    search: script.promise('search'),
    details: script.promise('details'),
    addFavorite: script.promise('addFavorite'),
    hasAccount: script.promise('hasAccount'),
  },
});

const TODAY = '2026-12-01';
const cities = ['Алматы', 'Астана'];
const start = (resume: SearchStart['resume']): SearchStart => ({ cities, today: TODAY, resume });

const found: ResultsPage = {
  page: 1,
  pages: 2,
  total: 6,
  items: [
    {
      listingId: 7,
      title: 'Студия у Медеу',
      city: 'Алматы',
      pricePerNight: 15_000,
      nights: null,
      total: null,
      ratingAvg: 4.5,
      ratingCount: 2,
    },
  ],
};
const nothing: ResultsPage = { page: 1, pages: 1, total: 0, items: [] };
const card: ListingCard = {
  listingId: 7,
  title: 'Студия у Медеу',
  city: 'Алматы',
  address: null,
  pricePerNight: 15_000,
  maxGuests: 3,
  description: 'Светлая студия с видом на горы.',
  amenities: ['wifi'],
  ratingAvg: 4.5,
  ratingCount: 2,
  reviews: [{ rating: 5, text: 'Отлично', authorName: 'Алия', date: '2026-11-20' }],
  nights: null,
  total: null,
  available: null,
};

/**
 * What a person can do and what the domain can answer. One value per kind of
 * answer keeps the model finite: every transition is reachable with these.
 */
const events: AnyEventObject[] = [
  doneEvent(machine, 'starting', start(null)),
  doneEvent(machine, 'starting', start({ filters: NO_FILTERS, page: 1 })),
  doneEvent(machine, 'starting', start({ filters: NO_FILTERS, listingId: 7 })),
  { type: 'TEXT', text: 'алматы' },
  { type: 'TEXT', text: '05.12–08.12' },
  { type: 'TEXT', text: '2' },
  { type: 'TEXT', text: '20 000' },
  { type: 'SKIP' },
  { type: 'BACK' },
  { type: 'EDIT' },
  { type: 'CANCEL' },
  { type: 'CONFIRM' },
  { type: 'cb.month', id: 202701 },
  { type: 'cb.month', id: 202611 },
  { type: 'cb.day', id: 20261130 },
  { type: 'cb.day', id: 20261205 },
  { type: 'cb.day', id: 20261208 },
  { type: 'cb.day', id: 20270310 },
  { type: 'cb.price', id: 1 },
  { type: 'cb.price', id: 0 },
  { type: 'cb.amen', id: 0, arg: 'wifi' },
  { type: 'cb.done', id: 0 },
  { type: 'cb.filter', id: 0, arg: 'city' },
  { type: 'cb.filter', id: 0, arg: 'dates' },
  { type: 'cb.filter', id: 0, arg: 'guests' },
  { type: 'cb.filter', id: 0, arg: 'price' },
  { type: 'cb.filter', id: 0, arg: 'amenities' },
  { type: 'cb.page', id: 2 },
  { type: 'cb.more', id: 7 },
  { type: 'cb.book', id: 7 },
  { type: 'cb.fav', id: 7 },
  { type: 'cb.acct', id: 0, arg: 'register' },
  { type: 'cb.acct', id: 0, arg: 'link' },
  doneEvent(machine, 'searching', found),
  doneEvent(machine, 'searching', nothing),
  errorEvent(machine, 'searching', new ValidationFailed([{ field: 'checkIn', message: 'in the past' }])),
  doneEvent(machine, 'loadingDetails', card),
  errorEvent(machine, 'loadingDetails', new NotFound('listing', 7)),
  doneEvent(machine, 'addingFavorite', { added: true }),
  doneEvent(machine, 'addingFavorite', { added: false }),
  errorEvent(machine, 'addingFavorite', new AccountRequired()),
  errorEvent(machine, 'addingFavorite', new NotFound('listing', 7)),
  doneEvent(machine, 'checkingAccount', true),
  doneEvent(machine, 'checkingAccount', false),
];

// ---------------------------------------------------------------- the model
//
// The search machine carries the filters chosen so far through every later
// state, so its full (state, context) graph is the product of every way of
// answering every step: far too many paths to drive. No guard reads a
// filter's value, so the model tells snapshots apart by what guards and
// outputs do read (the state, editing, where Book/Favourite was pressed, a
// pending check-in, the account flow, the notice shown) and each transition
// still gets driven from a real snapshot: `describeFlowModel`'s checks with
// this key.

function vertexKey(snapshot: AnyMachineSnapshot): string {
  const context = snapshot.context as SearchContext;
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    editing: context.editing,
    origin: context.origin,
    pending: context.pendingCheckIn,
    accountFlow: context.accountFlow,
    notice: context.notice,
    flash: context.flash,
    error: context.error?.code ?? null,
    hasDetails: context.details !== null,
  });
}

describeFlowModel({
  flow: searchFlow,
  machine,
  script,
  events,
  key: vertexKey,
  timeout: 120_000,
});
