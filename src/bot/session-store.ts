import type { Em } from '../db/orm.ts';

/** A chat's persisted conversation: which flow, which version, where it stands. */
export interface StoredSession {
  machineId: string;
  machineVersion: number;
  snapshot: Record<string, unknown>;
  rowVersion: number;
}

export type SessionWrite = Omit<StoredSession, 'rowVersion'> | null;

/** Another writer changed the session between our read and our write. */
export class SessionConflict extends Error {
  override name = 'SessionConflict';
}

interface SessionRow {
  machine_id: string;
  machine_version: number;
  snapshot: Record<string, unknown> | string;
  row_version: number;
}

function sessionOf(row: SessionRow): StoredSession {
  return {
    machineId: row.machine_id,
    machineVersion: row.machine_version,
    snapshot: typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot,
    rowVersion: row.row_version,
  };
}

/**
 * Chat sessions in `chat_session`. `load` locks the row for the update's
 * transaction (one process handles a chat at a time even when several share
 * the database); `save` is a versioned write that refuses a lost update.
 */
export const sessionStore = {
  async load(em: Em, chatId: number): Promise<StoredSession | null> {
    const rows = await em.execute<SessionRow[]>(
      'select machine_id, machine_version, snapshot, row_version from chat_session where chat_id = ? for update',
      [chatId],
    );
    const row = rows[0];
    return row ? sessionOf(row) : null;
  },

  async save(em: Em, chatId: number, previous: StoredSession | null, next: SessionWrite): Promise<void> {
    if (!next) {
      if (previous) await em.execute('delete from chat_session where chat_id = ?', [chatId]);
      return;
    }
    const snapshot = JSON.stringify(next.snapshot);
    if (!previous) {
      await em.execute(
        `insert into chat_session (chat_id, machine_id, machine_version, snapshot, row_version, updated_at)
         values (?, ?, ?, ?::jsonb, 1, now())`,
        [chatId, next.machineId, next.machineVersion, snapshot],
      );
      return;
    }
    const updated = await em.execute<{ chat_id: number }[]>(
      `update chat_session set machine_id = ?, machine_version = ?, snapshot = ?::jsonb,
         row_version = row_version + 1, updated_at = now()
       where chat_id = ? and row_version = ? returning chat_id`,
      [next.machineId, next.machineVersion, snapshot, chatId, previous.rowVersion],
    );
    if (updated.length === 0) throw new SessionConflict(`chat ${chatId} changed meanwhile`);
  },
};

/**
 * Records an update as handled, in the update's transaction. False when it was
 * already handled (a redelivery), so it has no second effect.
 */
export async function markUpdateProcessed(em: Em, updateId: number): Promise<boolean> {
  const rows = await em.execute<{ update_id: number }[]>(
    'insert into processed_update (update_id, processed_at) values (?, now()) on conflict do nothing returning update_id',
    [updateId],
  );
  return rows.length > 0;
}

/**
 * `markUpdateProcessed` and `sessionStore.load` in one round trip (the
 * pipeline's first statement of every update): records the update as handled
 * and, only when it is new, locks and reads the chat's session. Null for an
 * update already handled (a redelivery), so it has no second effect.
 */
export async function claimUpdate(
  em: Em,
  updateId: number,
  chatId: number,
): Promise<{ session: StoredSession | null } | null> {
  const rows = await em.execute<(Partial<SessionRow> & { update_id: number })[]>(
    `with claimed as (
       insert into processed_update (update_id, processed_at) values (?, now())
       on conflict do nothing returning update_id
     )
     select claimed.update_id, s.machine_id, s.machine_version, s.snapshot, s.row_version
     from claimed
     left join lateral (
       select machine_id, machine_version, snapshot, row_version from chat_session where chat_id = ? for update
     ) s on true`,
    [updateId, chatId],
  );
  const row = rows[0];
  if (!row) return null;
  return { session: row.machine_id == null ? null : sessionOf(row as SessionRow) };
}
