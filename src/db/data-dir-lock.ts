import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Another live process already holds the data folder. */
export class DataDirLocked extends Error {
  override name = 'DataDirLocked';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on `dataDir` (a `.lock` file holding our pid), because
 * PGlite is single-process: a second instance on the same folder would corrupt it.
 * A lock left by a dead process is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLocked(
          `The data folder ${dataDir} is in use by another process (pid ${holder}). ` +
            'The embedded database allows one process at a time: stop the other one, or set DATABASE_URL to use PostgreSQL.',
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLocked(`Could not lock the data folder ${dataDir}`);
}
