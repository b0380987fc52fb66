import { User, type UserStatus } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import type { DomainDeps } from '../deps.ts';
import { InvalidState, LastSuperuser } from '../errors.ts';
import { queryRows } from './sql.ts';

/**
 * Refuses when `userId` is the only active Superuser. Locks every active
 * Superuser row first, so two Superusers demoting each other at the same time
 * cannot both succeed. Call inside the transaction that demotes or blocks.
 */
export async function assertAnotherActiveSuperuser(tx: Em, userId: number): Promise<void> {
  const rows = await queryRows<{ id: number }>(
    tx,
    `select id from app_user where role = 'superuser' and status = 'active' order by id for update`,
  );
  if (!rows.some((row) => row.id !== userId)) throw new LastSuperuser();
}

/**
 * Sets `user`'s status and tells them (status_changed), inside `tx`.
 * Refuses a status the user already has (a double press) and blocking the last
 * active Superuser. The update is conditional on the status read, so a
 * concurrent change makes it `InvalidState` instead of a second notification.
 */
export async function changeUserStatus(
  deps: DomainDeps,
  tx: Em,
  user: User,
  status: UserStatus,
): Promise<void> {
  if (user.status === status) throw new InvalidState('user', user.status);
  if (status === 'blocked' && user.role === 'superuser') await assertAnotherActiveSuperuser(tx, user.id);
  const affected = await tx.nativeUpdate(
    User,
    { id: user.id, status: user.status },
    { status, updatedAt: deps.clock.now() },
  );
  if (affected === 0) throw new InvalidState('user', status);
  await deps.notifier.notify(tx, user.id, 'status_changed', { status, role: user.role });
}
