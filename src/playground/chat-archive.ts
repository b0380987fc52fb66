import { mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SavedChat } from './chats.ts';

/**
 * The chats saved by an earlier run, or none. The bot's sessions and links
 * outlive a restart in its database; keeping the chats too means the message
 * ids it remembers (a list to edit in place) still point at the same messages.
 */
export function loadChats(file: string): SavedChat[] {
  try {
    const saved: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(saved) ? (saved as SavedChat[]) : [];
  } catch {
    return [];
  }
}

/**
 * Saves the chats to `file` a moment after they change (one write for a burst
 * of messages), replacing it whole so a crash mid-write never leaves half a file.
 */
export function chatArchiver(file: string, save: () => SavedChat[], delayMs = 300) {
  mkdirSync(dirname(file), { recursive: true });
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const write = () => {
    timer = null;
    const text = JSON.stringify(save());
    writing = writing.then(async () => {
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
    });
    return writing;
  };

  return {
    /** Something changed: save soon. */
    changed(): void {
      timer ??= setTimeout(write, delayMs);
    },
    /** Saves now what is pending (on shutdown). */
    async flush(): Promise<void> {
      if (timer) {
        clearTimeout(timer);
        await write();
      }
      await writing;
    },
  };
}
