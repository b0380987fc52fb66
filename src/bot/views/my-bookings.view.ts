import { fromPromise } from 'xstate';
import type { BookingView } from '../../domain/bookings.service.ts';
import { almatyToday } from '../../domain/dates.ts';
import {
  type MyBookingItem,
  type MyBookingsContext,
  type MyBookingsOutput,
  type MyBookingsScope,
  myBookingsMachine,
} from '../../machines/my-bookings.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import { mainMenuKeyboard } from '../menu.ts';
import type { OutgoingMessage } from '../screen.ts';
import { confirmCancelMessage, listMessage } from './bookings/my-bookings-screens.ts';
import { errorText } from './keyboards.ts';

/** A booking as the list keeps it, with what the guest may do with it today. */
function itemOf(booking: BookingView, today: string): MyBookingItem {
  const live = booking.status === 'pending' || booking.status === 'confirmed';
  return {
    id: booking.id,
    title: booking.listingTitle,
    city: booking.city,
    checkIn: booking.checkIn,
    checkOut: booking.checkOut,
    nights: booking.nights,
    guests: booking.guests,
    total: booking.total,
    status: booking.status,
    cancelledBy: booking.cancelledBy,
    reviewed: booking.reviewed,
    // The same day rules as the domain: pay until the check-in day, cancel before it.
    payable: booking.status === 'pending' && booking.checkIn >= today,
    cancellable: live && booking.checkIn > today,
    reviewable: booking.status === 'completed' && !booking.reviewed,
  };
}

async function load(scope: MyBookingsScope, page: number) {
  const { em, domain, actor } = flowServices();
  const today = almatyToday(domain.deps.clock.now());
  let found = await domain.bookings.listForGuest(em, actor, { scope, page });
  // A page emptied meanwhile (its bookings cancelled or moved to the past) shows the last one instead.
  if (found.items.length === 0 && found.total > 0 && page > 1) {
    found = await domain.bookings.listForGuest(em, actor, { scope, page: found.pages });
  }
  const unread = await domain.notifications.unreadCount(em, actor);
  return {
    list: {
      items: found.items.map((booking) => itemOf(booking, today)),
      page: found.page,
      pageSize: found.pageSize,
      pages: found.pages,
      total: found.total,
    },
    menu: { role: actor!.role, unread },
  };
}

/** «📦 Мои бронирования»: upcoming and past bookings with pay, cancel and review. */
export const myBookingsFlow: Flow = {
  id: 'myBookings',
  version: 1,
  audience: 'account',
  machine: myBookingsMachine.provide({
    actors: {
      load: fromPromise(({ input }) => load(input.scope, input.page)),
      pay: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const payment = await domain.payments.payDemo(em, actor, input);
        return { alreadyPaid: payment.alreadyPaid };
      }),
      cancelBooking: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        await domain.bookings.cancel(em, actor, input);
        return null;
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as MyBookingsContext;
    if (!context.list) return [{ text: t.myBookings.header }];
    if (snapshot.matches('confirmCancel')) return [confirmCancelMessage(t, context)];
    const list = listMessage(t, context);
    // The first screen also puts the main menu back: whoever handed over may have left another keyboard.
    if (context.fresh && context.menu) {
      const reply = mainMenuKeyboard(context.menu.role, t, context.menu.unread);
      return [{ text: t.myBookings.header, reply }, list];
    }
    return [list];
  },
  finish(output, { t }) {
    const result = output as MyBookingsOutput;
    if (result.outcome === 'failed') return errorText(t, result.error);
    if (result.outcome === 'cancelled') return t.common.cancelled;
    // Closing shows the main menu; a review hands over to its flow.
    return null;
  },
};
