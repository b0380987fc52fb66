/**
 * Setting up and tearing down one e2e file's installation: its data folder,
 * accounts made with the operator CLI before the bot starts (the embedded
 * database allows one process), and stopping whatever was started.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BotProcess, removeDataDir, runCli, type TelegramServer } from './e2e.ts';

/** A fresh, empty data folder `bot-e2e-<name>-…` (no demo data). */
export function freshDataDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `bot-e2e-${name}-`));
}

/** Makes a Superuser in `dataDir` with the operator CLI; returns what it printed. */
export function createSuperuser(
  dataDir: string,
  person: { email: string; phone: string; name: string },
): Promise<string> {
  return runCli(dataDir, [
    'create-superuser',
    '--email',
    person.email,
    '--phone',
    person.phone,
    '--name',
    person.name,
  ]);
}

/**
 * Stops the bot and the emulator (whatever of them did start; the bot's output
 * is printed first with E2E_LOG=1) and deletes the data folder.
 */
export async function stopBot(run: {
  bot?: BotProcess;
  emulator?: TelegramServer;
  dataDir?: string;
}): Promise<void> {
  if (process.env.E2E_LOG) console.log(run.bot?.output());
  await run.bot?.stop();
  await run.emulator?.stop();
  removeDataDir(run.dataDir);
}
