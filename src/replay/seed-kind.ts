import type { Em } from '../db/orm.ts';
import type { SeedKind } from './format.ts';

/** What the database was seeded with, as a recording stores it. */
export interface DetectedSeed {
  seed: SeedKind;
  /** When the demo data was loaded (its people are dated by the seeding clock). */
  seededAt?: string;
}

/**
 * Whether the database holds the demo data set, and since when: `npm run
 * db:seed` creates its people under @demo.kz (src/db/seed.ts), dated by the
 * clock of the seeding, and nothing else does. Stored in recordings so the
 * replay seeds the same data as of the same day.
 */
export async function detectSeed(em: Em): Promise<DetectedSeed> {
  const rows = await em.execute<{ seeded_at: Date | string | null }[]>(
    `select min(created_at) as seeded_at from app_user where email like '%@demo.kz'`,
  );
  const seededAt = rows[0]?.seeded_at;
  return seededAt ? { seed: 'demo', seededAt: new Date(seededAt).toISOString() } : { seed: 'empty' };
}
