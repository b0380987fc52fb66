import type { BookingStatus } from '../db/entities/index.ts';
import type { Amenity } from '../domain/amenities.ts';

/*
 * What the realtor's listing flows (myListings, blockDates) keep of the
 * domain's answers: plain JSON, so it can live in a persisted machine context.
 */

/** One line of «🏘 Мои объекты». */
export interface OwnListingItem {
  id: number;
  title: string;
  city: string;
  pricePerNight: number;
  published: boolean;
  upcomingBookings: number;
}

export interface OwnListingsPage {
  items: OwnListingItem[];
  page: number;
  pageSize: number;
  pages: number;
  total: number;
}

/** The owner's card of a listing, as plain JSON. */
export interface OwnListingCard {
  id: number;
  title: string;
  city: string;
  address: string | null;
  pricePerNight: number;
  maxGuests: number;
  description: string;
  amenities: Amenity[];
  photoFileId: string | null;
  published: boolean;
  ratingAvg: number;
  ratingCount: number;
  upcomingBookings: number;
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
export interface BookingBrief {
  id: number;
  guestName: string;
  guestPhone: string;
  checkIn: string;
  checkOut: string;
  nights: number;
  guests: number;
  total: number;
  status: BookingStatus;
}
