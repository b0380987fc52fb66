import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Delivers one email or throws (the job queue retries). */
export interface MailTransport {
  send(email: OutgoingEmail): Promise<void>;
}

export interface MailTransportOptions {
  /** SMTP URL; unset → .eml files in `outboxDir`. */
  smtpUrl?: string | undefined;
  outboxDir: string;
  from: string;
  logger: Logger;
}

/**
 * nodemailer over SMTP, or — with no SMTP server configured — nodemailer's
 * stream transport writing each message as an .eml file to the outbox folder,
 * so a developer can read a link code on a machine with no mail server.
 */
export function createMailTransport(options: MailTransportOptions): MailTransport {
  const { smtpUrl, outboxDir, from, logger } = options;
  if (smtpUrl) {
    const smtp = nodemailer.createTransport(smtpUrl);
    return {
      async send(email) {
        await smtp.sendMail({ from, ...email });
        logger.info({ to: email.to, subject: email.subject }, 'email sent over SMTP');
      },
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(email) {
      const info = await stream.sendMail({ from, ...email });
      await mkdir(outboxDir, { recursive: true });
      const file = join(
        outboxDir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[<>@]/g, '')}.eml`,
      );
      await writeFile(file, info.message as Buffer);
      // The body may hold a link code: log where it is, never what it says.
      logger.info({ to: email.to, subject: email.subject, file }, 'email written to the outbox');
    },
  };
}
