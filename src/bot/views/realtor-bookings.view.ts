import { fromPromise } from 'xstate';
import type { BookingView } from '../../domain/bookings.service.ts';
import { almatyToday } from '../../domain/dates.ts';
import {
  type RealtorBookingFilter,
  type RealtorBookingItem,
  type RealtorBookingsContext,
  type RealtorBookingsOutput,
  realtorBookingsMachine,
} from '../../machines/realtor-bookings.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import { messagesFor } from '../i18n/index.ts';
import { mainMenuKeyboard } from '../menu.ts';
import type { OutgoingMessage } from '../screen.ts';
import { askReasonMessage, confirmCancelMessage, realtorListMessage } from './bookings/realtor-screens.ts';
import { errorText } from './keyboards.ts';
import { pageOrLast } from './paging.ts';

/** A booking as the list keeps it, with what the realtor may do with it today. */
function itemOf(booking: BookingView, today: string): RealtorBookingItem {
  const live = booking.status === 'pending' || booking.status === 'confirmed';
  return {
    id: booking.id,
    title: booking.listingTitle,
    city: booking.city,
    guestName: booking.guestName,
    guestPhone: booking.guestPhone,
    checkIn: booking.checkIn,
    checkOut: booking.checkOut,
    nights: booking.nights,
    guests: booking.guests,
    total: booking.total,
    status: booking.status,
    cancelledBy: booking.cancelledBy,
    cancelReason: booking.cancelReason,
    // The domain's day rules: confirm until the check-in day, cancel before it.
    confirmable: booking.status === 'pending' && booking.checkIn >= today,
    cancellable: live && booking.checkIn > today,
  };
}

async function load(filter: RealtorBookingFilter, page: number) {
  const { em, domain, actor } = flowServices();
  const today = almatyToday(domain.deps.clock.now());
  // A page emptied meanwhile (its bookings confirmed or cancelled) shows the last one instead.
  const found = await pageOrLast(page, (at) =>
    domain.bookings.listForRealtor(em, actor, { filter, page: at }),
  );
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

/** «📅 Брони»: bookings of the realtor's listings with confirm and cancel-with-a-reason. */
export const realtorBookingsFlow: Flow = {
  id: 'realtorBookings',
  version: 1,
  audience: 'account',
  machine: realtorBookingsMachine.provide({
    actors: {
      load: fromPromise(({ input }) => load(input.filter, input.page)),
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
    if (context.fresh && context.menu) {
      const reply = mainMenuKeyboard(context.menu.role, t, context.menu.unread);
      return [{ text: t.realtorBookings.header, reply }, list];
    }
    return [list];
  },
  finish(output, { t }) {
    const result = output as RealtorBookingsOutput;
    if (result.outcome === 'failed') return errorText(t, result.error);
    if (result.outcome === 'cancelled') return t.common.cancelled;
    return null;
  },
};
