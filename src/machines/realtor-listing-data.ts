import type { Amenity } from '../domain/amenities.ts';
import type { BookingStay, BookingView } from '../domain/bookings/view.ts';
import type { ListingCard, OwnListingSummary } from '../domain/listings.service.ts';
import type { Page } from '../domain/validation.ts';

/*
 * What the realtor's listing flows (myListings, blockDates) keep of the
 * domain's answers: plain JSON, so it can live in a persisted machine context.
 */

/** One line of «🏘 Мои объекты»: the domain's line is plain JSON already. */
export type OwnListingItem = OwnListingSummary;

export type OwnListingsPage = Page<OwnListingItem>;

/** The owner's card of a listing, as plain JSON: no dates, no realtor id, only the amenities the bot knows. */
export interface OwnListingCard
  extends Omit<ListingCard, 'realtorId' | 'createdAt' | 'updatedAt' | 'amenities'> {
  amenities: Amenity[];
}

/** An occupied day of the calendar: the booking or the block on it. */
export interface OccupiedDay {
  state: 'booked' | 'blocked';
  id: number;
}

/** A block as the removal question describes it. */
export interface BlockBrief {
  id: number;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

/** One month of a listing's calendar: only the occupied days (the others are free). */
export interface CalendarPage {
  /** YYYY-MM. */
  month: string;
  /** Today in Almaty, to mark past days. */
  today: string;
  days: Record<string, OccupiedDay>;
  /** The blocks that touch the month. */
  blocks: BlockBrief[];
}

/** A booking as the realtor sees it when tapping a booked day. */
export type BookingBrief = Pick<BookingView, 'id' | 'guestName' | 'guestPhone' | keyof BookingStay>;
