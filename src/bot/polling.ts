import { type Api, isTransientError, TelegramApiError } from 'node-telegram-bot-api';
import type { Update } from 'node-telegram-bot-api/types';
import type { Logger } from 'pino';

export interface PollingOptions {
  /** Seconds Telegram holds an empty getUpdates open. */
  timeoutSeconds?: number;
  /** A short pause after an empty batch answered at once (emulators do not long-poll). */
  idleDelayMs?: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Long polling: fetches a batch, hands every update to `handle` (different
 * chats run concurrently, one chat in order) and confirms the batch (the next
 * offset) only once all of it is handled, so a crash re-delivers rather than loses.
 * Transient errors back off (429 honours retry_after). Stops when `signal` aborts.
 */
export async function pollUpdates(
  api: Api,
  handle: (update: Update) => Promise<void>,
  logger: Logger,
  signal: AbortSignal,
  options: PollingOptions = {},
): Promise<void> {
  const timeout = options.timeoutSeconds ?? 25;
  const idleDelayMs = options.idleDelayMs ?? 300;
  let offset: number | undefined;
  let backoffMs = 1000;
  while (!signal.aborted) {
    const started = Date.now();
    let updates: Update[];
    try {
      updates = await api.getUpdates(
        { offset, timeout, allowed_updates: ['message', 'callback_query'] },
        signal,
      );
      backoffMs = 1000;
    } catch (error) {
      if (signal.aborted) return;
      if (!isTransientError(error)) throw error;
      const retryAfter = error instanceof TelegramApiError ? error.retryAfter : undefined;
      const wait = retryAfter ? retryAfter * 1000 : backoffMs;
      logger.warn({ err: error, waitMs: wait }, 'getUpdates failed; retrying');
      await sleep(wait, signal);
      backoffMs = Math.min(backoffMs * 2, 60_000);
      continue;
    }
    if (updates.length > 0) {
      await Promise.all(updates.map((update) => handle(update)));
      offset = Math.max(...updates.map((update) => update.update_id)) + 1;
    } else if (Date.now() - started < idleDelayMs) {
      await sleep(idleDelayMs, signal);
    }
  }
}
