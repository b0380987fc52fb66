/**
 * Model-based tests of the `book` and `myBookings` machines: `xstate/graph`
 * paths over every reachable state and transition drive the real machines,
 * restored from JSON at every settled step, as the bot runs them.
 */
import type { AnyStateMachine } from 'xstate';
import { bookFlow } from '../../src/bot/views/book.view.ts';
import { myBookingsFlow } from '../../src/bot/views/my-bookings.view.ts';
import {
  AccountRequired,
  DatesTaken,
  Forbidden,
  InvalidState,
  NotFound,
  ValidationFailed,
} from '../../src/domain/errors.ts';
import { type BookPrepared, bookMachine } from '../../src/machines/book.machine.ts';
import {
  type MyBookingItem,
  type MyBookingsLoaded,
  myBookingsMachine,
} from '../../src/machines/my-bookings.machine.ts';
import { myBookingItem } from '../support/booking-items.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { expectInlineListScreen } from '../support/model-screens.ts';

// ---------------------------------------------------------------- book

const bookScript = new ActorScript();
const book: AnyStateMachine = bookMachine.provide({
  actors: {
    prepare: bookScript.promise('prepare'),
    checkDates: bookScript.promise('checkDates'),
    createBooking: bookScript.promise('createBooking'),
    pay: bookScript.promise('pay'),
  },
});
const prepared = (change: Partial<BookPrepared>): BookPrepared => ({
  account: true,
  listing: { title: 'Студия у Медеу', city: 'Алматы', pricePerNight: 15_000, maxGuests: 4 },
  today: '2026-12-01',
  stay: null,
  datesGone: false,
  guests: null,
  ...change,
});
const invalid = new ValidationFailed([{ field: 'checkIn', message: 'in the past' }]);
const dates = { checkIn: '2026-12-05', checkOut: '2026-12-08' };

describeFlowModel({
  flow: bookFlow,
  machine: book,
  script: bookScript,
  // What a person can do and the domain can answer; one value per kind keeps the model finite.
  events: [
    doneEvent(book, 'preparing', prepared({ account: false })),
    doneEvent(book, 'preparing', prepared({})),
    doneEvent(book, 'preparing', prepared({ stay: dates })),
    doneEvent(book, 'preparing', prepared({ stay: dates, guests: 2 })),
    errorEvent(book, 'preparing', new NotFound('listing', 7)),
    { type: 'cb.acct', id: 0, arg: 'register' },
    { type: 'cb.acct', id: 0, arg: 'link' },
    { type: 'cb.day', id: 20261130 },
    { type: 'cb.day', id: 20261205 },
    { type: 'cb.day', id: 20261208 },
    { type: 'cb.day', id: 20270310 },
    { type: 'cb.month', id: 202701 },
    { type: 'cb.month', id: 202611 },
    { type: 'TEXT', text: '05.12–08.12' },
    { type: 'TEXT', text: 'завтра' },
    { type: 'TEXT', text: '2' },
    { type: 'TEXT', text: '9' },
    { type: 'BACK' },
    { type: 'CONFIRM' },
    { type: 'CANCEL' },
    doneEvent(book, 'checkingDates', { available: true }),
    doneEvent(book, 'checkingDates', { available: false }),
    errorEvent(book, 'checkingDates', invalid),
    doneEvent(book, 'creating', { id: 41, total: 45_000 }),
    errorEvent(book, 'creating', new DatesTaken()),
    errorEvent(book, 'creating', invalid),
    errorEvent(book, 'creating', new Forbidden('own listing')),
    { type: 'cb.pay', id: 41 },
    { type: 'cb.pay', id: 40 },
    doneEvent(book, 'paying', { alreadyPaid: false }),
    doneEvent(book, 'paying', { alreadyPaid: true }),
    errorEvent(book, 'paying', new InvalidState('booking', 'cancelled')),
  ],
  // Every step has its reply keyboard with Cancel; each reply button sends an event the step takes
  // (describeFlowModel's own check of the screens).
  timeout: 120_000,
});

// ---------------------------------------------------------------- myBookings

const listScript = new ActorScript();
const myBookings: AnyStateMachine = myBookingsMachine.provide({
  actors: {
    load: listScript.promise('load'),
    pay: listScript.promise('pay'),
    cancelBooking: listScript.promise('cancelBooking'),
  },
});
const page = (items: MyBookingItem[], at: number, pages: number): MyBookingsLoaded => ({
  list: { items, page: at, pageSize: 5, pages, total: pages * 5 - 4 },
  menu: { role: 'guest', unread: 2 },
});
const stale = new InvalidState('booking', 'cancelled');

describeFlowModel({
  flow: myBookingsFlow,
  machine: myBookings,
  script: listScript,
  events: [
    doneEvent(
      myBookings,
      'loading',
      page(
        [
          myBookingItem({}),
          myBookingItem({ id: 12, status: 'confirmed', payable: false, title: 'Апартаменты у EXPO' }),
        ],
        1,
        2,
      ),
    ),
    doneEvent(
      myBookings,
      'loading',
      page(
        [
          myBookingItem({
            id: 21,
            status: 'completed',
            payable: false,
            cancellable: false,
            reviewable: true,
          }),
          myBookingItem({
            id: 22,
            status: 'cancelled',
            cancelledBy: 'realtor',
            payable: false,
            cancellable: false,
          }),
        ],
        2,
        2,
      ),
    ),
    errorEvent(myBookings, 'loading', new AccountRequired()),
    { type: 'cb.page', id: 2 },
    { type: 'cb.page', id: 1 },
    { type: 'cb.page', id: 3 },
    { type: 'cb.tab', id: 0, arg: 'past' },
    { type: 'cb.tab', id: 0, arg: 'all' },
    { type: 'cb.pay', id: 11 },
    { type: 'cb.bcancel', id: 11 },
    { type: 'cb.bcancelok', id: 11 },
    { type: 'cb.bcancelok', id: 12 },
    { type: 'cb.review', id: 21 },
    { type: 'cb.close', id: 0 },
    { type: 'TEXT', text: 'отмена' },
    { type: 'BACK' },
    { type: 'CANCEL' },
    doneEvent(myBookings, 'paying', { alreadyPaid: false }),
    doneEvent(myBookings, 'paying', { alreadyPaid: true }),
    errorEvent(myBookings, 'paying', stale),
    doneEvent(myBookings, 'cancelling', null),
    errorEvent(myBookings, 'cancelling', stale),
  ],
  // Inline screens (so ◀ ▶ and the actions edit the list in place) with an inline way out; the
  // first screen also brings the main menu back, whose buttons the engine answers itself.
  screens(snapshot, messages, where, { t }) {
    const wayOut = snapshot.matches('confirmCancel') ? t.myBookings.buttons.no : t.myBookings.buttons.close;
    expectInlineListScreen(snapshot, messages, where, { t, role: 'guest', wayOut });
  },
  quiet: ['closed', 'review'],
  timeout: 120_000,
});
