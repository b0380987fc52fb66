import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type EmlEmail, parseEml } from '../domain/mail/eml.ts';

/** An email from the outbox folder, decoded for reading. */
export interface OutboxEmail extends EmlEmail {
  /** The file's name: unique, and sorts by the time it was written. */
  id: string;
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
    newest.map(async (name) => ({ id: name, ...parseEml(await readFile(join(outboxDir, name), 'utf8')) })),
  );
}
