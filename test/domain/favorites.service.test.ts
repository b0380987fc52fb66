import { describe, expect, it } from 'vitest';
import { Favorite } from '../../src/db/entities/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';

describe('favorites service', () => {
  const suite = useTestDatabase();
  const fork = suite.fork;

  async function world() {
    const realtor = await makeUser(fork(), 'realtor');
    const listing = await makeListing(fork(), realtor.user, {
      title: 'Студия у Арбата',
      pricePerNight: 18_000,
    });
    const guest = await makeUser(fork(), 'guest');
    return { realtor, listing, guest };
  }

  it('adds a listing once, however often the button is pressed, and removes it', async () => {
    const { listing, guest } = await world();
    expect(await suite.db.domain.favorites.has(fork(), guest.actor, { listingId: listing.id })).toBe(false);
    expect(await suite.db.domain.favorites.add(fork(), guest.actor, { listingId: listing.id })).toEqual({
      added: true,
    });
    expect(await suite.db.domain.favorites.add(fork(), guest.actor, { listingId: listing.id })).toEqual({
      added: false,
    });
    expect(await fork().count(Favorite, { user: guest.user.id })).toBe(1);
    expect(await suite.db.domain.favorites.has(fork(), guest.actor, { listingId: listing.id })).toBe(true);

    expect(await suite.db.domain.favorites.remove(fork(), guest.actor, { listingId: listing.id })).toEqual({
      removed: true,
    });
    expect(await suite.db.domain.favorites.remove(fork(), guest.actor, { listingId: listing.id })).toEqual({
      removed: false,
    });
    expect(await suite.db.domain.favorites.has(fork(), guest.actor, { listingId: listing.id })).toBe(false);
  });

  it('survives two presses at the same moment', async () => {
    const { listing, guest } = await world();
    const results = await Promise.all(
      [1, 2].map(() => suite.db.domain.favorites.add(fork(), guest.actor, { listingId: listing.id })),
    );
    expect(results.map((result) => result.added).sort()).toEqual([false, true]);
    expect(await fork().count(Favorite, { user: guest.user.id })).toBe(1);
  });

  it('lists favourites newest first, page by page, flagging listings that can no longer be booked', async () => {
    const { realtor, listing, guest } = await world();
    const second = await makeListing(fork(), realtor.user, { title: 'Дом у гор' });
    const third = await makeListing(fork(), realtor.user, { title: 'Лофт' });
    for (const item of [listing, second, third]) {
      await suite.db.domain.favorites.add(fork(), guest.actor, { listingId: item.id });
    }
    await fork().getConnection().execute('update listing set published = false where id = ?', [third.id]);

    const first = await suite.db.domain.favorites.list(fork(), guest.actor, { pageSize: 2 });
    expect(first).toMatchObject({ total: 3, pages: 2, page: 1 });
    expect(first.items.map((item) => [item.title, item.visible])).toEqual([
      ['Лофт', false],
      ['Дом у гор', true],
    ]);
    const last = await suite.db.domain.favorites.list(fork(), guest.actor, { pageSize: 2, page: 2 });
    expect(last.items).toEqual([
      {
        id: listing.id,
        title: 'Студия у Арбата',
        city: 'Алматы',
        pricePerNight: 18_000,
        ratingAvg: 0,
        ratingCount: 0,
        visible: true,
      },
    ]);

    await fork()
      .getConnection()
      .execute('update agency set active = false where id = ?', [realtor.user.agency!.id]);
    const afterAgencyClosed = await suite.db.domain.favorites.list(fork(), guest.actor);
    expect(afterAgencyClosed.items.every((item) => !item.visible)).toBe(true);
  });

  it('refuses listings guests cannot see and wrong input, adding nothing', async () => {
    const { realtor, guest } = await world();
    const hidden = await makeListing(fork(), realtor.user, { published: false });
    await expect(
      suite.db.domain.favorites.add(fork(), guest.actor, { listingId: hidden.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      suite.db.domain.favorites.add(fork(), guest.actor, { listingId: 999_999 }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      suite.db.domain.favorites.add(fork(), guest.actor, { listingId: 'x' as unknown as number }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await fork().count(Favorite, { user: guest.user.id })).toBe(0);
  });

  it('keeps each person’s favourites to themselves and asks for an account', async () => {
    const { listing, guest } = await world();
    const other = await makeUser(fork(), 'guest');
    const blocked = await makeUser(fork(), 'guest', { status: 'blocked' });
    await suite.db.domain.favorites.add(fork(), guest.actor, { listingId: listing.id });
    expect((await suite.db.domain.favorites.list(fork(), other.actor)).total).toBe(0);
    expect(await suite.db.domain.favorites.remove(fork(), other.actor, { listingId: listing.id })).toEqual({
      removed: false,
    });
    expect(await suite.db.domain.favorites.has(fork(), guest.actor, { listingId: listing.id })).toBe(true);
    await expect(
      suite.db.domain.favorites.add(fork(), null, { listingId: listing.id }),
    ).rejects.toMatchObject({
      code: 'account_required',
    });
    await expect(suite.db.domain.favorites.list(fork(), blocked.actor)).rejects.toMatchObject({
      code: 'account_blocked',
    });
    await expect(
      suite.db.domain.favorites.add(fork(), blocked.actor, { listingId: listing.id }),
    ).rejects.toMatchObject({ code: 'account_blocked' });
    expect(await fork().count(Favorite, { user: blocked.user.id })).toBe(0);
  });
});
