import { describe, expect, it } from 'vitest';
import { DEFAULT_CITIES } from '../../src/domain/cities.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';

// A file of its own: the fallback needs a database without any visible listing.
describe('search service: knownCities', () => {
  const suite = useTestDatabase();

  const em = suite.fork;

  it('offers the default cities while no listing is visible, then the cities that have listings', async () => {
    const { user: owner } = await makeUser(em(), 'realtor');
    await makeListing(em(), owner, { city: 'Кокшетау', published: false });
    const closed = (await makeUser(em(), 'realtor', { agency: await makeAgency(em(), { active: false }) }))
      .user;
    await makeListing(em(), closed, { city: 'Талдыкорган' });
    expect(await suite.db.domain.search.knownCities(em())).toEqual(DEFAULT_CITIES);

    for (const city of ['Шымкент', 'Алматы', 'Алматы', 'Сёмей', 'Семей', 'Семей', 'Астана']) {
      await makeListing(em(), owner, { city });
    }
    expect(await suite.db.domain.search.knownCities(em())).toEqual(['Алматы', 'Астана', 'Семей', 'Шымкент']);
  });
});
