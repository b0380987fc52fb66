import type { BookingStay, BookingView } from '../../../domain/bookings.service.ts';
import { almatyToday } from '../../../domain/dates.ts';
import type { Page } from '../../../domain/validation.ts';
import type { MenuState } from '../../../machines/my-bookings.machine.ts';
import type { FlowServices } from '../../flow.ts';
import { flowServices } from '../../flow-services.ts';
import { mapPage, pageOrLast } from '../paging.ts';

/** The stay of a booking as plain JSON: dates, nights, guests, total and status. */
export function stayOf(booking: BookingStay): BookingStay {
  return {
    checkIn: booking.checkIn,
    checkOut: booking.checkOut,
    nights: booking.nights,
    guests: booking.guests,
    total: booking.total,
    status: booking.status,
  };
}

/**
 * Pending and its check-in day not passed: the guest may still pay it, the
 * realtor confirm it (the domain's day rule, so a button is not offered in vain).
 */
export function awaitsAnswer(booking: BookingStay, today: string): boolean {
  return booking.status === 'pending' && booking.checkIn >= today;
}

/** Pending or confirmed, and before its check-in day: either side may still cancel it (the domain's rule). */
export function cancellableOn(booking: BookingStay, today: string): boolean {
  const live = booking.status === 'pending' || booking.status === 'confirmed';
  return live && booking.checkIn > today;
}

/**
 * Loads one page of a booking list for its flow: each booking turned into the
 * list's item with what may be done with it today (Almaty), plus the main menu's
 * state for the first screen. A page emptied meanwhile (its bookings cancelled,
 * confirmed or moved to the past) shows the last one instead.
 */
export async function loadBookingList<T>(
  page: number,
  list: (services: FlowServices, page: number) => Promise<Page<BookingView>>,
  itemOf: (booking: BookingView, today: string) => T,
): Promise<{ list: Page<T>; menu: MenuState }> {
  const services = flowServices();
  const { em, domain, actor } = services;
  const today = almatyToday(domain.deps.clock.now());
  const found = await pageOrLast(page, (at) => list(services, at));
  const unread = await domain.notifications.unreadCount(em, actor);
  return {
    list: mapPage(found, (booking) => itemOf(booking, today)),
    menu: { role: actor!.role, unread },
  };
}
