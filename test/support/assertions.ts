import { expect } from 'vitest';
import { Notification } from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import { databaseSnapshot } from './admin.fixtures.ts';

/**
 * Runs `call`, expects it to be refused with an error matching `expected`, and
 * checks that it wrote nothing: `snapshot` (by default every table and the job
 * queue, see `databaseSnapshot`) is the same after the call as before it.
 * Each snapshot is taken on a fresh fork of `em`.
 */
export async function expectRefusal(
  em: Em,
  call: () => Promise<unknown>,
  expected: Record<string, unknown>,
  snapshot: (em: Em) => Promise<unknown> = databaseSnapshot,
): Promise<void> {
  const before = await snapshot(em.fork());
  await expect(call()).rejects.toMatchObject(expected);
  expect(await snapshot(em.fork())).toEqual(before);
}

/** The notifications of `userId` as [kind, data] pairs, oldest first. */
export async function notificationsOf(em: Em, userId: number): Promise<[string, unknown][]> {
  const rows = await em.fork().find(Notification, { user: userId }, { orderBy: { id: 'asc' } });
  return rows.map((row) => [row.kind, row.data]);
}
