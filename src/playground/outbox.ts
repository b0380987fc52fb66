import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** An email from the outbox folder, decoded for reading. */
export interface OutboxEmail {
  /** The file's name: unique, and sorts by the time it was written. */
  id: string;
  to: string;
  subject: string;
  /** The Date header as ISO time, or null. */
  date: string | null;
  text: string;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) in a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

/** Parses a single-part text email as nodemailer's stream transport writes it. */
export function parseEmail(id: string, raw: string): OutboxEmail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = (split === -1 ? raw : raw.slice(0, split)).replace(/\r?\n[ \t]+/g, ' ');
  const body = split === -1 ? '' : raw.slice(split).trim();
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  const date = new Date(header('Date'));
  return {
    id,
    to: decodeHeader(header('To')),
    subject: decodeHeader(header('Subject')),
    date: Number.isNaN(date.getTime()) ? null : date.toISOString(),
    text,
  };
}

/**
 * The newest emails in the outbox folder (where the app writes mail when
 * SMTP_URL is unset), newest first; none when the folder does not exist yet.
 */
export async function readOutbox(outboxDir: string, limit = 30): Promise<OutboxEmail[]> {
  let names: string[];
  try {
    names = (await readdir(outboxDir)).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  const newest = names.sort().reverse().slice(0, limit);
  return Promise.all(
    newest.map(async (name) => parseEmail(name, await readFile(join(outboxDir, name), 'utf8'))),
  );
}
