import { describe, expect, it } from 'vitest';
import { Agency, Booking, Listing, Review, User } from '../../src/db/entities/index.ts';
import { seedDemoData } from '../../src/db/seed.ts';
import { actorOf } from '../../src/domain/actor.ts';
import { useTestDatabase } from '../support/database.ts';

describe('demo data', () => {
  const suite = useTestDatabase();

  it('loads agencies, people, published listings in three cities, bookings in every status and reviews', async () => {
    const summary = await seedDemoData(suite.fork(), suite.db.domain);
    expect(summary).toMatch(/2 agencies/);
    const em = suite.fork();
    expect(await em.count(Agency)).toBe(2);
    expect(await em.count(User, { role: 'super_admin' })).toBe(2);
    expect(await em.count(User, { role: 'realtor' })).toBe(4);
    expect(await em.count(User, { role: 'guest' })).toBeGreaterThanOrEqual(5);
    expect(await em.count(User, { role: 'superuser' })).toBe(1);
    expect(await em.count(Listing, { published: true })).toBeGreaterThanOrEqual(30);
    const cities = await suite.db.domain.search.knownCities(em);
    expect(cities).toEqual(expect.arrayContaining(['Алматы', 'Астана', 'Шымкент']));
    const statuses = (await em.find(Booking, {})).map((booking) => booking.status);
    expect(new Set(statuses)).toEqual(new Set(['pending', 'confirmed', 'cancelled', 'completed']));
    expect(await em.count(Review)).toBeGreaterThan(0);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const em = suite.fork();
    const before = [await em.count(User), await em.count(Listing), await em.count(Booking)];
    expect(await seedDemoData(suite.fork(), suite.db.domain)).toMatch(/already present/);
    const after = [await em.count(User), await em.count(Listing), await em.count(Booking)];
    expect(after).toEqual(before);
  });

  it('gives guests something to find for an upcoming stay', async () => {
    const guest = await suite.fork().findOneOrFail(User, { email: 'guest1@demo.kz' });
    const page = await suite.db.domain.search.search(suite.fork(), actorOf(guest), { city: 'алматы' });
    expect(page.total).toBeGreaterThanOrEqual(10);
  });
});
