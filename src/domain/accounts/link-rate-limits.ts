import type { Em } from '../../db/orm.ts';
import { RateLimited } from '../errors.ts';

interface Limit {
  max: number;
  windowSeconds: number;
}

/** Per Telegram user: one request a minute, five an hour. */
const PER_TELEGRAM_USER: Limit[] = [
  { max: 1, windowSeconds: 60 },
  { max: 5, windowSeconds: 3600 },
];
/** Per email, whoever asks: five an hour (nobody floods a mailbox through the bot). */
const PER_EMAIL: Limit[] = [{ max: 5, windowSeconds: 3600 }];

const LONGEST_WINDOW_SECONDS = 3600;
const MOST_COUNTED = 5;

/** Advisory-lock namespaces (first key of the two-key form), so concurrent requests count each other. */
const LOCK_TELEGRAM = 7301;
const LOCK_EMAIL = 7302;

/**
 * Serialises link-code requests of one Telegram user and of one email until the
 * transaction ends, so two simultaneous requests cannot both pass the limits.
 * Always telegram first, then email: one order, no deadlock.
 */
export async function lockLinkRequests(tx: Em, telegramId: number, email: string): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [LOCK_TELEGRAM, String(telegramId)]);
  await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [LOCK_EMAIL, email]);
}

/** Seconds until `limits` allow one more request, given request times newest first; 0 when allowed now. */
function waitSeconds(requests: Date[], limits: Limit[], now: Date): number {
  let wait = 0;
  for (const { max, windowSeconds } of limits) {
    const since = now.getTime() - windowSeconds * 1000;
    const inWindow = requests.filter((at) => at.getTime() > since);
    if (inWindow.length < max) continue;
    // The request that must leave the window before another fits.
    const blocking = inWindow[max - 1]!;
    const seconds = Math.ceil((blocking.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
    wait = Math.max(wait, seconds, 1);
  }
  return wait;
}

/** Times of the latest requests within the longest window, newest first. */
async function recentRequests(em: Em, column: 'telegram_id' | 'email', value: number | string, now: Date) {
  // Epoch milliseconds as float8: both drivers return a number (timestamps come back as strings from raw SQL).
  const rows = await em.execute<{ at: number }[]>(
    `select (extract(epoch from created_at) * 1000)::float8 as at from verification_code
     where ${column} = ? and created_at > ? order by created_at desc limit ?`,
    [value, new Date(now.getTime() - LONGEST_WINDOW_SECONDS * 1000), MOST_COUNTED],
  );
  return rows.map((row) => new Date(row.at));
}

/**
 * Refuses with `RateLimited` when the Telegram user or the email asked for too
 * many codes lately. Applies the same way whether or not the email has an
 * account, so the answer reveals nothing. Call after `lockLinkRequests`.
 */
export async function checkLinkRateLimits(
  em: Em,
  telegramId: number,
  email: string,
  now: Date,
): Promise<void> {
  const wait = Math.max(
    waitSeconds(await recentRequests(em, 'telegram_id', telegramId, now), PER_TELEGRAM_USER, now),
    waitSeconds(await recentRequests(em, 'email', email, now), PER_EMAIL, now),
  );
  if (wait > 0) throw new RateLimited(wait);
}
