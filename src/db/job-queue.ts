import { fromKysely, fromPglite, PgBoss, type Queue, type SendOptions } from 'pg-boss';
import type { Logger } from 'pino';
import type { Em, Orm } from './orm.ts';

/** Every job the application runs, with its payload. */
export interface JobPayloads {
  /** An email, sealed with the app secret (codes must not sit in the database in plain text). */
  'email.send': { sealed: string };
  /** Push a stored notification to the user's Telegram chat. */
  'notification.push': { notificationId: number };
  /** Periodic: complete finished stays, expire unpaid bookings whose check-in passed. */
  'bookings.sweep': Record<string, never>;
}
export type JobName = keyof JobPayloads;
export const JOB_NAMES: readonly JobName[] = ['email.send', 'notification.push', 'bookings.sweep'];

export type JobHandler<N extends JobName> = (
  data: JobPayloads[N],
  meta: { id: string; retryCount: number },
) => Promise<void>;

/** Retries with exponential backoff: ~5 s, 10 s, 20 s … capped at 10 minutes, for about a day. */
const QUEUE_OPTIONS: Omit<Queue, 'name'> = {
  retryLimit: 150,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 600,
};

export interface JobQueueOptions {
  orm: Orm;
  /** PostgreSQL connection string; unset → the ORM's PGlite instance is shared. */
  databaseUrl?: string | undefined;
  logger: Logger;
  /** Run pg-boss maintenance and cron schedules (off in tests that drive jobs by hand). */
  background?: boolean;
}

/**
 * A durable job queue on pg-boss. `send` writes the job in the caller's
 * transaction, so a job exists if and only if the change that caused it committed.
 */
export interface JobQueue {
  start(): Promise<void>;
  /** Enqueues a job inside `em`'s current transaction (or at once when there is none). */
  send<N extends JobName>(em: Em, name: N, data: JobPayloads[N], options?: SendOptions): Promise<void>;
  /** Registers the handler of a job; workers poll once `startWorkers` is called. */
  handle<N extends JobName>(name: N, handler: JobHandler<N>): void;
  /** Starts polling workers for every handled job. */
  startWorkers(): Promise<void>;
  /** Runs the handler for every job of `name` available now; returns how many succeeded. For tests and the CLI. */
  runAvailable(name: JobName): Promise<{ done: number; failed: number }>;
  /** Schedules a recurring job (cron, UTC). */
  schedule(name: JobName, cron: string): Promise<void>;
  stop(): Promise<void>;
}

export function createJobQueue(options: JobQueueOptions): JobQueue {
  const { orm, databaseUrl, logger } = options;
  const background = options.background ?? true;
  const handlers = new Map<JobName, JobHandler<JobName>>();
  let boss: PgBoss | undefined;

  async function createBoss(): Promise<PgBoss> {
    const common = { supervise: background, schedule: background, migrate: true };
    if (databaseUrl) {
      return new PgBoss({
        ...common,
        connectionString: databaseUrl,
        max: 4,
        application_name: 'daily-rental-jobs',
      });
    }
    const connection = orm.em.getConnection() as unknown as { getNativeClient(): Promise<unknown> };
    const pglite = (await connection.getNativeClient()) as Parameters<typeof fromPglite>[0];
    return new PgBoss({ ...common, db: fromPglite(pglite), backend: 'pglite' });
  }

  function requireBoss(): PgBoss {
    if (!boss) throw new Error('job queue not started');
    return boss;
  }

  async function runOne(
    name: JobName,
    job: { id: string; data: unknown; retryCount?: number },
  ): Promise<boolean> {
    const handler = handlers.get(name);
    if (!handler) throw new Error(`no handler for job ${name}`);
    try {
      await handler(job.data as JobPayloads[JobName], { id: job.id, retryCount: job.retryCount ?? 0 });
      return true;
    } catch (error) {
      logger.warn({ err: error, job: name, jobId: job.id }, 'job failed; it will be retried');
      throw error;
    }
  }

  return {
    async start() {
      boss = await createBoss();
      boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
      await boss.start();
      for (const name of JOB_NAMES) await boss.createQueue(name, QUEUE_OPTIONS);
    },

    async send(em, name, data, sendOptions) {
      const transaction = em.isInTransaction() ? em.getTransactionContext() : undefined;
      const db = transaction ? fromKysely(transaction as Parameters<typeof fromKysely>[0]) : undefined;
      await requireBoss().send(name, data, { ...sendOptions, ...(db ? { db } : {}) });
    },

    handle(name, handler) {
      handlers.set(name, handler as JobHandler<JobName>);
    },

    async startWorkers() {
      const queue = requireBoss();
      for (const name of handlers.keys()) {
        await queue.work(name, { pollingIntervalSeconds: 1, batchSize: 10 }, async (jobs) => {
          // One failing job must not fail (and so re-run) the others of its batch.
          for (const job of jobs) {
            try {
              await runOne(name, job);
            } catch (error) {
              await queue.fail(name, job.id, { message: String(error) });
            }
          }
        });
      }
    },

    async runAvailable(name) {
      const queue = requireBoss();
      let done = 0;
      let failed = 0;
      for (;;) {
        const jobs = await queue.fetch(name, { batchSize: 20 });
        if (jobs.length === 0) return { done, failed };
        for (const job of jobs) {
          try {
            await runOne(name, job);
            await queue.complete(name, job.id);
            done++;
          } catch (error) {
            await queue.fail(name, job.id, { message: String(error) });
            failed++;
          }
        }
        if (failed > 0) return { done, failed };
      }
    },

    async schedule(name, cron) {
      await requireBoss().schedule(name, cron, {}, { tz: 'UTC' });
    },

    async stop() {
      if (!boss) return;
      await boss.stop({ graceful: true, close: true, timeout: 10_000 });
      boss = undefined;
    },
  };
}
