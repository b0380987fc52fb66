import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { createJobQueue, type JobQueue } from '../../src/db/job-queue.ts';
import { createOrm, type Em, migrateToLatest, type Orm } from '../../src/db/orm.ts';
import { manualClock } from '../../src/domain/clock.ts';
import { createDomain, type Domain } from '../../src/domain/index.ts';
import { emailJobHandler } from '../../src/domain/mail/outbox.ts';
import type { MailTransport, OutgoingEmail } from '../../src/domain/mail/transport.ts';
import { createSecrets } from '../../src/domain/secrets.ts';
import { createServerDatabase } from './server-database.ts';

/** Which database the suite runs on: PostgreSQL when DATABASE_URL is set, else in-memory PGlite. */
export const databaseKind: 'postgresql' | 'pglite' = process.env.DATABASE_URL ? 'postgresql' : 'pglite';

/** A mail transport that records what it delivers and can be made to fail. */
export interface CapturingTransport extends MailTransport {
  sent: OutgoingEmail[];
  failing: boolean;
}

export function capturingTransport(): CapturingTransport {
  const transport: CapturingTransport = {
    sent: [],
    failing: false,
    async send(email) {
      if (transport.failing) throw new Error('SMTP unavailable');
      transport.sent.push(email);
    },
  };
  return transport;
}

export interface TestDatabase {
  orm: Orm;
  jobs: JobQueue;
  domain: Domain;
  clock: ReturnType<typeof manualClock>;
  mail: CapturingTransport;
  /** Delivers every queued email now (through `mail`). */
  deliverEmails(): Promise<{ done: number; failed: number }>;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database with the whole domain wired to it: a manual clock
 * (starting 2026-12-01 10:00 Almaty), a capturing mail transport and a job
 * queue driven by hand (`jobs.runAvailable`).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  const server = baseUrl ? await createServerDatabase(baseUrl) : undefined;
  const orm = await createOrm({ databaseUrl: server?.url });
  await migrateToLatest(orm);
  const logger = pino({ level: 'silent' });
  const jobs = createJobQueue({ orm, databaseUrl: server?.url, logger, background: false });
  await jobs.start();
  const secrets = createSecrets('test-secret-test-secret-test-secret-0123456789');
  const clock = manualClock('2026-12-01T05:00:00Z');
  const domain = createDomain({ clock, jobs, secrets });
  const mail = capturingTransport();
  jobs.handle('email.send', emailJobHandler(mail, secrets));
  return {
    orm,
    jobs,
    domain,
    clock,
    mail,
    deliverEmails: () => jobs.runAvailable('email.send'),
    async close() {
      await jobs.stop();
      await orm.close();
      await server?.drop();
    },
  };
}

/** The database of one describe block, as returned by `useTestDatabase()`. */
export interface SuiteDatabase {
  /** The database itself; available from the block's first `beforeAll` on. */
  readonly db: TestDatabase;
  /** A fresh entity manager on it (a fork of the ORM's global one). */
  fork(): Em;
}

/**
 * Gives the calling describe block a database of its own: created by a
 * `beforeAll` and closed by an `afterAll` registered here. Call it first in the
 * block; any further setup that needs the database goes in its own
 * `beforeAll` after it (Vitest runs `beforeAll` hooks in the order given).
 */
export function useTestDatabase(): SuiteDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  const database = (): TestDatabase => {
    if (!current) {
      throw new Error(
        'The test database is not open: useTestDatabase() opens it in a beforeAll and closes it in an afterAll, so use `db` inside tests and hooks only, not while the describe block is being collected.',
      );
    }
    return current;
  };
  return {
    get db() {
      return database();
    },
    fork: () => database().orm.em.fork(),
  };
}
