import { BotApiError } from './bot-api-error.ts';
import { readParams } from './bot-api-params.ts';
import { type BotApiState, botMethods, methodNotFound, unauthorized } from './bot-methods.ts';
import { chatArchiver, loadChats } from './chat-archive.ts';
import { createChatStore, type TelegramUserJson } from './chats.ts';
import type { FileStore } from './file-store.ts';
import { personActions } from './person-actions.ts';
import { createUpdateQueue } from './update-queue.ts';

/** The playground's bot as getMe describes it; the token's prefix is its id, as in Telegram. */
export const PLAYGROUND_BOT: TelegramUserJson = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: 'Daily Rentals',
  username: 'daily_rentals_playground_bot',
};

/** A token of Telegram's shape that only the playground's Bot API accepts. */
export const PLAYGROUND_TOKEN = `${PLAYGROUND_BOT.id}:playground-local-token`;

export interface LocalBotApiOptions {
  files: FileStore;
  /** Where the chats are kept between runs; unset → in memory only. */
  chatsFile?: string;
  token?: string;
  /**
   * The first update_id handed out. The bot drops an update id it already
   * processed (kept a week in its database), so a restarted playground must
   * continue above the last one rather than count from 1 again.
   */
  firstUpdateId?: number;
  now?: () => Date;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const BOT_API_PATH = /^\/bot([^/]+)\/([A-Za-z]+)$/;

/** Whether a request path is a Bot API call (`/bot<token>/<method>`). */
export const isBotApiPath = (pathname: string) => BOT_API_PATH.test(pathname);

/**
 * A Telegram Bot API inside the process, for the playground: the bot reaches
 * it over HTTP at `/bot<token>/<method>` (node-telegram-bot-api's `apiRoot`),
 * the page acts as the person through `person`. It keeps every private chat
 * (messages with ids, edits, deletions, the reply keyboard; saved to
 * `chatsFile` between runs) and the files sent, and answers like Telegram: `{ ok, result }`, or `{ ok: false,
 * error_code, description }` with the same HTTP status.
 */
export function createLocalBotApi(options: LocalBotApiOptions) {
  const token = options.token ?? PLAYGROUND_TOKEN;
  const { chatsFile } = options;
  const chats = createChatStore({
    saved: chatsFile ? loadChats(chatsFile) : [],
    onChange: () => archiver?.changed(),
  });
  const archiver = chatsFile ? chatArchiver(chatsFile, () => chats.save()) : null;
  const state: BotApiState = {
    bot: PLAYGROUND_BOT,
    chats,
    updates: createUpdateQueue(options.firstUpdateId ?? 1),
    files: options.files,
    queries: new Map(),
    commands: new Map(),
    now: options.now ?? (() => new Date()),
  };
  const methods = botMethods(state);

  return {
    token,
    bot: state.bot,
    chats: state.chats,
    files: state.files,
    /** The person's side of the chats. */
    person: personActions(state),

    /** The command menu the bot registered for a language (Telegram falls back to the default list). */
    commandsFor(languageCode: string | undefined) {
      return state.commands.get(languageCode ?? '') ?? state.commands.get('') ?? [];
    },

    /** Answers one Bot API request (`/bot<token>/<method>`). */
    async handle(request: Request): Promise<Response> {
      try {
        const match = BOT_API_PATH.exec(new URL(request.url).pathname);
        if (!match) throw methodNotFound();
        if (match[1] !== token) throw unauthorized();
        const method = methods[match[2]!.toLowerCase()];
        if (!method) throw methodNotFound();
        const result = await method(await readParams(request), request.signal);
        return json({ ok: true, result });
      } catch (error) {
        if (!(error instanceof BotApiError)) throw error;
        return json({ ok: false, error_code: error.errorCode, description: error.message }, error.errorCode);
      }
    },

    /** Ends a waiting getUpdates at once and saves the chats (shutting down). */
    async close(): Promise<void> {
      state.updates.release();
      await archiver?.flush();
    },
  };
}

export type LocalBotApi = ReturnType<typeof createLocalBotApi>;
