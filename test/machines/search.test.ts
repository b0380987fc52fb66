import { beforeEach, describe, expect, it } from 'vitest';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { searchFlow } from '../../src/bot/views/search.view.ts';
import { AccountRequired, NotFound, ValidationFailed } from '../../src/domain/errors.ts';
import {
  type ListingCard,
  NO_FILTERS,
  type ResultItem,
  type ResultsPage,
  resumeFor,
  type SearchFilters,
  type SearchInput,
  type SearchStart,
  searchMachine,
} from '../../src/machines/search.machine.ts';
import { ActorScript } from '../support/flows.ts';
import { FlowChat } from '../support/machine-harness.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');
const TODAY = '2026-12-01';
const CITIES = ['Алматы', 'Астана', 'Семёй'];

const item = (listingId: number, extra: Partial<ResultItem> = {}): ResultItem => ({
  listingId,
  title: `Квартира ${listingId}`,
  city: 'Алматы',
  pricePerNight: 12_000,
  nights: null,
  total: null,
  ratingAvg: 0,
  ratingCount: 0,
  ...extra,
});
const page = (items: ResultItem[], pageNumber = 1, total = items.length): ResultsPage => ({
  items,
  page: pageNumber,
  pages: Math.max(1, Math.ceil(total / 5)),
  total,
});
const card = (extra: Partial<ListingCard> = {}): ListingCard => ({
  listingId: 7,
  title: 'Студия у Медеу',
  city: 'Алматы',
  address: 'ул. Абая, 1',
  pricePerNight: 15_000,
  maxGuests: 3,
  description: 'Светлая студия с видом на горы.',
  amenities: ['wifi', 'kitchen'],
  ratingAvg: 4.5,
  ratingCount: 2,
  reviews: [{ rating: 5, text: 'Отлично', authorName: 'Алия', date: '2026-11-20' }],
  nights: 3,
  total: 45_000,
  available: true,
  ...extra,
});

let script: ActorScript;
let chat: FlowChat;

beforeEach(() => {
  script = new ActorScript();
  const machine = searchMachine.provide({
    actors: {
      start: script.promise('start'),
      search: script.promise('search'),
      details: script.promise('details'),
      addFavorite: script.promise('addFavorite'),
      hasAccount: script.promise('hasAccount'),
    },
  });
  chat = new FlowChat(machine, searchFlow);
});

async function begin(resume: SearchStart['resume'] = null, input?: SearchInput): Promise<void> {
  script.resolve({ cities: CITIES, today: TODAY, resume } satisfies SearchStart);
  await chat.start(input);
}

/** Through every step with Skip, to the results of `found`. */
async function toResults(found: ResultsPage = page([item(7), item(8)])): Promise<void> {
  await begin();
  await chat.say(ru.buttons.skip);
  await chat.say(ru.buttons.skip);
  await chat.say(ru.buttons.skip);
  await chat.say(ru.search.anyPrice);
  script.resolve(found);
  await chat.say(ru.buttons.skip);
}

const searched = () => script.inputsOf('search') as { filters: SearchFilters; page: number }[];

describe('search: the city step', () => {
  it('starts by asking the domain for the cities and offers them as buttons, with Skip and Cancel', async () => {
    await begin();
    expect(script.inputsOf('start')).toEqual([{ resume: null }]);
    expect(chat.state).toBe('city');
    expect(chat.text()).toBe(ru.search.askCity);
    expect(chat.keyboard()).toEqual([CITIES, [ru.buttons.skip], [ru.buttons.cancel]]);
    expect(chat.text('en')).toBe(en.search.askCity);
  });

  it.each([
    ['Алматы', 'Алматы'],
    ['  алматы ', 'Алматы'],
    ['АСТАНА', 'Астана'],
    ['семей', 'Семёй'],
  ])('takes %j typed in any case, with е for ё, as %s', async (typed, city) => {
    await begin();
    await chat.say(typed);
    expect(chat.state).toBe('dates');
    expect(chat.text()).toContain(ru.search.askDates);
    await chat.say(ru.buttons.skip);
    await chat.say(ru.buttons.skip);
    await chat.say(ru.search.anyPrice);
    script.resolve(page([item(1)]));
    await chat.say(ru.buttons.skip);
    expect(searched()[0]?.filters.city).toBe(city);
  });

  it('an unknown city says so, names the known ones and keeps the step', async () => {
    await begin();
    await chat.say('Париж');
    expect(chat.state).toBe('city');
    expect(chat.text()).toContain(ru.search.unknownCity('Алматы, Астана, Семёй'));
    expect(chat.text()).toContain(ru.search.askCity);
    expect(chat.keyboard()[0]).toEqual(CITIES);
    await chat.say('Астана');
    expect(chat.state).toBe('dates');
    expect(chat.text()).not.toContain('⚠️');
  });

  it('has no Back on the first step', async () => {
    await begin();
    expect(await chat.send({ type: 'BACK' })).toBe(false);
  });
});

describe('search: the dates step', () => {
  beforeEach(async () => {
    await begin();
    await chat.say('Алматы');
  });

  const calendar = () => chat.messages()[1]!;
  const dayButton = (label: string) =>
    calendar()
      .inline!.slice(2)
      .flat()
      .find((button) => button.text === label);

  it('shows the step with Skip, Back and Cancel, then a calendar of this month with past days not selectable', () => {
    const [step, month] = chat.messages();
    expect(step?.reply).toBeDefined();
    expect(chat.keyboard()).toEqual([[ru.buttons.skip], [ru.buttons.back, ru.buttons.cancel]]);
    expect(month?.text).toBe(ru.search.pickCheckIn);
    expect(month?.inline?.[0]?.[1]?.text).toBe('Декабрь 2026 г.');
    // 1 December is today: selectable; November is not shown.
    expect(dayButton('1')?.callback).toEqual({ action: 'day', id: 20261201 });
  });

  it('picks check-in then check-out in the calendar and moves on to the guests', async () => {
    await chat.send({ type: 'cb.day', id: 20261205 });
    expect(chat.state).toBe('dates');
    expect(calendar().text).toBe(ru.search.pickCheckOut('05.12.2026'));
    expect(dayButton('[5]')).toBeDefined();
    await chat.send({ type: 'cb.day', id: 20261208 });
    expect(chat.state).toBe('guests');
    await chat.say(ru.buttons.back);
    // Back on the dates, the chosen stay is highlighted.
    expect(dayButton('[5]')).toBeDefined();
    expect(dayButton('•6')).toBeDefined();
    expect(dayButton('[8]')).toBeDefined();
  });

  it('a day before the picked check-in becomes the check-in instead', async () => {
    await chat.send({ type: 'cb.day', id: 20261210 });
    await chat.send({ type: 'cb.day', id: 20261203 });
    expect(chat.state).toBe('dates');
    expect(calendar().text).toBe(ru.search.pickCheckOut('03.12.2026'));
  });

  it('refuses a past day (a stale or forged button) and a stay over 90 nights, keeping the step', async () => {
    await chat.send({ type: 'cb.day', id: 20261130 });
    expect(calendar().text).toContain(ru.search.datesPast);
    await chat.send({ type: 'cb.day', id: 20261205 });
    await chat.send({ type: 'cb.day', id: 20270310 });
    expect(chat.state).toBe('dates');
    expect(calendar().text).toContain(ru.search.datesTooLong);
    expect(calendar().text).toContain(ru.search.pickCheckOut('05.12.2026'));
    // 90 nights exactly is fine.
    await chat.send({ type: 'cb.day', id: 20270305 });
    expect(chat.state).toBe('guests');
  });

  it('pages months forward, never before this month, and ignores a month that does not exist', async () => {
    const next = calendar().inline![0]![2]!.callback;
    await chat.send({ type: `cb.${next.action}`, id: next.id } as FlowEvent);
    expect(calendar().inline![0]![1]!.text).toBe('Январь 2027 г.');
    await chat.send({ type: 'cb.month', id: 202611 });
    expect(calendar().inline![0]![1]!.text).toBe('Декабрь 2026 г.');
    expect(await chat.send({ type: 'cb.month', id: 202613 })).toBe(false);
  });

  it.each([
    ['12.12–15.12', '2026-12-12', '2026-12-15'],
    ['12.12-15.12', '2026-12-12', '2026-12-15'],
    ['12.12.2026-15.12.2026', '2026-12-12', '2026-12-15'],
    ['30.12 – 02.01', '2026-12-30', '2027-01-02'],
  ])('takes typed dates %j', async (typed, checkIn, checkOut) => {
    await chat.say(typed);
    expect(chat.state).toBe('guests');
    await chat.say(ru.buttons.skip);
    await chat.say(ru.search.anyPrice);
    script.resolve(page([]));
    await chat.say(ru.buttons.skip);
    expect(searched()[0]?.filters).toMatchObject({ checkIn, checkOut });
  });

  it.each([
    ['завтра', ru.search.datesFormat],
    ['15.12.2026-12.12.2026', ru.search.datesOrder],
    ['01.11.2026-05.11.2026', ru.search.datesPast],
    ['01.12.2026-15.03.2027', ru.search.datesTooLong],
  ])('explains what is wrong with %j and keeps the step', async (typed, problem) => {
    await chat.say(typed);
    expect(chat.state).toBe('dates');
    expect(calendar().text).toContain(problem);
    expect(chat.messages()).toHaveLength(2);
  });

  it('Skip searches any dates; Back returns to the city', async () => {
    await chat.say(ru.buttons.back);
    expect(chat.state).toBe('city');
    await chat.say('Алматы');
    await chat.say(ru.buttons.skip);
    expect(chat.state).toBe('guests');
  });
});

describe('search: guests, price and amenities', () => {
  beforeEach(async () => {
    await begin();
    await chat.say(ru.buttons.skip);
    await chat.say('12.12–15.12');
  });

  it('offers 1–6 as buttons and takes a typed number up to 50', async () => {
    expect(chat.text()).toBe(ru.search.askGuests);
    expect(chat.keyboard()).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
      [ru.buttons.skip],
      [ru.buttons.back, ru.buttons.cancel],
    ]);
    await chat.say('12');
    expect(chat.state).toBe('price');
  });

  it.each(['0', '51', 'двое', '2.5', '-1'])(
    'refuses %j as a number of guests and keeps the step',
    async (typed) => {
      await chat.say(typed);
      expect(chat.state).toBe('guests');
      expect(chat.text()).toContain(ru.search.badGuests);
    },
  );

  it('offers price ranges and «Любая»; a typed amount is the nightly maximum', async () => {
    await chat.say('2');
    expect(chat.keyboard()).toEqual([
      ['до 15 000 ₸', '15 000 ₸ – 25 000 ₸'],
      ['25 000 ₸ – 40 000 ₸', 'от 40 000 ₸'],
      ['Любая'],
      [ru.buttons.back, ru.buttons.cancel],
    ]);
    await chat.say('дорого');
    expect(chat.state).toBe('price');
    expect(chat.text()).toContain(ru.search.badPrice);
    await chat.say('20 000 ₸');
    expect(chat.state).toBe('amenities');
    await chat.say(ru.buttons.back);
    await chat.say('15 000 ₸ – 25 000 ₸');
    script.resolve(page([]));
    await chat.say(ru.buttons.skip);
    expect(searched()[0]?.filters).toMatchObject({ guests: 2, priceMin: 15_000, priceMax: 25_000 });
  });

  it('ticks and unticks amenities (✅ when chosen), then searches with them on «Готово»', async () => {
    await chat.say(ru.buttons.skip);
    await chat.say('до 15 000 ₸');
    expect(chat.text()).toContain(ru.search.amenitiesNone);
    await chat.tap('Wi-Fi');
    await chat.tap('Кухня');
    await chat.tap('Парковка');
    expect(chat.inline()[0]).toEqual(['✅ Wi-Fi', '✅ Кухня']);
    await chat.tap('✅ Парковка');
    expect(chat.text()).toContain(ru.search.amenitiesChosen('Wi-Fi, Кухня'));
    expect(chat.inline('en')[0]).toEqual(['✅ Wi-Fi', '✅ Kitchen']);
    script.resolve(page([item(3)]));
    await chat.tap(ru.search.done);
    expect(searched()).toEqual([
      {
        filters: {
          ...NO_FILTERS,
          checkIn: '2026-12-12',
          checkOut: '2026-12-15',
          priceMax: 15_000,
          amenities: ['wifi', 'kitchen'],
        },
        page: 1,
      },
    ]);
    expect(chat.state).toBe('results');
  });

  it('Back walks the steps backwards to the city', async () => {
    await chat.say('2');
    await chat.say('Любая');
    expect(chat.state).toBe('amenities');
    for (const state of ['price', 'guests', 'dates', 'city']) {
      await chat.say(ru.buttons.back);
      expect(chat.state).toBe(state);
    }
  });

  it('Cancel ends the search from any step', async () => {
    await chat.say(ru.buttons.cancel);
    expect(chat.output).toEqual({ outcome: 'cancelled' });
    expect(chat.finish()).toBe(ru.common.cancelled);
  });
});

describe('search: results', () => {
  it('shows the filters, then the page of listings, each with Details, Book and Favourite', async () => {
    await toResults(page([item(7), item(8)], 1, 12));
    const [summary, list] = chat.messages();
    expect(summary?.text).toContain(ru.search.summaryTitle);
    expect(summary?.text).toContain(ru.search.anyCity);
    expect(chat.keyboard()).toEqual([[ru.search.changeFilters], [ru.buttons.cancel]]);
    expect(list?.text).toContain('Найдено 12 вариантов · страница 1 из 3');
    expect(list?.inline?.[0]?.map((button) => button.callback)).toEqual([
      { action: 'more', id: 7 },
      { action: 'book', id: 7 },
      { action: 'fav', id: 7 },
    ]);
  });

  it('pages with ◀ ▶, asking the domain for that page with the same filters', async () => {
    await toResults(page([item(7)], 1, 12));
    script.resolve(page([item(9)], 2, 12));
    await chat.tap('▶');
    expect(searched().map((call) => call.page)).toEqual([1, 2]);
    expect(searched()[1]?.filters).toEqual(searched()[0]?.filters);
    expect(chat.text()).toContain('страница 2 из 3');
    expect(chat.inline().at(-1)).toEqual(['◀', '2 / 3', '▶']);
    // The page label does nothing, but is no stale button either.
    expect(await chat.tap('2 / 3')).toBe(true);
    expect(chat.state).toBe('results');
  });

  it('no results: says so and offers each filter to change, not a new search', async () => {
    await toResults(page([]));
    expect(chat.state).toBe('noResults');
    expect(chat.text()).toContain(ru.search.noResults);
    expect(chat.keyboard()).toEqual([
      [ru.search.filters.city, ru.search.filters.dates],
      [ru.search.filters.guests, ru.search.filters.price],
      [ru.search.filters.amenities],
      [ru.buttons.cancel],
    ]);
  });

  it('a refused search (dates passed meanwhile) says why and offers the filters', async () => {
    await begin();
    await chat.say(ru.buttons.skip);
    await chat.say('12.12–15.12');
    await chat.say(ru.buttons.skip);
    await chat.say(ru.search.anyPrice);
    script.reject(new ValidationFailed([{ field: 'checkIn', message: 'in the past' }]));
    await chat.say(ru.buttons.skip);
    expect(chat.state).toBe('noResults');
    expect(chat.text()).toContain(ru.errors.validation_failed);
  });
});

describe('search: changing one filter', () => {
  beforeEach(async () => {
    await begin();
    await chat.say('Алматы');
    await chat.say('12.12–15.12');
    await chat.say('2');
    await chat.say('до 15 000 ₸');
    await chat.tap('Wi-Fi');
    script.resolve(page([]));
    await chat.tap(ru.search.done);
  });
  const kept: SearchFilters = {
    city: 'Алматы',
    checkIn: '2026-12-12',
    checkOut: '2026-12-15',
    guests: 2,
    priceMin: null,
    priceMax: 15_000,
    amenities: ['wifi'],
  };

  it('from no results: the price step, then the results with every other filter kept', async () => {
    expect(chat.state).toBe('noResults');
    await chat.say(ru.search.filters.price);
    expect(chat.state).toBe('price');
    expect(chat.text()).toBe(ru.search.editPrice);
    script.resolve(page([item(1)]));
    await chat.say('от 40 000 ₸');
    expect(chat.state).toBe('results');
    expect(searched()[1]).toEqual({ filters: { ...kept, priceMin: 40_000, priceMax: null }, page: 1 });
    expect(chat.text()).toContain('от 40 000 ₸ за ночь');
  });

  it('from the results: «Изменить фильтры» → which filter → that step → back to the results', async () => {
    script.resolve(page([item(1)]));
    await chat.say(ru.search.filters.city);
    await chat.say(ru.buttons.skip);
    expect(searched()[1]?.filters).toEqual({ ...kept, city: null });
    expect(chat.state).toBe('results');

    await chat.say(ru.search.changeFilters);
    expect(chat.state).toBe('chooseFilter');
    expect(chat.text()).toContain(ru.search.chooseFilter);
    await chat.say(ru.search.filters.dates);
    expect(chat.text()).toContain(ru.search.editDates);
    script.resolve(page([item(1)]));
    await chat.say('20.12–22.12');
    expect(searched()[2]?.filters).toEqual({
      ...kept,
      city: null,
      checkIn: '2026-12-20',
      checkOut: '2026-12-22',
    });

    await chat.say(ru.search.changeFilters);
    await chat.say(ru.search.filters.amenities);
    expect(chat.inline()[0]).toEqual(['✅ Wi-Fi', 'Кухня']);
    await chat.tap('Кухня');
    script.resolve(page([item(1)]));
    await chat.tap(ru.search.done);
    expect(searched()[3]?.filters.amenities).toEqual(['wifi', 'kitchen']);

    await chat.say(ru.search.changeFilters);
    await chat.say(ru.search.filters.guests);
    script.resolve(page([item(1)]));
    await chat.say('5');
    expect(searched()[4]?.filters.guests).toBe(5);
  });

  it('Back on a filter being changed returns to the results unchanged', async () => {
    await chat.say(ru.search.filters.amenities);
    await chat.tap('Кухня');
    script.resolve(page([]));
    await chat.say(ru.buttons.back);
    expect(searched()[1]?.filters).toEqual(kept);
    expect(chat.state).toBe('noResults');
  });
});

describe('search: a listing’s card', () => {
  beforeEach(() => toResults(page([item(7), item(8)], 1, 7)));

  it('«Подробнее» loads the card for the search dates; «Назад к результатам» returns to the same page', async () => {
    script.resolve(card());
    await chat.tap('1 · Подробнее');
    expect(script.inputsOf('details')).toEqual([{ listingId: 7, checkIn: null, checkOut: null }]);
    expect(chat.state).toBe('details');
    const text = chat.messages()[1]!.text;
    for (const part of ['🏠 Студия у Медеу', 'ул. Абая, 1', 'Светлая студия', 'Wi-Fi, Кухня', 'до 3 гостей'])
      expect(text).toContain(part);
    expect(text).toContain('⭐ 4,5 (2 отзыва)');
    expect(text).toContain('★★★★★ Алия, 20.11.2026: Отлично');
    expect(chat.inline()).toEqual([
      [ru.search.bookButton, ru.search.favoriteButton],
      [ru.search.backToResults],
    ]);
    script.resolve(page([item(7), item(8)], 1, 7));
    await chat.tap(ru.search.backToResults);
    expect(chat.state).toBe('results');
    expect(searched().at(-1)?.page).toBe(1);
  });

  it('a listing gone meanwhile: back to the results, saying so', async () => {
    script.reject(new NotFound('listing', 7));
    script.resolve(page([item(8)], 1, 6));
    await chat.tap('1 · Подробнее');
    expect(chat.state).toBe('results');
    expect(chat.text()).toContain(ru.errors.not_found);
  });
});

describe('search: favourites and booking', () => {
  beforeEach(() => toResults(page([item(7), item(8)])));

  it('«В избранное» adds the listing; a second time says it is already there', async () => {
    script.resolve({ added: true });
    await chat.tap('2 · В избранное');
    expect(script.inputsOf('addFavorite')).toEqual([{ listingId: 8 }]);
    expect(chat.state).toBe('results');
    expect(chat.messages()[1]?.text).toContain(ru.search.favoriteAdded);
    script.resolve({ added: false });
    await chat.tap('2 · В избранное');
    expect(chat.messages()[1]?.text).toContain(ru.search.favoriteAlready);
    expect(chat.messages()[1]?.text).not.toContain(ru.search.favoriteAdded);
  });

  it('from the card, Favourite stays on the card', async () => {
    script.resolve(card());
    await chat.tap('1 · Подробнее');
    script.resolve({ added: true });
    await chat.tap(ru.search.favoriteButton);
    expect(chat.state).toBe('details');
    expect(chat.messages()[1]?.text).toContain(ru.search.favoriteAdded);
  });

  it('without an account, Favourite offers registration or linking and hands over with the way back', async () => {
    script.reject(new AccountRequired());
    await chat.tap('2 · В избранное');
    expect(chat.state).toBe('accountRequired');
    expect(chat.text()).toBe(ru.search.accountRequired);
    expect(chat.keyboard()).toEqual([
      [ru.menu.register, ru.menu.link],
      [ru.buttons.back, ru.buttons.cancel],
    ]);
    await chat.say(ru.buttons.back);
    expect(chat.state).toBe('results');
    script.reject(new AccountRequired());
    await chat.tap('2 · В избранное');
    await chat.say(ru.menu.register);
    expect(chat.output).toEqual({
      outcome: 'account',
      flow: 'register',
      handoff: {
        flow: 'register',
        input: { resume: { flow: 'search', input: { resume: { filters: NO_FILTERS, listingId: 8 } } } },
      },
    });
    expect(chat.finish()).toBe(ru.search.toRegister);
  });

  it('«Забронировать» with an account hands over to the book flow, with the way back to this page', async () => {
    script.resolve(true);
    await chat.tap('1 · Забронировать');
    expect(chat.output).toEqual({
      outcome: 'book',
      handoff: {
        flow: 'book',
        input: {
          listingId: 7,
          returnTo: { flow: 'search', input: { resume: { filters: NO_FILTERS, page: 1 } } },
        },
      },
    });
    expect(chat.finish()).toBe(ru.search.toBooking);
  });

  it('«Забронировать» without an account offers linking; the link flow comes back to the card', async () => {
    script.resolve(card());
    await chat.tap('1 · Подробнее');
    script.resolve(false);
    await chat.tap(ru.search.bookButton);
    expect(chat.state).toBe('accountRequired');
    await chat.say(ru.buttons.back);
    expect(chat.state).toBe('details');
    script.resolve(false);
    await chat.tap(ru.search.bookButton);
    await chat.say(ru.menu.link);
    expect(chat.output).toMatchObject({
      outcome: 'account',
      handoff: { flow: 'link', input: { resume: { input: { resume: { listingId: 7 } } } } },
    });
    expect(chat.finish('en')).toBe(en.search.toLink);
  });
});

describe('search: booking hands over the dates and guests', () => {
  it('passes check-in, check-out and guests when the search has them', async () => {
    await begin();
    await chat.say('Алматы');
    await chat.say('12.12–15.12');
    await chat.say('3');
    await chat.say(ru.search.anyPrice);
    script.resolve(page([item(7, { nights: 3, total: 36_000 })]));
    await chat.say(ru.buttons.skip);
    expect(chat.text()).toContain('💰 12 000 ₸ за ночь · 36 000 ₸ за 3 ночи');
    script.resolve(true);
    await chat.tap('1 · Забронировать');
    expect(chat.output).toMatchObject({
      handoff: {
        flow: 'book',
        input: { listingId: 7, checkIn: '2026-12-12', checkOut: '2026-12-15', guests: 3 },
      },
    });
  });
});

describe('search: resuming', () => {
  const filters: SearchFilters = { ...NO_FILTERS, city: 'Астана', guests: 2 };

  it('straight to the results page it was on (back from booking)', async () => {
    script.resolve({ cities: CITIES, today: TODAY, resume: { filters, page: 2 } });
    script.resolve(page([item(9)], 2, 8));
    await chat.start({ resume: { filters, page: 2 } });
    expect(script.inputsOf('start')).toEqual([{ resume: { filters, page: 2 } }]);
    expect(searched()).toEqual([{ filters, page: 2 }]);
    expect(chat.state).toBe('results');
    expect(chat.text()).toContain('Астана');
  });

  it('straight to the listing’s card (back from registration)', async () => {
    script.resolve({ cities: CITIES, today: TODAY, resume: { filters, listingId: 7 } });
    script.resolve(card());
    await chat.start({ resume: { filters, listingId: 7 } });
    expect(script.inputsOf('details')).toEqual([{ listingId: 7, checkIn: null, checkOut: null }]);
    expect(chat.state).toBe('details');
    script.resolve(page([item(7)]));
    await chat.tap(ru.search.backToResults);
    expect(searched()).toEqual([{ filters, page: 1 }]);
  });

  it('resumeFor drops dates that have passed and keeps the rest', () => {
    const stale = { ...filters, checkIn: '2026-11-20', checkOut: '2026-11-22' };
    expect(resumeFor({ filters: stale, listingId: 7 }, TODAY)).toEqual({ filters, listingId: 7 });
    const fresh = { ...filters, checkIn: '2026-12-20', checkOut: '2026-12-22' };
    expect(resumeFor({ filters: fresh, page: 3 }, TODAY)).toEqual({ filters: fresh, page: 3 });
    expect(resumeFor(null, TODAY)).toBeNull();
    expect(resumeFor({ filters: { ...filters, amenities: ['wifi', 'sauna' as never] } }, TODAY)).toEqual({
      filters: { ...filters, amenities: ['wifi'] },
    });
  });
});
