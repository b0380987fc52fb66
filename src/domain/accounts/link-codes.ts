import type { Em } from '../../db/orm.ts';

/** How long a link code lives. */
export const LINK_CODE_TTL_MINUTES = 10;
/** Wrong guesses a code survives; the last one kills it. */
export const LINK_CODE_MAX_ATTEMPTS = 3;

export interface LiveCode {
  id: number;
  userId: number | null;
  codeHash: string;
}

/**
 * The newest code of a Telegram user that can still be tried: unused, unexpired
 * and with attempts left. Read with plain SQL so a stale identity map never answers.
 */
export async function findLiveCode(em: Em, telegramId: number, now: Date): Promise<LiveCode | null> {
  const rows = await em.execute<{ id: number; user_id: number | null; code_hash: string }[]>(
    `select id, user_id, code_hash from verification_code
     where telegram_id = ? and used_at is null and expires_at > ? and attempts < ?
     order by created_at desc, id desc limit 1`,
    [telegramId, now, LINK_CODE_MAX_ATTEMPTS],
  );
  const row = rows[0];
  return row ? { id: row.id, userId: row.user_id, codeHash: row.code_hash } : null;
}

/**
 * Counts one wrong guess on a code, atomically: the row lock makes concurrent
 * guesses queue up and each re-checks `attempts < max`, so no more than
 * `LINK_CODE_MAX_ATTEMPTS` guesses are ever counted. Returns the attempts used so
 * far, or null when the code died meanwhile (used, superseded, expired, spent).
 */
export async function spendAttempt(em: Em, codeId: number, now: Date): Promise<number | null> {
  const rows = await em.execute<{ attempts: number }[]>(
    `update verification_code set attempts = attempts + 1
     where id = ? and used_at is null and expires_at > ? and attempts < ?
     returning attempts`,
    [codeId, now, LINK_CODE_MAX_ATTEMPTS],
  );
  return rows[0]?.attempts ?? null;
}

/** Marks a code used if it still is live; false when another request won or it died meanwhile. */
export async function consumeCode(em: Em, codeId: number, now: Date): Promise<boolean> {
  const rows = await em.execute<{ id: number }[]>(
    `update verification_code set used_at = ?
     where id = ? and used_at is null and expires_at > ? and attempts < ?
     returning id`,
    [now, codeId, now, LINK_CODE_MAX_ATTEMPTS],
  );
  return rows.length > 0;
}

/**
 * Kills every unused code of a Telegram user (a new one supersedes them). They are
 * marked used, which every check treats as dead.
 */
export async function supersedeCodes(em: Em, telegramId: number, now: Date): Promise<void> {
  await em.execute('update verification_code set used_at = ? where telegram_id = ? and used_at is null', [
    now,
    telegramId,
  ]);
}
