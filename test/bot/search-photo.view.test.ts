import { describe, expect, it } from 'vitest';
import { detailsScreen, resultsScreen } from '../../src/bot/views/search/results.ts';
import type { ListingCard } from '../../src/machines/search.machine.ts';
import { view } from '../support/flows.ts';
import { searchContext } from '../support/search-context.ts';

const card: ListingCard = {
  listingId: 7,
  title: 'Лофт у Кольсая',
  city: 'Алматы',
  address: null,
  pricePerNight: 21_000,
  maxGuests: 3,
  description: 'Лофт с камином и видом на озеро.',
  amenities: ['parking'],
  ratingAvg: 0,
  ratingCount: 0,
  reviews: [],
  nights: null,
  total: null,
  available: null,
};

describe('search view: listing photos', () => {
  it('marks results that have a photo with 📷', () => {
    const results = {
      items: [
        {
          listingId: 7,
          title: 'Лофт у Кольсая',
          city: 'Алматы',
          pricePerNight: 21_000,
          nights: null,
          total: null,
          ratingAvg: 0,
          ratingCount: 0,
          photo: true as const,
        },
        {
          listingId: 8,
          title: 'Студия',
          city: 'Алматы',
          pricePerNight: 9_000,
          nights: null,
          total: null,
          ratingAvg: 0,
          ratingCount: 0,
        },
      ],
      page: 1,
      pages: 1,
      total: 2,
    };
    const text = resultsScreen(searchContext({ results }), view('ru'))[1]!.text;
    expect(text).toContain('1. Лофт у Кольсая 📷\n');
    expect(text).toContain('2. Студия\n');
  });

  it('«Подробнее» sends the photo with the card as its caption and the buttons under it', () => {
    const [, withPhoto] = detailsScreen(
      searchContext({ details: { ...card, photoFileId: 'file-7' } }),
      view('ru'),
    );
    expect(withPhoto!.photo).toEqual({ fileId: 'file-7' });
    expect(withPhoto!.text.startsWith('🏠 Лофт у Кольсая\n📍 Алматы')).toBe(true);
    expect(withPhoto!.inline?.flat().map((button) => button.callback.action)).toEqual([
      'book',
      'fav',
      'page',
    ]);
    const [, without] = detailsScreen(searchContext({ details: card }), view('ru'));
    expect(without).not.toHaveProperty('photo');
  });
});
