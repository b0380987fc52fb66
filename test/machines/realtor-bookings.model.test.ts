import type { AnyEventObject } from 'xstate';
import { realtorBookingsFlow } from '../../src/bot/views/realtor-bookings.view.ts';
import { AccountBlocked, InvalidState, NotFound } from '../../src/domain/errors.ts';
import {
  type RealtorBookingItem,
  type RealtorBookingsLoaded,
  realtorBookingsMachine,
} from '../../src/machines/realtor-bookings.machine.ts';
import { realtorBookingItem } from '../support/booking-items.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { expectInlineListScreen } from '../support/model-screens.ts';

const script = new ActorScript();
const machine = realtorBookingsMachine.provide({
  actors: {
    load: script.promise('load'),
    confirmBooking: script.promise('confirmBooking'),
    cancelBooking: script.promise('cancelBooking'),
  },
});

const page = (items: RealtorBookingItem[], at: number, pages: number): RealtorBookingsLoaded => ({
  list: { items, page: at, pageSize: 5, pages, total: pages * 5 - 4 },
  menu: { role: 'realtor', unread: 2 },
});
const stale = new InvalidState('booking', 'cancelled');

describeFlowModel({
  flow: realtorBookingsFlow,
  machine,
  script,
  events: [
    doneEvent(
      machine,
      'loading',
      page(
        [
          realtorBookingItem({}),
          realtorBookingItem({
            id: 12,
            status: 'confirmed',
            confirmable: false,
            title: 'Апартаменты у EXPO',
          }),
        ],
        1,
        2,
      ),
    ),
    doneEvent(
      machine,
      'loading',
      page(
        [
          realtorBookingItem({ id: 21, status: 'completed', confirmable: false, cancellable: false }),
          realtorBookingItem({
            id: 22,
            status: 'cancelled',
            cancelledBy: 'realtor',
            cancelReason: 'Ремонт',
            confirmable: false,
            cancellable: false,
          }),
        ],
        2,
        2,
      ),
    ),
    errorEvent(machine, 'loading', new AccountBlocked()),
    { type: 'cb.page', id: 2 },
    { type: 'cb.page', id: 1 },
    { type: 'cb.page', id: 3 },
    { type: 'cb.tab', id: 0, arg: 'past' },
    { type: 'cb.tab', id: 0, arg: 'all' },
    { type: 'cb.bconfirm', id: 11 },
    { type: 'cb.bcancel', id: 11 },
    { type: 'cb.bcancel', id: 12 },
    { type: 'cb.reason', id: 2 },
    { type: 'cb.reason', id: 4 },
    { type: 'TEXT', text: 'Ремонт в ванной' },
    { type: 'TEXT', text: 'ок' },
    { type: 'cb.bcancelok', id: 11 },
    { type: 'cb.bcancelok', id: 12 },
    { type: 'cb.close', id: 0 },
    { type: 'CANCEL' },
    doneEvent(machine, 'confirming', null),
    errorEvent(machine, 'confirming', stale),
    errorEvent(machine, 'confirming', new NotFound('booking', 11)),
    doneEvent(machine, 'cancelling', null),
    errorEvent(machine, 'cancelling', stale),
    errorEvent(machine, 'cancelling', new NotFound('booking', 11)),
  ] as AnyEventObject[],
  // Inline screens (tabs, ◀ ▶ and the actions edit the list in place) with an inline way out;
  // the first screen also brings the main menu back, whose buttons the engine answers itself.
  screens(snapshot, messages, where, { t }) {
    const wayOut = snapshot.matches('list')
      ? t.realtorBookings.buttons.close
      : snapshot.matches('askReason')
        ? t.realtorBookings.buttons.backToList
        : t.realtorBookings.buttons.no;
    expectInlineListScreen(snapshot, messages, where, { t, role: 'realtor', wayOut });
  },
  quiet: ['closed'],
  timeout: 300_000,
});
