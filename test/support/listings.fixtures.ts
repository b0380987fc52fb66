import {
  Booking,
  type BookingStatus,
  LIVE_BOOKING_STATUSES,
  Listing,
  Occupancy,
  Review,
  User,
} from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import { nightsBetween } from '../../src/domain/dates.ts';
import type { CreateListingInput } from '../../src/domain/listings.service.ts';

let sequence = 0;

/** A city name no other test uses, so searches in one shared database do not see each other. */
export function uniqueCity(prefix = 'Тестоград'): string {
  return `${prefix} ${++sequence}`;
}

/** Valid input for `listings.create`. */
export function listingInput(overrides: Partial<CreateListingInput> = {}): CreateListingInput {
  return {
    title: 'Студия у Медеу',
    city: 'Алматы',
    pricePerNight: 20000,
    maxGuests: 2,
    description: 'Светлая студия с видом на горы, всё для жизни.',
    amenities: ['wifi'],
    ...overrides,
  };
}

/**
 * A booking written straight to the tables, as the bookings service does:
 * live ones (pending, confirmed) also take their days in `occupancy`.
 * `listing` and `guest` may come from any entity manager; only their ids are used.
 */
export async function makeBooking(
  em: Em,
  options: {
    listing: { id: number };
    guest: { id: number };
    checkIn: string;
    checkOut: string;
    status?: BookingStatus;
    guests?: number;
  },
): Promise<Booking> {
  const status = options.status ?? 'confirmed';
  const listing = await em.findOneOrFail(Listing, options.listing.id);
  const booking = em.create(Booking, {
    listing,
    guest: em.getReference(User, options.guest.id),
    checkIn: options.checkIn,
    checkOut: options.checkOut,
    guests: options.guests ?? 1,
    total: nightsBetween(options.checkIn, options.checkOut) * listing.pricePerNight,
    status,
    cancelledBy: status === 'cancelled' ? 'guest' : null,
  });
  if (LIVE_BOOKING_STATUSES.includes(status)) {
    em.create(Occupancy, {
      listing,
      startsOn: options.checkIn,
      endsOn: options.checkOut,
      booking,
      block: null,
    });
  }
  await em.flush();
  return booking;
}

/**
 * `book(name, listing, checkIn, checkOut, status)`: books `guest` with
 * `makeBooking` and keeps the booking's id in `ids` under `name`.
 */
export function namedBookings(em: Em, guest: { id: number }, ids: Record<string, number>) {
  return async (
    name: string,
    listing: { id: number },
    checkIn: string,
    checkOut: string,
    status: BookingStatus,
  ): Promise<void> => {
    ids[name] = (await makeBooking(em, { listing, guest, checkIn, checkOut, status })).id;
  };
}

/** A review of a (completed) booking by its guest. */
export async function makeReview(
  em: Em,
  booking: Booking,
  options: { rating: number; text?: string; createdAt?: Date },
): Promise<Review> {
  const review = em.create(Review, {
    booking,
    listing: booking.listing,
    author: booking.guest,
    rating: options.rating,
    text: options.text ?? '',
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
  });
  await em.flush();
  return review;
}
