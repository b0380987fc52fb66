import { BotApiError } from './bot-api-error.ts';

/** An update as Telegram hands it out: its id plus one payload field (message, callback_query…). */
export type QueuedUpdate = { update_id: number } & Record<string, unknown>;

export interface TakeOptions {
  /** Confirms (drops) every update below it, as Telegram's `offset` does. */
  offset?: number;
  limit?: number;
  /** Seconds to hold the request open while there is nothing to hand out. */
  timeoutSeconds?: number;
  /** The caller went away: stop waiting. */
  signal?: AbortSignal;
}

/** Updates the person produced, waiting for the bot's getUpdates. */
export interface UpdateQueue {
  /** Adds an update; `build` gets its id. Wakes a waiting getUpdates. */
  push(build: (updateId: number) => QueuedUpdate): QueuedUpdate;
  /** getUpdates: the unconfirmed updates from `offset`, waiting up to the timeout for the first. */
  take(options: TakeOptions): Promise<QueuedUpdate[]>;
  /** Answers a waiting getUpdates with nothing (shutting down). */
  release(): void;
}

const CONFLICT =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';

/**
 * Telegram's long polling, in memory: an update stays until a later
 * getUpdates confirms it with a higher `offset`, so a bot that crashes
 * mid-batch gets it again. A second getUpdates while one waits ends the
 * first with 409, as Telegram does. Ids start at `firstUpdateId` and grow.
 */
export function createUpdateQueue(firstUpdateId: number): UpdateQueue {
  let nextId = firstUpdateId;
  let pending: QueuedUpdate[] = [];
  let waiter: { wake: () => void; fail: (error: Error) => void } | null = null;

  const confirm = (offset: number | undefined) => {
    if (offset !== undefined) pending = pending.filter((update) => update.update_id >= offset);
  };

  return {
    push(build) {
      const update = build(nextId++);
      pending.push(update);
      waiter?.wake();
      return update;
    },

    async take({ offset, limit = 100, timeoutSeconds = 0, signal }) {
      confirm(offset);
      const batch = () => pending.slice(0, Math.max(1, Math.min(limit, 100)));
      if (pending.length > 0 || timeoutSeconds <= 0) return batch();
      waiter?.fail(new BotApiError(409, CONFLICT));
      await new Promise<void>((resolve, reject) => {
        const settle = (error?: Error) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', wake);
          if (waiter === mine) waiter = null;
          if (error) reject(error);
          else resolve();
        };
        const wake = () => settle();
        const mine = { wake, fail: settle };
        const timer = setTimeout(wake, timeoutSeconds * 1000);
        signal?.addEventListener('abort', wake);
        waiter = mine;
      });
      return batch();
    },

    release() {
      waiter?.wake();
    },
  };
}
