import type { Logger } from 'pino';
import { createJobQueue, type JobQueue } from '../db/job-queue.ts';
import { createOrm, migrateToLatest, type Orm } from '../db/orm.ts';
import { seedDemoData } from '../db/seed.ts';
import { manualClock } from '../domain/clock.ts';
import { createDomain } from '../domain/index.ts';
import { createSecrets } from '../domain/secrets.ts';
import type { SeedKind } from './format.ts';

/** The app secret of every replay (keys code hashes and sealed emails; nothing real is behind it). */
export const REPLAY_APP_SECRET = 'replay-secret-not-for-production-0123456789';

/** A fresh embedded database of one replay, with its job queue (workers driven by hand). */
export interface ReplayDatabase {
  orm: Orm;
  jobs: JobQueue;
  /** Closes it (it lives in memory only). */
  dispose(): Promise<void>;
}

/**
 * Fresh in-memory PGlite databases for replays. Creating and migrating a
 * PGlite cluster takes seconds, loading a dump of one a fraction of that:
 * each (seed, seeding time) is built once — migrated, the job queue's schema
 * installed, seeded on a clock standing at the seeding time — and dumped, and
 * every replay starts from that dump.
 */
export interface ReplayDatabases {
  /** A database loaded from the template seeded (for 'demo') on a clock standing at `seededAt`. */
  open(seed: SeedKind, seededAt: string): Promise<ReplayDatabase>;
  /** Forgets the templates. */
  close(): Promise<void>;
}

type NativePglite = { dumpDataDir(compression: 'none'): Promise<Blob> };

async function openFrom(dump: Uint8Array | undefined, logger: Logger): Promise<{ orm: Orm; jobs: JobQueue }> {
  const orm = await createOrm({ pgliteDir: 'memory://', ...(dump ? { loadDataDir: dump } : {}) });
  try {
    await migrateToLatest(orm);
    const jobs = createJobQueue({ orm, logger, background: false });
    await jobs.start();
    return { orm, jobs };
  } catch (error) {
    await orm.close();
    throw error;
  }
}

async function buildTemplate(seed: SeedKind, seededAt: string, logger: Logger): Promise<Uint8Array> {
  const { orm, jobs } = await openFrom(undefined, logger);
  try {
    if (seed === 'demo') {
      const secrets = createSecrets(REPLAY_APP_SECRET);
      const domain = createDomain({ clock: manualClock(seededAt), jobs, secrets });
      await seedDemoData(orm.em.fork(), domain);
      // The demo data's own notifications and emails concern nobody in the replayed chat:
      // drop their jobs so they are not delivered in the middle of a replay.
      jobs.handle('notification.push', async () => {});
      jobs.handle('email.send', async () => {});
      await jobs.runAvailable('notification.push');
      await jobs.runAvailable('email.send');
    }
    await jobs.stop();
    const connection = orm.em.getConnection() as unknown as { getNativeClient(): Promise<NativePglite> };
    const dump = await (await connection.getNativeClient()).dumpDataDir('none');
    return new Uint8Array(await dump.arrayBuffer());
  } finally {
    await jobs.stop();
    await orm.close();
  }
}

export function createReplayDatabases(logger: Logger): ReplayDatabases {
  const templates = new Map<string, Promise<Uint8Array>>();

  function template(seed: SeedKind, seededAt: string): Promise<Uint8Array> {
    const key = `${seed}@${seededAt}`;
    let dump = templates.get(key);
    if (!dump) {
      dump = buildTemplate(seed, seededAt, logger);
      templates.set(key, dump);
    }
    return dump;
  }

  return {
    async open(seed, seededAt) {
      const { orm, jobs } = await openFrom(await template(seed, seededAt), logger);
      return {
        orm,
        jobs,
        async dispose() {
          await jobs.stop();
          await orm.close();
        },
      };
    },
    async close() {
      templates.clear();
    },
  };
}
