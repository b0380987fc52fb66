import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

/** «⭐ Favourites» in English. */
export const favorites: Messages['favorites'] = {
  title: (total, page, pages) =>
    `⭐ Favourites: ${n(total, '# flat', '# flats')}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
  perNight: (price) => `${price} / night`,
  rating: (average, count) =>
    count > 0 ? `★ ${average} (${n(count, '# review', '# reviews')})` : 'no reviews yet',
  maxGuests: (count) => `up to ${n(count, '# guest', '# guests')}`,
  unavailable: '⛔ Not available for booking now',
  amenities: 'Amenities:',
  latestReviews: 'Latest reviews:',
  noReviews: 'No reviews yet.',
  removed: (title) => `🗑 “${title}” removed from favourites.`,
  empty: '⭐ Your favourites are empty. Add flats with «⭐ Add to favourites» in the search results.',
  emptyAfterRemoval: (title) => `🗑 “${title}” removed from favourites. Nothing else is in your favourites.`,
  useButtons: 'Please choose with the buttons under the message.',
  buttons: {
    details: (index) => `${index} · Details`,
    book: (index) => `${index} · Book`,
    remove: (index) => `${index} · Remove from favourites`,
    cardBook: '📅 Book',
    cardRemove: '🗑 Remove from favourites',
    backToList: '⬅️ Back to favourites',
    previous: '◀️',
    next: '▶️',
    close: '✖️ Close',
  },
};
