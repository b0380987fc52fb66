import { type Booking, type BookingStatus, type CancelledBy, Review } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import { nightsBetween } from '../dates.ts';
import type { NotificationPayloads } from '../notification-kinds.ts';

/** What every account of a booking says about the stay: its dates, size, price and status. */
export interface BookingStay {
  /** YYYY-MM-DD, inclusive. */
  checkIn: string;
  /** YYYY-MM-DD, exclusive. */
  checkOut: string;
  nights: number;
  guests: number;
  /** Integer tenge. */
  total: number;
  status: BookingStatus;
}

/** A booking as guests and realtors see it. */
export interface BookingView extends BookingStay {
  id: number;
  listingId: number;
  listingTitle: string;
  city: string;
  cancelledBy: CancelledBy | null;
  cancelReason: string | null;
  createdAt: Date;
  /** The guest has reviewed this stay. */
  reviewed: boolean;
  guestName: string;
  guestPhone: string;
}

/** The view of `booking`; expects its listing and guest loaded. */
export function bookingView(booking: Booking, reviewed: boolean): BookingView {
  return {
    id: booking.id,
    listingId: booking.listing.id,
    listingTitle: booking.listing.title,
    city: booking.listing.city,
    checkIn: booking.checkIn,
    checkOut: booking.checkOut,
    nights: nightsBetween(booking.checkIn, booking.checkOut),
    guests: booking.guests,
    total: booking.total,
    status: booking.status,
    cancelledBy: booking.cancelledBy ?? null,
    cancelReason: booking.cancelReason ?? null,
    createdAt: booking.createdAt,
    reviewed,
    guestName: booking.guest.fullName,
    guestPhone: booking.guest.phone,
  };
}

/** What every booking notification says about the booking; expects its listing loaded. */
export function bookingRef(booking: Booking): NotificationPayloads['booking_completed'] {
  return {
    bookingId: booking.id,
    listingId: booking.listing.id,
    listingTitle: booking.listing.title,
    checkIn: booking.checkIn,
    checkOut: booking.checkOut,
  };
}

/** Which of `bookingIds` have a review. */
export async function reviewedBookingIds(em: Em, bookingIds: number[]): Promise<Set<number>> {
  if (bookingIds.length === 0) return new Set();
  const reviews = await em.find(Review, { booking: { $in: bookingIds } });
  return new Set(reviews.map((review) => review.booking.id));
}

/** Views of `bookings` (listing and guest loaded), with their `reviewed` flags. */
export async function bookingViews(em: Em, bookings: Booking[]): Promise<BookingView[]> {
  const reviewed = await reviewedBookingIds(
    em,
    bookings.map((booking) => booking.id),
  );
  return bookings.map((booking) => bookingView(booking, reviewed.has(booking.id)));
}
