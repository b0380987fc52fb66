import { fromPromise } from 'xstate';
import type { BookingView } from '../../domain/bookings.service.ts';
import {
  type MyBookingItem,
  type MyBookingsContext,
  type MyBookingsOutput,
  myBookingsMachine,
} from '../../machines/my-bookings.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { awaitsAnswer, cancellableOn, loadBookingList, stayOf } from './bookings/booking-items.ts';
import { confirmCancelMessage, listMessage } from './bookings/my-bookings-screens.ts';
import { errorText } from './keyboards.ts';
import { withMenuOnFirst } from './menu-on-first.ts';

/** A booking as the list keeps it, with what the guest may do with it today. */
function itemOf(booking: BookingView, today: string): MyBookingItem {
  return {
    id: booking.id,
    title: booking.listingTitle,
    city: booking.city,
    ...stayOf(booking),
    cancelledBy: booking.cancelledBy,
    reviewed: booking.reviewed,
    // The same day rules as the domain: pay until the check-in day, cancel before it.
    payable: awaitsAnswer(booking, today),
    cancellable: cancellableOn(booking, today),
    reviewable: booking.status === 'completed' && !booking.reviewed,
  };
}

/** «📦 Мои бронирования»: upcoming and past bookings with pay, cancel and review. */
export const myBookingsFlow: Flow = {
  id: 'myBookings',
  version: 1,
  audience: 'account',
  machine: myBookingsMachine.provide({
    actors: {
      load: fromPromise(({ input }) =>
        loadBookingList(
          input.page,
          ({ em, domain, actor }, page) =>
            domain.bookings.listForGuest(em, actor, { scope: input.scope, page }),
          itemOf,
        ),
      ),
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
    return withMenuOnFirst(t, context, t.myBookings.header, list);
  },
  finish(output, { t }) {
    const result = output as MyBookingsOutput;
    if (result.outcome === 'failed') return errorText(t, result.error);
    if (result.outcome === 'cancelled') return t.common.cancelled;
    // Closing shows the main menu; a review hands over to its flow.
    return null;
  },
};
