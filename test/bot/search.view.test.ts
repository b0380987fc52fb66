import { describe, expect, it } from 'vitest';
import { encodeCallback } from '../../src/bot/callback-data.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { listingCardOf, resultsPageOf } from '../../src/bot/views/search/data.ts';
import { detailsScreen, resultsScreen } from '../../src/bot/views/search/results.ts';
import { amenitiesScreen, datesScreen, priceScreen } from '../../src/bot/views/search/steps.ts';
import { filterSummary, formatRating, priceRange } from '../../src/bot/views/search/summary.ts';
import { AMENITIES } from '../../src/domain/amenities.ts';
import type { ListingDetails } from '../../src/domain/search.service.ts';
import { type ListingCard, NO_FILTERS, type ResultItem } from '../../src/machines/search.machine.ts';
import { view } from '../support/flows.ts';
import { searchContext } from '../support/search-context.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

const item = (listingId: number, extra: Partial<ResultItem> = {}): ResultItem => ({
  listingId,
  title: `Квартира ${listingId}`,
  city: 'Астана',
  pricePerNight: 21_500,
  nights: null,
  total: null,
  ratingAvg: 0,
  ratingCount: 0,
  ...extra,
});

const card: ListingCard = {
  listingId: 123456,
  title: 'Студия у Байтерека',
  city: 'Астана',
  address: null,
  pricePerNight: 30_000,
  maxGuests: 1,
  description: 'Описание.',
  amenities: [],
  ratingAvg: 0,
  ratingCount: 0,
  reviews: [],
  nights: 2,
  total: 60_000,
  available: false,
};

describe('search view: the filter summary', () => {
  it('names every filter, «any» where one is not set', () => {
    expect(filterSummary(ru, NO_FILTERS)).toBe(
      [
        '🔎 Ваш поиск:',
        '🏙 любой город',
        '📅 любые даты',
        '👥 любое число гостей',
        '💰 любая цена',
        '✨ удобства не важны',
      ].join('\n'),
    );
  });

  it('shows the stay with its nights, guests, price range and amenities, with plural forms', () => {
    const filters = {
      city: 'Алматы',
      checkIn: '2026-12-12',
      checkOut: '2026-12-13',
      guests: 5,
      priceMin: 15_000,
      priceMax: 25_000,
      amenities: ['wifi' as const, 'air_conditioning' as const],
    };
    const text = filterSummary(ru, filters);
    expect(text).toContain('🏙 Алматы');
    expect(text).toContain('📅 12.12.2026 – 13.12.2026 (1 ночь)');
    expect(text).toContain('👥 5 гостей');
    expect(text).toContain('💰 15 000 ₸ – 25 000 ₸ за ночь');
    expect(text).toContain('✨ Wi-Fi, Кондиционер');
    const english = filterSummary(en, { ...filters, checkOut: '2026-12-15', guests: 1 });
    expect(english).toContain('(3 nights)');
    expect(english).toContain('👥 1 guest');
    expect(english).toContain('Wi-Fi, Air conditioning');
  });

  it('labels price ranges from either end', () => {
    expect(priceRange(ru, null, 15_000)).toBe('до 15 000 ₸');
    expect(priceRange(ru, 40_000, null)).toBe('от 40 000 ₸');
    expect(priceRange(en, 40_000, null)).toBe('from 40 000 ₸');
    expect(priceRange(ru, null, null)).toBeNull();
  });

  it('writes ratings with the locale’s decimal mark', () => {
    expect(formatRating(4.5, 'ru')).toBe('4,5');
    expect(formatRating(4, 'en')).toBe('4.0');
  });
});

describe('search view: results', () => {
  it('numbers listings across pages and pages with ◀ ▶ only where there is a page to go to', () => {
    const results = { items: [item(11), item(12)], page: 2, pages: 3, total: 12 };
    const [head, list] = resultsScreen(searchContext({ results, page: 2 }), view('ru'));
    expect(head?.reply).toBeDefined();
    expect(head?.inline).toBeUndefined();
    expect(list?.reply).toBeUndefined();
    expect(list?.text).toContain('6. Квартира 11');
    expect(list?.text).toContain('7. Квартира 12');
    const labels = list!.inline!.map((row) => row.map((button) => button.text));
    expect(labels).toEqual([
      ['6 · Подробнее', '6 · Забронировать', '6 · В избранное'],
      ['7 · Подробнее', '7 · Забронировать', '7 · В избранное'],
      ['◀', '2 / 3', '▶'],
    ]);
    const first = resultsScreen(searchContext({ results: { ...results, page: 1 } }), view('ru'))[1]!;
    expect(first.inline!.at(-1)!.map((button) => button.text)).toEqual(['1 / 3', '▶']);
    const only = resultsScreen(
      searchContext({ results: { ...results, pages: 1, total: 2 } }),
      view('ru'),
    )[1]!;
    expect(only.inline).toHaveLength(2);
  });

  it('shows the price per night, the total for the stay when there are dates, and the rating', () => {
    const results = {
      items: [item(1, { nights: 3, total: 64_500, ratingAvg: 4.67, ratingCount: 3 }), item(2)],
      page: 1,
      pages: 1,
      total: 2,
    };
    const text = resultsScreen(searchContext({ results }), view('ru'))[1]!.text;
    expect(text).toContain('Найдено 2 варианта · страница 1 из 1');
    expect(text).toContain('💰 21 500 ₸ за ночь · 64 500 ₸ за 3 ночи\n⭐ 4,7 (3 отзыва)');
    expect(text).toContain('2. Квартира 2\n📍 Астана\n💰 21 500 ₸ за ночь\n⭐ пока без отзывов');
    const english = resultsScreen(searchContext({ results }), view('en'))[1]!.text;
    expect(english).toContain('2 places found · page 1 of 1');
    expect(english).toContain('64 500 ₸ for 3 nights');
    expect(english).toContain('⭐ 4.7 (3 reviews)');
  });

  it('keeps callback data of real ids within 64 bytes', () => {
    const results = { items: [item(2_147_483_647)], page: 99_999, pages: 100_000, total: 500_000 };
    for (const message of resultsScreen(searchContext({ results }), view('ru')))
      for (const button of message.inline?.flat() ?? [])
        expect(() => encodeCallback(button.callback)).not.toThrow();
  });

  it('puts what a press did above the list, leaving the filters’ message as it was', () => {
    const results = { items: [item(1)], page: 1, pages: 1, total: 1 };
    const before = resultsScreen(searchContext({ results }), view('ru'));
    const after = resultsScreen(searchContext({ results, flash: 'favoriteAdded' }), view('ru'));
    expect(after[0]).toEqual(before[0]);
    expect(after[1]?.text.startsWith(ru.search.favoriteAdded)).toBe(true);
  });
});

describe('search view: the card', () => {
  it('says when the chosen dates are taken, and that there are no reviews or amenities yet', () => {
    const [head, message] = detailsScreen(searchContext({ details: card, page: 4 }), view('ru'));
    expect(head?.text).toContain(ru.search.summaryTitle);
    expect(message?.text).toContain(
      '📍 Астана\n💰 30 000 ₸ за ночь · 60 000 ₸ за 2 ночи\n⚠️ На выбранные даты занято.',
    );
    expect(message?.text).toContain('👥 до 1 гостя');
    expect(message?.text).toContain(ru.search.noRating);
    expect(message?.text).toContain(ru.search.noAmenities);
    expect(message?.text).toContain(ru.search.noReviews);
    expect(message?.inline?.[1]?.[0]?.callback).toEqual({ action: 'page', id: 4 });
  });

  it('the head is the results’ head, so opening a card and going back changes only the message below', () => {
    const results = { items: [item(1)], page: 1, pages: 1, total: 1 };
    expect(detailsScreen(searchContext({ details: card, results }), view('ru'))[0]).toEqual(
      resultsScreen(searchContext({ results }), view('ru'))[0],
    );
  });
});

describe('search view: steps', () => {
  it('the calendar starts at today: earlier days are dots that do nothing', () => {
    const [, calendar] = datesScreen(searchContext({ today: '2026-12-10', month: '2026-12' }), view('ru'));
    const days = calendar!.inline!.slice(2).flat();
    expect(days.find((button) => button.text === '9')).toBeUndefined();
    expect(days.filter((button) => button.text === '·')).toHaveLength(9);
    expect(days.find((button) => button.text === '10')?.callback).toEqual({ action: 'day', id: 20261210 });
  });

  it('price presets in English', () => {
    const keyboard = priceScreen(searchContext(), view('en'))[0]!.reply as { text: string }[][];
    expect(keyboard.map((row) => row.map((button) => button.text))).toEqual([
      ['up to 15 000 ₸', '15 000 ₸ – 25 000 ₸'],
      ['25 000 ₸ – 40 000 ₸', 'from 40 000 ₸'],
      ['Any'],
      [en.buttons.back, en.buttons.cancel],
    ]);
  });

  it('every amenity of the catalogue has a toggle with its translated name, then «Готово»', () => {
    for (const locale of ['ru', 'en'] as const) {
      const { t } = view(locale);
      const [, toggles] = amenitiesScreen(searchContext({ draftAmenities: ['iron'] }), view(locale));
      const buttons = toggles!.inline!.flat();
      expect(buttons.map((button) => button.callback.arg).filter(Boolean)).toEqual([...AMENITIES]);
      expect(buttons.find((button) => button.callback.arg === 'iron')?.text).toBe(
        `✅ ${t.search.amenities.iron}`,
      );
      expect(buttons.at(-1)?.text).toBe(t.search.done);
      for (const code of AMENITIES) expect(t.search.amenities[code].trim()).not.toBe('');
    }
  });
});

describe('search view: domain answers as session JSON', () => {
  const details: ListingDetails = {
    listingId: 5,
    title: 'Апартаменты',
    city: 'Шымкент',
    address: null,
    pricePerNight: 20_000,
    maxGuests: 4,
    description: 'Д'.repeat(2000),
    amenities: ['wifi', 'sauna'],
    photoFileId: 'file-1',
    ratingAvg: 4,
    ratingCount: 1,
    reviews: [
      { rating: 4, text: 'О'.repeat(500), authorName: 'Алия', createdAt: new Date('2026-11-30T20:00:00Z') },
    ],
    realtorName: 'Асель Нурланова',
    visible: true,
    nights: null,
    total: null,
    available: null,
  };

  it('cuts long texts so the card fits a message, and dates reviews in Almaty', () => {
    const result = listingCardOf(details);
    expect(result.description).toHaveLength(1000);
    expect(result.description.endsWith('…')).toBe(true);
    expect(result.reviews[0]?.text).toHaveLength(200);
    // 20:00 UTC on 30 November is already 1 December in Almaty.
    expect(result.reviews[0]?.date).toBe('2026-12-01');
    expect(result.amenities).toEqual(['wifi']);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const text = detailsScreen(searchContext({ details: result }), view('ru'))[1]!.text;
    expect(text.length).toBeLessThanOrEqual(4096);
  });

  it('keeps only what the results show', () => {
    const page = resultsPageOf({
      items: [
        {
          listingId: 1,
          title: 'T',
          city: 'C',
          pricePerNight: 1,
          nights: 2,
          total: 2,
          ratingAvg: 0,
          ratingCount: 0,
          photoFileId: 'x',
          maxGuests: 3,
        },
      ],
      page: 1,
      pageSize: 5,
      total: 1,
      pages: 1,
    });
    expect(page).toEqual({
      page: 1,
      pages: 1,
      total: 1,
      items: [
        {
          listingId: 1,
          title: 'T',
          city: 'C',
          pricePerNight: 1,
          nights: 2,
          total: 2,
          ratingAvg: 0,
          ratingCount: 0,
          photo: true,
        },
      ],
    });
  });
});
