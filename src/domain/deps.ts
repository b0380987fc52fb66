import type { JobQueue } from '../db/job-queue.ts';
import type { Clock } from './clock.ts';
import type { MailOutbox } from './mail/outbox.ts';
import type { Notifier } from './notify.ts';
import type { Secrets } from './secrets.ts';

/** What every domain service is built from. */
export interface DomainDeps {
  clock: Clock;
  jobs: JobQueue;
  secrets: Secrets;
  mail: MailOutbox;
  notifier: Notifier;
  /** Makes a 6-digit link code; unset → `generateLinkCode` (crypto random). Replays pass a fixed sequence. */
  linkCodes?: () => string;
}
