import { join } from 'node:path';
import type { Logger } from 'pino';
import { resolveAppSecret } from './app-secret.ts';
import type { AppConfig } from './config.ts';
import { lockDataDir } from './db/data-dir-lock.ts';
import { createJobQueue, type JobQueue } from './db/job-queue.ts';
import { createOrm, migrateToLatest, type Orm, pgliteDirIn } from './db/orm.ts';
import { type Clock, systemClock } from './domain/clock.ts';
import { createDomain, type Domain } from './domain/index.ts';
import { emailJobHandler } from './domain/mail/outbox.ts';
import { createMailTransport } from './domain/mail/transport.ts';
import { createSecrets } from './domain/secrets.ts';

/** The database, job queue and domain, opened and migrated. */
export interface Runtime {
  orm: Orm;
  jobs: JobQueue;
  domain: Domain;
  /** Migrations applied by this start. */
  appliedMigrations: string[];
  /** Schedules the periodic jobs and starts workers for every handled job (register handlers first). */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Run pg-boss maintenance and schedules (the long-running app); off for one-shot CLI commands. */
  background: boolean;
  clock?: Clock;
}

/**
 * Opens the configured database (PostgreSQL, or PGlite under DATA_DIR with a
 * lock so a second process fails fast), applies pending migrations, starts the
 * job queue (workers start with `startWorkers`) and builds the domain.
 * Shared by `main.ts` and `cli.ts`.
 */
export async function openRuntime(
  config: AppConfig,
  logger: Logger,
  options: RuntimeOptions,
): Promise<Runtime> {
  const releaseLock = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
  let orm: Orm | undefined;
  try {
    orm = await createOrm({
      databaseUrl: config.DATABASE_URL,
      pgliteDir: pgliteDirIn(config.DATA_DIR),
      debug: config.DB_DEBUG,
    });
    const appliedMigrations = await migrateToLatest(orm);
    const jobs = createJobQueue({
      orm,
      databaseUrl: config.DATABASE_URL,
      logger,
      background: options.background,
    });
    await jobs.start();
    const secrets = createSecrets(resolveAppSecret(config));
    const domain = createDomain({ clock: options.clock ?? systemClock, jobs, secrets });
    const transport = createMailTransport({
      smtpUrl: config.SMTP_URL,
      outboxDir: join(config.DATA_DIR, 'outbox'),
      from: config.MAIL_FROM,
      logger,
    });
    jobs.handle('email.send', emailJobHandler(transport, secrets));
    const openOrm = orm;
    jobs.handle('bookings.sweep', async () => {
      const result = await domain.bookings.sweep(openOrm.em.fork());
      const pruned = await openOrm.em
        .fork()
        .execute(`delete from processed_update where processed_at < now() - interval '7 days'`);
      logger.info(
        { ...result, prunedUpdates: (pruned as unknown as { affectedRows?: number }).affectedRows },
        'swept',
      );
    });
    return {
      orm,
      jobs,
      domain,
      appliedMigrations,
      async startWorkers() {
        await jobs.schedule('bookings.sweep', '*/15 * * * *');
        await jobs.startWorkers();
      },
      async close() {
        await jobs.stop();
        await openOrm.close();
        releaseLock();
      },
    };
  } catch (error) {
    await orm?.close().catch(() => {});
    releaseLock();
    throw error;
  }
}
