import type { Update } from 'node-telegram-bot-api/types';
import pg from 'pg';
import pino from 'pino';
import { createPipeline } from '../src/bot/pipeline.ts';
import { sessionStore } from '../src/bot/session-store.ts';
import { createJobQueue } from '../src/db/job-queue.ts';
import { createOrm, migrateToLatest } from '../src/db/orm.ts';
import { systemClock } from '../src/domain/clock.ts';
import { createDomain } from '../src/domain/index.ts';
import { createSecrets } from '../src/domain/secrets.ts';
import { createServerDatabase } from '../test/support/server-database.ts';
import { type ProcessCpu, processCpuMs } from './cpu.ts';
import { MARKERS } from './script.ts';
import type { BenchTarget } from './target.ts';
import { recordingSender } from './telegram.ts';

/** Counts what the pipeline logs at warn and above, keeping the first line. */
function countingLogger() {
  let count = 0;
  let first: string | null = null;
  const logger = pino(
    { level: 'warn' },
    {
      write(line: string) {
        count++;
        first ??= line.trim();
      },
    },
  );
  return { logger, errors: () => ({ count, first }) };
}

/**
 * The full pipeline as `createBot` wires it, minus the Bot API: a fresh
 * migrated database (in-memory PGlite, or a throw-away PostgreSQL database
 * when `databaseUrl` is given), the real domain with the system clock, the
 * pg-boss job queue (no background maintenance, no workers: queued emails just
 * stay queued), and a recording sender.
 */
export async function pipelineTarget(databaseUrl?: string): Promise<BenchTarget> {
  const server = databaseUrl ? await createServerDatabase(databaseUrl, 'bench') : undefined;
  const orm = await createOrm({ databaseUrl: server?.url });
  await migrateToLatest(orm);
  const { logger, errors } = countingLogger();
  const jobs = createJobQueue({ orm, databaseUrl: server?.url, logger, background: false });
  await jobs.start();
  const domain = createDomain({
    clock: systemClock,
    jobs,
    secrets: createSecrets('bench-secret-bench-secret-bench-secret-0123456789'),
  });
  const sender = recordingSender(Object.values(MARKERS));
  const pipeline = createPipeline({ orm, domain, sender, logger });
  // Our backends' pids, to see what the server spends on this run (readable when it runs on this machine).
  const monitor = server ? new pg.Client({ connectionString: server.url }) : undefined;
  await monitor?.connect();
  const databaseCpu = monitor
    ? async (): Promise<ProcessCpu> => {
        const { rows } = await monitor.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        );
        const cpu: ProcessCpu = new Map();
        for (const { pid } of rows) {
          const ms = processCpuMs(pid);
          if (ms !== null) cpu.set(pid, ms);
        }
        return cpu;
      }
    : undefined;
  return {
    ...(databaseCpu ? { databaseCpu } : {}),
    name: server ? 'full pipeline on PostgreSQL' : 'full pipeline on PGlite (in-memory)',
    sender,
    handle: (update: Update) => pipeline.handleUpdate(update),
    async snapshotBytes(chatId) {
      const session = await sessionStore.load(orm.em.fork(), chatId);
      return session ? Buffer.byteLength(JSON.stringify(session.snapshot), 'utf8') : null;
    },
    errors,
    async close() {
      await pipeline.idle();
      await monitor?.end();
      await jobs.stop();
      await orm.close();
      await server?.drop();
    },
  };
}
