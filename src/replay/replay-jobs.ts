import { notificationPushHandler } from '../bot/notification-push.ts';
import type { JobQueue } from '../db/job-queue.ts';
import type { Orm } from '../db/orm.ts';
import type { Domain } from '../domain/index.ts';
import type { OutgoingEmail } from '../domain/mail/transport.ts';
import type { CapturingSender } from './capturing-sender.ts';
import type { TranscriptEntry } from './transcript.ts';

export interface ReplayJobs {
  /** Every email delivered so far, oldest first (the replay's outbox). */
  mailbox: OutgoingEmail[];
  /** Runs every job queued so far: pushes in notification order, then emails by address and subject. */
  runAll(): Promise<void>;
}

/**
 * The background workers of a replay, run by hand between steps. Jobs queued
 * in one transaction share a timestamp, so the queue hands them out in no
 * particular order: they are collected first and then run in a stable one.
 * Pushes go through the real push handler to the capturing sender; emails
 * land in `mailbox` and the transcript.
 */
export function createReplayJobs(deps: {
  orm: Orm;
  jobs: JobQueue;
  domain: Domain;
  sender: CapturingSender;
  entries: TranscriptEntry[];
}): ReplayJobs {
  const { jobs, domain, sender, entries } = deps;
  const mailbox: OutgoingEmail[] = [];
  let pushes: { notificationId: number }[] = [];
  let emails: { sealed: string }[] = [];
  jobs.handle('notification.push', async (data) => {
    pushes.push(data);
  });
  jobs.handle('email.send', async (data) => {
    emails.push(data);
  });
  const push = notificationPushHandler(deps.orm, domain, sender);

  return {
    mailbox,
    async runAll() {
      for (;;) {
        pushes = [];
        emails = [];
        await jobs.runAvailable('notification.push');
        await jobs.runAvailable('email.send');
        if (pushes.length === 0 && emails.length === 0) return;
        sender.pushing = true;
        try {
          for (const job of pushes.sort((a, b) => a.notificationId - b.notificationId)) await push(job);
        } finally {
          sender.pushing = false;
        }
        const delivered = emails
          .map((job) => domain.deps.secrets.unseal<OutgoingEmail>(job.sealed))
          .sort((a, b) => `${a.to}\n${a.subject}`.localeCompare(`${b.to}\n${b.subject}`));
        for (const email of delivered) {
          mailbox.push(email);
          entries.push({ kind: 'email', to: email.to, subject: email.subject });
        }
      }
    },
  };
}
