import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Update } from 'node-telegram-bot-api/types';
import type { Logger } from 'pino';
import type { Flow } from '../bot/flow.ts';
import { FLOWS } from '../bot/flows.ts';
import type { ObservedUpdate, UpdateObserver } from '../bot/pipeline.ts';
import { findLiveCode } from '../domain/accounts/link-codes.ts';
import type { Clock } from '../domain/clock.ts';
import { type Secrets, sameHash } from '../domain/secrets.ts';
import {
  formatRecording,
  RECORDING_VERSION,
  type RecordedUser,
  type Recording,
  type SeedKind,
  type Step,
} from './format.ts';
import { redactText } from './redaction.ts';

export interface RecorderOptions {
  /** Folder for the recordings (created when missing). */
  dir: string;
  /** The database the bot runs on: the demo data set or an empty one (stored in each file). */
  seed: SeedKind;
  /** When the demo data was loaded (see `detectSeed`). */
  seededAt?: string | undefined;
  /** The domain's clock: times the steps. */
  clock: Clock;
  /** The domain's secrets: tell the live link code from a wrong one without storing either. */
  secrets: Secrets;
  logger: Logger;
  /** The flows by id; the bot's FLOWS unless a test brings its own. */
  flows?: Record<string, Flow>;
  /** The file of a chat's session; default `<dir>/<chatId>-<startedAt>.json`. */
  file?: (chatId: number, startedAt: Date) => string;
}

/** Records every chat's inputs into `<dir>/<chatId>-<time of the first step>.json`. */
export interface Recorder extends UpdateObserver {
  /** Resolves when every step observed so far is on disk. */
  flush(): Promise<void>;
  /** The chat's next update starts a new file (a fresh session, e.g. the playground's reset). */
  restart(chatId: number): void;
  /** The file the chat records into now, if it recorded anything yet. */
  fileOf(chatId: number): string | undefined;
}

interface ChatRecording {
  file: string;
  recording: Recording;
  startedAt: number;
  written: Promise<void>;
}

const userOf = (from: ObservedUpdate['update']['from']): RecordedUser => ({
  id: from.id,
  firstName: from.firstName,
  username: from.username,
  ...(from.languageCode ? { languageCode: from.languageCode } : {}),
});

/** The label of the pressed inline button, from the message Telegram sends along with the press. */
function pressedLabel(raw: Update): string | undefined {
  const query = 'callback_query' in raw ? raw.callback_query : undefined;
  const message = query?.message;
  const rows =
    (message && 'reply_markup' in message ? message.reply_markup?.inline_keyboard : undefined) ?? [];
  return rows.flat().find((button) => button.callback_data === query?.data)?.text;
}

/**
 * The recorder the pipeline calls with each new update (RECORD=1, always in
 * the playground). One file per chat per session, rewritten after every step
 * so a crash keeps what happened. Secrets never reach the file: see
 * `redactText`. A failure to record is logged and never fails the update.
 */
export function createRecorder(options: RecorderOptions): Recorder {
  const { dir, seed, clock, secrets, logger } = options;
  const flows = options.flows ?? FLOWS;
  const chats = new Map<number, ChatRecording>();
  const files = new Set<string>();
  const inFlight = new Set<Promise<void>>();

  /** The step of an update, without its time and sender. */
  async function stepOf(observed: ObservedUpdate): Promise<Step> {
    const { raw, update } = observed;
    const input = update.input;
    switch (input.kind) {
      case 'callback': {
        const button = pressedLabel(raw);
        const data = 'callback_query' in raw ? raw.callback_query.data : undefined;
        return { type: 'callback', data: data ?? '', ...(button ? { button } : {}) };
      }
      case 'contact':
        return { type: 'contact', phone: input.phone, own: input.own };
      case 'photo':
        return { type: 'photo', fileId: input.fileId };
      case 'command':
      case 'text': {
        const typed = ('message' in raw ? raw.message.text : undefined)?.trim() ?? '';
        const text = await redactText({
          text: typed,
          session: observed.session,
          locale: observed.locale,
          role: observed.actor?.role ?? null,
          flows,
          isLiveLinkCode: async (code) => {
            const live = await findLiveCode(observed.em, update.from.id, clock.now());
            return live !== null && sameHash(secrets.hashCode(code), live.codeHash);
          },
        });
        return { type: 'text', text };
      }
      default:
        return { type: 'unsupported' };
    }
  }

  function fileName(chatId: number, at: Date): string {
    const base = `${chatId}-${at.toISOString().replace(/[:.]/g, '-')}`;
    let name = `${base}.json`;
    for (let n = 2; files.has(name); n++) name = `${base}-${n}.json`;
    files.add(name);
    return join(dir, name);
  }

  function chatFor(observed: ObservedUpdate, now: Date): ChatRecording {
    const { chatId, from } = observed.update;
    const existing = chats.get(chatId);
    if (existing) return existing;
    const created: ChatRecording = {
      file: options.file ? options.file(chatId, now) : fileName(chatId, now),
      recording: {
        version: RECORDING_VERSION,
        seed,
        ...(options.seededAt ? { seededAt: options.seededAt } : {}),
        startedAt: now.toISOString(),
        chatId,
        user: userOf(from),
        steps: [],
      },
      startedAt: now.getTime(),
      written: Promise.resolve(),
    };
    chats.set(chatId, created);
    return created;
  }

  async function write(chat: ChatRecording): Promise<void> {
    // Write then rename: a reader (or a crash) never sees half a file.
    await mkdir(dirname(chat.file), { recursive: true });
    const temporary = `${chat.file}.tmp`;
    await writeFile(temporary, formatRecording(chat.recording));
    await rename(temporary, chat.file);
  }

  return {
    async observe(observed) {
      try {
        const now = clock.now();
        const chat = chatFor(observed, now);
        const step = await stepOf(observed);
        const from = userOf(observed.update.from);
        const sameSender = JSON.stringify(from) === JSON.stringify(chat.recording.user);
        chat.recording.steps.push({
          ...step,
          at: Math.max(0, now.getTime() - chat.startedAt),
          ...(sameSender ? {} : { from }),
        });
        const written = chat.written
          .then(() => write(chat))
          .catch((error: unknown) => logger.error({ err: error, file: chat.file }, 'recording not written'));
        chat.written = written;
        inFlight.add(written);
        void written.then(() => inFlight.delete(written));
      } catch (error) {
        logger.error({ err: error, chatId: observed.update.chatId }, 'update not recorded');
      }
    },
    async flush() {
      await Promise.all(inFlight);
    },
    restart(chatId) {
      chats.delete(chatId);
    },
    fileOf(chatId) {
      return chats.get(chatId)?.file;
    },
  };
}
