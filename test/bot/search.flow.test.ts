import { beforeAll, describe, expect, it } from 'vitest';
import type { FlowServices } from '../../src/bot/flow.ts';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { type FlowStep, openFlow } from '../../src/bot/run-flow.ts';
import { searchFlow } from '../../src/bot/views/search.view.ts';
import { Listing } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { NO_FILTERS, type SearchContext, type SearchInput } from '../../src/machines/search.machine.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';
import { view } from '../support/flows.ts';
import { makeBooking, makeReview } from '../support/listings.fixtures.ts';

const ru = messagesFor('ru');

/**
 * The search flow with its real domain actors on a test database: each
 * update gets a fresh entity manager and the JSON the previous one left, as
 * in the bot.
 */
describe('search flow on the domain', () => {
  const suite = useTestDatabase();
  let realtorListings: number[];
  let guest: Actor;

  beforeAll(async () => {
    const em = suite.fork();
    const realtor = await makeUser(em, 'realtor');
    guest = (await makeUser(em, 'guest')).actor;
    realtorListings = [];
    // Seven in Қостанай (two pages), the cheapest reviewed; one unpublished; one elsewhere.
    for (let i = 0; i < 7; i++) {
      const listing = await makeListing(em, realtor.user, {
        title: `Квартира ${i + 1}`,
        city: 'Костанай',
        pricePerNight: 10_000 + i * 1000,
        amenities: i % 2 === 0 ? ['wifi', 'parking'] : ['wifi'],
      });
      realtorListings.push(listing.id);
    }
    await makeListing(em, realtor.user, { city: 'Костанай', published: false });
    await makeListing(em, realtor.user, { city: 'Павлодар', title: 'Студия в Павлодаре' });
    const stay = await makeBooking(em, {
      listing: { id: realtorListings[0]! },
      guest: guest,
      checkIn: '2026-11-01',
      checkOut: '2026-11-03',
      status: 'completed',
    });
    // Late on 30 November by UTC is 1 December in Almaty.
    await makeReview(em, stay, {
      rating: 4,
      text: 'Тепло и чисто',
      createdAt: new Date('2026-11-30T20:00:00Z'),
    });
    // The reviews service keeps the listing's rating; the fixture writes the review alone.
    await em.nativeUpdate(Listing, realtorListings[0]!, { ratingAvg: 4, ratingCount: 1 });
    // Taken on 10–12 December.
    await makeBooking(em, {
      listing: { id: realtorListings[1]! },
      guest: guest,
      checkIn: '2026-12-10',
      checkOut: '2026-12-12',
    });
  });

  class Chat {
    private step: FlowStep | null = null;
    private readonly actor: Actor | null;
    constructor(actor: Actor | null) {
      this.actor = actor;
    }
    private services(): FlowServices {
      return {
        em: suite.fork(),
        domain: suite.db.domain,
        actor: this.actor,
        telegram: { telegramId: 1, chatId: 1, firstName: 'Тест', locale: 'ru' },
      };
    }
    async start(input?: SearchInput): Promise<this> {
      this.step = await (await openFlow(searchFlow, this.services(), null, input)).send(null);
      return this;
    }
    async send(event: FlowEvent): Promise<this> {
      const json = JSON.parse(JSON.stringify(this.step!.persisted));
      this.step = await (await openFlow(searchFlow, this.services(), json)).send(event);
      return this;
    }
    get state(): string {
      return this.step!.snapshot.value as string;
    }
    get context(): SearchContext {
      return this.step!.snapshot.context as SearchContext;
    }
    get output(): unknown {
      return this.step!.output;
    }
    text(): string {
      return searchFlow
        .render(this.step!.snapshot, view('ru'))
        .map((message) => message.text)
        .join('\n\n');
    }
  }

  it('offers the cities that have visible listings', async () => {
    const chat = await new Chat(null).start();
    expect(chat.state).toBe('city');
    expect(chat.context.cities).toEqual(['Костанай', 'Павлодар']);
    expect(chat.context.today).toBe('2026-12-01');
  });

  it('finds the listings free for the stay, cheapest first, 5 a page, with the total for the stay', async () => {
    const chat = await new Chat(null).start();
    await chat.send({ type: 'TEXT', text: 'костанай' });
    await chat.send({ type: 'TEXT', text: '10.12–12.12' });
    await chat.send({ type: 'SKIP' });
    await chat.send({ type: 'cb.price', id: 0 });
    await chat.send({ type: 'cb.done', id: 0 });
    expect(chat.state).toBe('results');
    const results = chat.context.results!;
    expect(results.total).toBe(6);
    expect(results.items.map((item) => item.title)).toEqual([
      'Квартира 1',
      'Квартира 3',
      'Квартира 4',
      'Квартира 5',
      'Квартира 6',
    ]);
    expect(chat.text()).toContain('💰 10 000 ₸ за ночь · 20 000 ₸ за 2 ночи\n⭐ 4,0 (1 отзыв)');
    await chat.send({ type: 'cb.page', id: 2 });
    expect(chat.context.results!.items.map((item) => item.title)).toEqual(['Квартира 7']);
  });

  it('all amenities must be present; a price range bounds both ends', async () => {
    const filters = { ...NO_FILTERS, amenities: ['parking' as const], priceMin: 11_000, priceMax: 15_000 };
    const chat = await new Chat(null).start({ resume: { filters } });
    expect(chat.context.results!.items.map((item) => item.title)).toEqual(['Квартира 3', 'Квартира 5']);
  });

  it('a page that no longer exists shows the last one', async () => {
    const chat = await new Chat(null).start({
      resume: { filters: { ...NO_FILTERS, city: 'Костанай' }, page: 9 },
    });
    expect(chat.state).toBe('results');
    expect(chat.context.results).toMatchObject({ page: 2, pages: 2, total: 7 });
    expect(chat.context.page).toBe(2);
  });

  it('opens the card with the latest review and whether the dates are free', async () => {
    const filters = { ...NO_FILTERS, checkIn: '2026-12-10', checkOut: '2026-12-12' };
    const chat = await new Chat(null).start({ resume: { filters, listingId: realtorListings[1]! } });
    expect(chat.state).toBe('details');
    expect(chat.context.details).toMatchObject({ title: 'Квартира 2', available: false, total: 22_000 });
    expect(chat.text()).toContain(ru.search.unavailable);
    const reviewed = await new Chat(null).start({ resume: { filters, listingId: realtorListings[0]! } });
    expect(reviewed.context.details?.reviews).toEqual([
      { rating: 4, text: 'Тепло и чисто', authorName: 'Пользователь', date: '2026-12-01' },
    ]);
  });

  it('anonymous: Favourite and Book offer an account and nothing is saved', async () => {
    const chat = await new Chat(null).start({ resume: { filters: NO_FILTERS } });
    await chat.send({ type: 'cb.fav', id: realtorListings[2]! });
    expect(chat.state).toBe('accountRequired');
    await chat.send({ type: 'BACK' });
    await chat.send({ type: 'cb.book', id: realtorListings[2]! });
    expect(chat.state).toBe('accountRequired');
  });

  it('a guest adds a favourite once, however often pressed, and books through the book flow', async () => {
    const chat = await new Chat(guest).start({ resume: { filters: NO_FILTERS } });
    await chat.send({ type: 'cb.fav', id: realtorListings[2]! });
    expect(chat.context.flash).toBe('favoriteAdded');
    await chat.send({ type: 'cb.fav', id: realtorListings[2]! });
    expect(chat.context.flash).toBe('favoriteAlready');
    expect(await suite.db.domain.favorites.list(suite.fork(), guest)).toMatchObject({ total: 1 });
    await chat.send({ type: 'cb.book', id: realtorListings[2]! });
    expect(chat.output).toMatchObject({ outcome: 'book', handoff: { flow: 'book' } });
  });
});
