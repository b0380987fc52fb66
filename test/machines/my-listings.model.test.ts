import type { AnyEventObject, AnyMachineSnapshot } from 'xstate';
import { myListingsFlow } from '../../src/bot/views/my-listings.view.ts';
import { AccountBlocked, AgencyInactive, NotFound, ValidationFailed } from '../../src/domain/errors.ts';
import {
  type BookingBrief,
  type CalendarPage,
  type MyListingsContext,
  type MyListingsLoaded,
  myListingsMachine,
  type OwnListingCard,
  type OwnListingsPage,
} from '../../src/machines/my-listings.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';

const script = new ActorScript();
const machine = myListingsMachine.provide({
  actors: {
    load: script.promise('load'),
    getCard: script.promise('getCard'),
    setPublished: script.promise('setPublished'),
    save: script.promise('save'),
    loadMonth: script.promise('loadMonth'),
    getBooking: script.promise('getBooking'),
    removeBlock: script.promise('removeBlock'),
  },
});

const page: OwnListingsPage = {
  items: [
    {
      id: 7,
      title: 'Студия у Медеу',
      city: 'Алматы',
      pricePerNight: 15_000,
      published: true,
      upcomingBookings: 2,
    },
    {
      id: 8,
      title: 'Апартаменты у EXPO',
      city: 'Астана',
      pricePerNight: 22_000,
      published: false,
      upcomingBookings: 0,
    },
  ],
  page: 1,
  pageSize: 5,
  pages: 2,
  total: 7,
};
/** One listing (id 7) in two conditions: published with guests ahead, and hidden with none. */
const published: OwnListingCard = {
  id: 7,
  title: 'Студия у Медеу',
  city: 'Алматы',
  address: null,
  pricePerNight: 15_000,
  maxGuests: 3,
  description: 'Светлая студия с видом на горы.',
  amenities: ['wifi'],
  photoFileId: null,
  published: true,
  ratingAvg: 4.5,
  ratingCount: 2,
  upcomingBookings: 2,
};
const hidden: OwnListingCard = {
  ...published,
  published: false,
  upcomingBookings: 0,
  photoFileId: 'AgACAgIAAx0',
};
const month: CalendarPage = {
  month: '2026-12',
  today: '2026-12-03',
  days: {
    '2026-12-05': { state: 'booked', id: 41 },
    '2026-12-10': { state: 'blocked', id: 51 },
  },
  blocks: [{ id: 51, startsOn: '2026-12-10', endsOn: '2026-12-11', note: 'Ремонт' }],
};
const booking: BookingBrief = {
  id: 41,
  guestName: 'Алия Серикова',
  guestPhone: '+77010000021',
  checkIn: '2026-12-05',
  checkOut: '2026-12-06',
  nights: 1,
  guests: 2,
  total: 15_000,
  status: 'confirmed',
};
const loaded = (change: Partial<MyListingsLoaded>): MyListingsLoaded => ({
  list: page,
  card: null,
  ...change,
});
const invalid = new ValidationFailed([{ field: 'title', message: 'too short' }]);

/** What a realtor can do and what the domain can answer (one listing, one month, so the model stays finite). */
const events: AnyEventObject[] = [
  doneEvent(machine, 'loading', loaded({})),
  doneEvent(machine, 'loading', loaded({ list: null, card: published })),
  errorEvent(machine, 'loading', new AccountBlocked()),
  { type: 'cb.page', id: 2 },
  { type: 'cb.page', id: 3 },
  { type: 'cb.listing', id: 7 },
  doneEvent(machine, 'loadingCard', published),
  doneEvent(machine, 'loadingCard', hidden),
  errorEvent(machine, 'loadingCard', new NotFound('listing', 7)),
  { type: 'cb.publish', id: 7 },
  { type: 'cb.publish', id: 8 },
  { type: 'cb.unpublish', id: 7 },
  { type: 'cb.unpubok', id: 7 },
  doneEvent(machine, 'publishing', { ...hidden, published: true }),
  errorEvent(machine, 'publishing', new AgencyInactive()),
  doneEvent(machine, 'unpublishing', { ...published, published: false }),
  errorEvent(machine, 'unpublishing', new NotFound('listing', 7)),
  { type: 'cb.ledit', id: 7 },
  { type: 'cb.field', id: 7, arg: 'title' },
  { type: 'cb.field', id: 7, arg: 'amenities' },
  { type: 'cb.field', id: 7, arg: 'photo' },
  { type: 'TEXT', text: 'Ок' },
  { type: 'TEXT', text: 'Студия с видом на горы' },
  { type: 'cb.amen', id: 0, arg: 'parking' },
  { type: 'cb.amen', id: 0, arg: 'jacuzzi' },
  { type: 'cb.done', id: 0 },
  doneEvent(machine, 'saving', { ...published, title: 'Студия с видом на горы' }),
  errorEvent(machine, 'saving', invalid),
  { type: 'cb.calendar', id: 7 },
  doneEvent(machine, 'loadingMonth', month),
  errorEvent(machine, 'loadingMonth', new NotFound('listing', 7)),
  { type: 'cb.month', id: 202701 },
  { type: 'cb.month', id: 202613 },
  { type: 'cb.day', id: 20261205 },
  { type: 'cb.day', id: 20261210 },
  { type: 'cb.day', id: 20261201 },
  { type: 'cb.day', id: 20261220 },
  { type: 'cb.day', id: 20270105 },
  doneEvent(machine, 'loadingBooking', booking),
  errorEvent(machine, 'loadingBooking', new NotFound('booking', 41)),
  { type: 'cb.unblock', id: 51 },
  { type: 'cb.unblock', id: 52 },
  doneEvent(machine, 'removingBlock', null),
  errorEvent(machine, 'removingBlock', new NotFound('block', 51)),
  { type: 'cb.addblock', id: 7 },
  { type: 'BACK' },
  { type: 'CANCEL' },
];

/**
 * The model tells snapshots apart by what the guards read (is there a list, which card, which field,
 * which calendar day), not by the notices and pages shown, so it stays small and still takes every branch.
 */
function key(snapshot: AnyMachineSnapshot): string {
  const context = snapshot.context as MyListingsContext;
  const card = context.card
    ? `${context.card.published ? 'published' : 'hidden'}/${context.card.upcomingBookings}`
    : 'none';
  return [
    String(snapshot.value),
    context.list ? 'list' : 'no list',
    card,
    context.field ?? '-',
    context.calendar ? 'calendar' : '-',
    context.dayTarget ?? '-',
  ].join(' | ');
}

describeFlowModel({ flow: myListingsFlow, machine, script, events, key, timeout: 300_000 });
