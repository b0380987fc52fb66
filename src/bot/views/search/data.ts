import { isAmenity } from '../../../domain/amenities.ts';
import { almatyToday } from '../../../domain/dates.ts';
import type { ListingDetails, SearchResult } from '../../../domain/search.service.ts';
import type { Page } from '../../../domain/validation.ts';
import type { ListingCard, ResultsPage } from '../../../machines/search.machine.ts';

/** Listings a results page shows. */
export const RESULTS_PAGE_SIZE = 5;

// The card lives in the persisted session and in one message (4096 characters): long texts are cut.
const DESCRIPTION_LIMIT = 1000;
const REVIEW_LIMIT = 200;

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}

/** A domain results page as the plain JSON the search machine keeps. */
export function resultsPageOf(page: Page<SearchResult>): ResultsPage {
  return {
    page: page.page,
    pages: page.pages,
    total: page.total,
    items: page.items.map((item) => ({
      listingId: item.listingId,
      title: item.title,
      city: item.city,
      pricePerNight: item.pricePerNight,
      nights: item.nights,
      total: item.total,
      ratingAvg: item.ratingAvg,
      ratingCount: item.ratingCount,
      ...(item.photoFileId ? { photo: true as const } : {}),
    })),
  };
}

/** A listing's details as the plain JSON card the search machine keeps. */
export function listingCardOf(details: ListingDetails): ListingCard {
  return {
    listingId: details.listingId,
    title: details.title,
    city: details.city,
    address: details.address,
    pricePerNight: details.pricePerNight,
    maxGuests: details.maxGuests,
    description: cut(details.description, DESCRIPTION_LIMIT),
    amenities: details.amenities.filter(isAmenity),
    ratingAvg: details.ratingAvg,
    ratingCount: details.ratingCount,
    reviews: details.reviews.map((review) => ({
      rating: review.rating,
      text: cut(review.text, REVIEW_LIMIT),
      authorName: review.authorName,
      date: almatyToday(review.createdAt),
    })),
    ...(details.photoFileId ? { photoFileId: details.photoFileId } : {}),
    nights: details.nights,
    total: details.total,
    available: details.available,
  };
}
