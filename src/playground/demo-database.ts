import { User } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { seedDemoData } from '../db/seed.ts';
import type { Domain } from '../domain/index.ts';

/**
 * Loads the demo data set (src/db/seed.ts) into a database with nobody in it,
 * so a fresh `npm start` has listings to search and accounts to act as.
 * A database with people in it is left alone. Returns the seed's summary, or null.
 */
export async function seedIfEmpty(em: Em, domain: Domain): Promise<string | null> {
  if ((await em.count(User, {})) > 0) return null;
  return seedDemoData(em, domain);
}

/**
 * The update id to count on from: above every update the bot already
 * processed (it ignores a repeated id), so a restarted playground's updates
 * are never taken for duplicates of the last run's.
 */
export async function nextUpdateId(em: Em): Promise<number> {
  const [row] = await em.execute<{ last: string | number | null }[]>(
    'select max(update_id) as last from processed_update',
  );
  return Number(row?.last ?? 0) + 1;
}
