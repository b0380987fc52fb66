import type { Update } from 'node-telegram-bot-api/types';
import type { ProcessCpu } from './cpu.ts';
import type { RecordingSender } from './telegram.ts';

/** Something updates can be fed to: the engine alone, or the full pipeline on a database. */
export interface BenchTarget {
  name: string;
  /** Handles one update; resolves when its reply has been handed to the (fake) sender. */
  handle(update: Update): Promise<void>;
  /** Bytes of the chat's persisted snapshot as JSON; null when the chat has no session. */
  snapshotBytes(chatId: number): Promise<number | null>;
  sender: RecordingSender;
  /** CPU ms of each database server process serving this target (PostgreSQL on this machine only). */
  databaseCpu?: () => Promise<ProcessCpu>;
  /** Errors logged by the pipeline (the error boundary), with the first one's text. */
  errors(): { count: number; first: string | null };
  close(): Promise<void>;
}
