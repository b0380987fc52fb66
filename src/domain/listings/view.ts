import type { Listing } from '../../db/entities/index.ts';

/** A listing as its owner sees and edits it. */
export interface ListingView {
  id: number;
  realtorId: number;
  title: string;
  city: string;
  address: string | null;
  /** Integer tenge. */
  pricePerNight: number;
  maxGuests: number;
  description: string;
  amenities: string[];
  photoFileId: string | null;
  /** Offered in search (when the realtor and their agency are active too). */
  published: boolean;
  ratingAvg: number;
  ratingCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The owner's card: the listing plus how many live bookings are still ahead (to confirm an unpublish). */
export interface ListingCard extends ListingView {
  upcomingBookings: number;
}

/** Plain view of a listing entity. */
export function listingView(listing: Listing): ListingView {
  return {
    id: listing.id,
    realtorId: listing.realtor.id,
    title: listing.title,
    city: listing.city,
    address: listing.address ?? null,
    pricePerNight: listing.pricePerNight,
    maxGuests: listing.maxGuests,
    description: listing.description,
    amenities: [...listing.amenities],
    photoFileId: listing.photoFileId ?? null,
    published: listing.published,
    ratingAvg: Number(listing.ratingAvg),
    ratingCount: listing.ratingCount,
    createdAt: listing.createdAt,
    updatedAt: listing.updatedAt,
  };
}
