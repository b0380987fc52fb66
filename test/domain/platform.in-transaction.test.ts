import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeUser } from '../support/fixtures.ts';

/**
 * The bot calls the Superuser's operations inside the update's transaction
 * (the session is written in the same one). What they return must be the
 * record after the change, read in that transaction: a read outside it waits
 * for it on PGlite (one connection) and sees the old row on PostgreSQL.
 */
describe('platform service inside the caller’s transaction', () => {
  const suite = useTestDatabase();
  let superuser: Actor;

  beforeAll(async () => {
    superuser = (await makeUser(suite.fork(), 'superuser')).actor;
  });

  /** Runs `work` in one transaction, as an update does. */
  const inUpdate = <T>(work: (tx: ReturnType<typeof suite.fork>) => Promise<T>) =>
    suite.fork().transactional(work);

  it('setRole and setUserStatus return the user as changed', async () => {
    const agency = await makeAgency(suite.fork(), { name: 'Внутри транзакции' });
    const { user } = await makeUser(suite.fork(), 'guest');
    const platform = suite.db.domain.platform;
    const promoted = await inUpdate((tx) =>
      platform.setRole(tx, superuser, { userId: user.id, role: 'realtor', agencyId: agency.id }),
    );
    expect([promoted.role, promoted.agency]).toEqual([
      'realtor',
      { id: agency.id, name: 'Внутри транзакции' },
    ]);
    const blocked = await inUpdate((tx) =>
      platform.setUserStatus(tx, superuser, { userId: user.id, status: 'blocked' }),
    );
    expect(blocked.status).toBe('blocked');
  });

  it('changeRealtorAgency, removeRealtorAgency and setRealtorStatus return the realtor as changed', async () => {
    const from = await makeAgency(suite.fork(), { name: 'Откуда' });
    const to = await makeAgency(suite.fork(), { name: 'Куда' });
    const { user } = await makeUser(suite.fork(), 'realtor', { agency: from });
    const platform = suite.db.domain.platform;
    const moved = await inUpdate((tx) =>
      platform.changeRealtorAgency(tx, superuser, { realtorId: user.id, agencyId: to.id }),
    );
    expect(moved.agency).toEqual({ id: to.id, name: 'Куда' });
    const detached = await inUpdate((tx) =>
      platform.removeRealtorAgency(tx, superuser, { realtorId: user.id }),
    );
    expect(detached.agency).toBeNull();
    const deactivated = await inUpdate((tx) =>
      platform.setRealtorStatus(tx, superuser, { realtorId: user.id, status: 'blocked' }),
    );
    expect(deactivated.status).toBe('blocked');
  });
});
