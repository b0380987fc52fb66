import { isAmenity } from '../../../domain/amenities.ts';
import type { BookingView } from '../../../domain/bookings.service.ts';
import type { BlockView, CalendarMonth } from '../../../domain/calendar.service.ts';
import type { ListingCard, OwnListingSummary } from '../../../domain/listings.service.ts';
import type { Page } from '../../../domain/validation.ts';
import type {
  BookingBrief,
  CalendarPage,
  OwnListingCard,
  OwnListingsPage,
} from '../../../machines/my-listings.machine.ts';
import { stayOf } from '../bookings/booking-items.ts';
import { mapPage } from '../paging.ts';

/** A page of the realtor's listings as the flow keeps it. */
export function ownListingsPageOf(page: Page<OwnListingSummary>): OwnListingsPage {
  return mapPage(page, ({ id, title, city, pricePerNight, published, upcomingBookings }) => ({
    id,
    title,
    city,
    pricePerNight,
    published,
    upcomingBookings,
  }));
}

/** The owner's card as plain JSON (no dates, no realtor id). */
export function ownCardOf(card: ListingCard): OwnListingCard {
  return {
    id: card.id,
    title: card.title,
    city: card.city,
    address: card.address,
    pricePerNight: card.pricePerNight,
    maxGuests: card.maxGuests,
    description: card.description,
    amenities: card.amenities.filter(isAmenity),
    photoFileId: card.photoFileId,
    published: card.published,
    ratingAvg: card.ratingAvg,
    ratingCount: card.ratingCount,
    upcomingBookings: card.upcomingBookings,
  };
}

/**
 * One calendar month with only its occupied days kept, and the blocks that
 * touch it (from the listing's blocks not yet ended) for the removal question.
 */
export function calendarPageOf(month: CalendarMonth, blocks: BlockView[], today: string): CalendarPage {
  const days: CalendarPage['days'] = {};
  for (const day of month.days) {
    if (day.state === 'booked' && day.bookingId) days[day.date] = { state: 'booked', id: day.bookingId };
    if (day.state === 'blocked' && day.blockId) days[day.date] = { state: 'blocked', id: day.blockId };
  }
  const blocked = new Set(
    Object.values(days)
      .filter((day) => day.state === 'blocked')
      .map((day) => day.id),
  );
  return {
    month: month.month,
    today,
    days,
    blocks: blocks
      .filter((block) => blocked.has(block.id))
      .map(({ id, startsOn, endsOn, note }) => ({ id, startsOn, endsOn, note })),
  };
}

/** A booking as the realtor's calendar shows it. */
export function bookingBriefOf(booking: BookingView): BookingBrief {
  return {
    id: booking.id,
    guestName: booking.guestName,
    guestPhone: booking.guestPhone,
    ...stayOf(booking),
  };
}
