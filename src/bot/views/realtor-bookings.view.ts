import { fromPromise } from 'xstate';
import type { BookingView } from '../../domain/bookings.service.ts';
import {
  type RealtorBookingItem,
  type RealtorBookingsContext,
  type RealtorBookingsOutput,
  realtorBookingsMachine,
} from '../../machines/realtor-bookings.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import { messagesFor } from '../i18n/index.ts';
import type { OutgoingMessage } from '../screen.ts';
import { awaitsAnswer, cancellableOn, loadBookingList, stayOf } from './bookings/booking-items.ts';
import { askReasonMessage, confirmCancelMessage, realtorListMessage } from './bookings/realtor-screens.ts';
import { errorText } from './keyboards.ts';
import { withMenuOnFirst } from './menu-on-first.ts';

/** A booking as the list keeps it, with what the realtor may do with it today. */
function itemOf(booking: BookingView, today: string): RealtorBookingItem {
  return {
    id: booking.id,
    title: booking.listingTitle,
    city: booking.city,
    guestName: booking.guestName,
    guestPhone: booking.guestPhone,
    ...stayOf(booking),
    cancelledBy: booking.cancelledBy,
    cancelReason: booking.cancelReason,
    // The domain's day rules: confirm until the check-in day, cancel before it.
    confirmable: awaitsAnswer(booking, today),
    cancellable: cancellableOn(booking, today),
  };
}

/** «📅 Брони»: bookings of the realtor's listings with confirm and cancel-with-a-reason. */
export const realtorBookingsFlow: Flow = {
  id: 'realtorBookings',
  version: 1,
  audience: 'account',
  machine: realtorBookingsMachine.provide({
    actors: {
      load: fromPromise(({ input }) =>
        loadBookingList(
          input.page,
          ({ em, domain, actor }, page) =>
            domain.bookings.listForRealtor(em, actor, { filter: input.filter, page }),
          itemOf,
        ),
      ),
      confirmBooking: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        return domain.bookings.confirm(em, actor, input);
      }),
      cancelBooking: fromPromise(async ({ input }) => {
        const { em, domain, actor, telegram } = flowServices();
        // A preset reason reaches the guest as the realtor read it on the button.
        const t = messagesFor(telegram.locale);
        const reason =
          'text' in input.reason ? input.reason.text : t.realtorBookings.reasons[input.reason.preset - 1];
        return domain.bookings.cancel(em, actor, { bookingId: input.bookingId, reason });
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as RealtorBookingsContext;
    if (!context.list) return [{ text: t.realtorBookings.header }];
    if (snapshot.matches('askReason')) return [askReasonMessage(t, context)];
    if (snapshot.matches('confirmCancel')) return [confirmCancelMessage(t, context)];
    const list = realtorListMessage(t, context);
    // The first screen also puts the main menu back (a flow before may have left its own keyboard).
    return withMenuOnFirst(t, context, t.realtorBookings.header, list);
  },
  finish(output, { t }) {
    const result = output as RealtorBookingsOutput;
    if (result.outcome === 'failed') return errorText(t, result.error);
    if (result.outcome === 'cancelled') return t.common.cancelled;
    return null;
  },
};
