import type { Language } from '../../db/entities/index.ts';
import type { JobQueue } from '../../db/job-queue.ts';
import type { Em } from '../../db/orm.ts';
import type { Secrets } from '../secrets.ts';
import { type EmailKind, type EmailTemplates, renderEmail } from './templates.ts';
import type { MailTransport, OutgoingEmail } from './transport.ts';

/** Queues emails in the caller's transaction; a worker delivers them with retries. */
export interface MailOutbox {
  queue<K extends EmailKind>(
    em: Em,
    kind: K,
    to: string,
    data: EmailTemplates[K],
    language?: Language,
  ): Promise<void>;
}

export function createMailOutbox(jobs: JobQueue, secrets: Secrets): MailOutbox {
  return {
    async queue(em, kind, to, data, language) {
      const email = renderEmail(kind, to, data, language);
      await jobs.send(em, 'email.send', { sealed: secrets.seal(email) });
    },
  };
}

/** The `email.send` job: unseal and deliver; a transport failure throws so the queue retries. */
export function emailJobHandler(transport: MailTransport, secrets: Secrets) {
  return async (data: { sealed: string }): Promise<void> => {
    await transport.send(secrets.unseal<OutgoingEmail>(data.sealed));
  };
}
