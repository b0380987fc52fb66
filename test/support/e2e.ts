import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import telegramTestApi from 'telegram-test-api';
import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { lockDataDir } from '../../src/db/data-dir-lock.ts';
import { createOrm, type Em, pgliteDirIn } from '../../src/db/orm.ts';
import { type EmlEmail, parseEml } from '../../src/domain/mail/eml.ts';

export type { TelegramServer };

// The package is CommonJS with `module.exports = TelegramServer`: the default import is the class.
const TelegramServerClass = telegramTestApi as unknown as typeof TelegramServer;

export const BOT_TOKEN = '123456:TEST-token-for-the-emulator';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A command list the bot registered with setMyCommands. */
export interface RegisteredCommands {
  languageCode: string | null;
  commands: { command: string; description: string }[];
}

const registeredCommands = new WeakMap<TelegramServer, RegisteredCommands[]>();

/** The command lists the bot registered on `emulator`, in the order it sent them. */
export function commandsRegistered(emulator: TelegramServer): RegisteredCommands[] {
  return registeredCommands.get(emulator) ?? [];
}

/**
 * The Bot API emulator (telegram-test-api) on a free port, with the methods it
 * lacks answered: setMyCommands (recorded; unanswered, it would cost every bot
 * start the client's retries of a 500).
 */
export async function startEmulator(): Promise<TelegramServer> {
  const port = await freePort();
  const server = new TelegramServerClass({ port, host: '127.0.0.1', storeTimeout: 600 });
  const commands: RegisteredCommands[] = [];
  registeredCommands.set(server, commands);
  interceptBotMethod(server, 'setMyCommands', (request, response) => {
    const { commands: list, language_code: languageCode } = request.body;
    commands.push({
      languageCode: typeof languageCode === 'string' ? languageCode : null,
      commands: typeof list === 'string' ? JSON.parse(list) : (list as RegisteredCommands['commands']),
    });
    response.status(200).json({ ok: true, result: true });
  });
  await server.start();
  return server;
}

/** Deletes a bot's data folder after its tests (about 40 MB of PGlite); E2E_KEEP=1 keeps it to look into. */
export function removeDataDir(dataDir: string | undefined): void {
  if (dataDir && !process.env.E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
}

export interface BotProcess {
  dataDir: string;
  output: () => string;
  /** SIGTERM and wait for a graceful exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies mid-whatever. */
  kill(): Promise<void>;
}

/**
 * The environment of the app's processes. Always PGlite in `dataDir`, never a
 * DATABASE_URL (inherited or from a developer's .env; empty counts as unset and
 * .env does not override it), because every emulator numbers its updates from 1
 * and every test file its users from the same id: on one shared database the
 * files would take each other's updates for duplicates. Mail always goes to the
 * outbox folder the tests read, updates always come by long polling.
 */
function appEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: '', SMTP_URL: '', WEBHOOK_URL: '', DATA_DIR: dataDir, ...extra };
}

/** The app (`node src/main.ts`) running, with everything it printed so far. */
export interface AppProcess {
  child: ChildProcess;
  /** Its stdout and stderr together, as printed so far. */
  output: () => string;
  /** Its exit code once it has exited. */
  exited: Promise<number | null>;
}

/** Spawns the app (`node src/main.ts`) with `env`, collecting its stdout and stderr. */
export function spawnApp(env: NodeJS.ProcessEnv): AppProcess {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['src/main.ts'], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * Waits until the app printed `line` (its "ready" log line); throws with all it
 * printed when it exits first or `timeoutMs` after `startedAt` has passed.
 */
export async function waitUntilPrinted(
  app: AppProcess,
  line: string,
  options: { name: string; startedAt: number; timeoutMs: number },
): Promise<void> {
  while (!app.output().includes(line)) {
    if (app.child.exitCode !== null) throw new Error(`${options.name} exited early:\n${app.output()}`);
    if (Date.now() - options.startedAt > options.timeoutMs) {
      throw new Error(`${options.name} did not start:\n${app.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts the real bot (`node src/main.ts`) against the emulator, with a data
 * folder of its own (PGlite; `dataDir` to reuse one, e.g. after a restart).
 */
export async function startBot(
  emulator: TelegramServer,
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<BotProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bot-e2e-'));
  const app = spawnApp(
    appEnv(dataDir, {
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: emulator.config.apiURL,
      TELEGRAM_RATE_LIMIT: 'off',
      LOG_LEVEL: 'info',
      ...options.env,
    }),
  );
  const { child, output, exited } = app;
  await waitUntilPrinted(app, 'bot running', { name: 'bot', startedAt: Date.now(), timeoutMs: 60_000 });
  return {
    dataDir,
    output,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

interface StoredBotMessage {
  messageId: number;
  message: {
    chat_id: number | string;
    text: string;
    /** A photo's file id (a photo message recorded by test/support/realtor-e2e.ts; `text` is its caption). */
    photo?: unknown;
    reply_markup?: {
      keyboard?: { text: string; request_contact?: boolean }[][];
      inline_keyboard?: { text: string; callback_data: string }[][];
      remove_keyboard?: boolean;
    };
  };
}

export interface SeenMessage {
  messageId: number;
  text: string;
  /** Reply-keyboard labels, when the message set one. */
  keyboard: string[][] | null;
  inline: { text: string; data: string }[][] | null;
  /** The message hid the reply keyboard. */
  removeKeyboard: boolean;
}

/** An update a user sent, as the emulator keeps it until the bot fetches it (`isRead`). */
interface StoredUserUpdate {
  updateId: number;
  isRead: boolean;
  message?: { from?: { id: number } };
  callbackQuery?: { from?: { id: number } };
}

let nextUserId = 500_000_000;

/**
 * A Telegram user of the emulator: sends text, commands, contacts and
 * button presses, and reads what the bot sent to their chat.
 */
export class TelegramUser {
  readonly id: number;
  readonly firstName: string;
  private readonly emulator: TelegramServer;
  private seen = 0;
  private replyKeyboard: string[][] | null = null;

  constructor(
    emulator: TelegramServer,
    options: { firstName?: string; languageCode?: string; id?: number } = {},
  ) {
    this.emulator = emulator;
    this.id = options.id ?? nextUserId++;
    this.firstName = options.firstName ?? 'Айгерим';
    this.languageCode = options.languageCode ?? 'ru';
  }

  readonly languageCode: string;

  private get client() {
    return this.emulator.getClient(BOT_TOKEN, {
      userId: this.id,
      chatId: this.id,
      firstName: this.firstName,
      userName: `user${this.id}`,
      type: 'private',
    });
  }

  private from() {
    return {
      id: this.id,
      first_name: this.firstName,
      username: `user${this.id}`,
      is_bot: false,
      language_code: this.languageCode,
    };
  }

  /** Every message the bot has sent this user so far (edits applied). */
  all(): SeenMessage[] {
    const stored = this.emulator.storage.botMessages as unknown as StoredBotMessage[];
    return stored
      .filter((update) => String(update.message.chat_id) === String(this.id))
      .map((update) => ({
        messageId: update.messageId,
        text: update.message.text,
        keyboard:
          update.message.reply_markup?.keyboard?.map((row) => row.map((button) => button.text)) ?? null,
        inline:
          update.message.reply_markup?.inline_keyboard?.map((row) =>
            row.map((button) => ({ text: button.text, data: button.callback_data })),
          ) ?? null,
        removeKeyboard: update.message.reply_markup?.remove_keyboard === true,
      }));
  }

  /** Waits for the bot's next messages after the last read ones (at least `count`, then a quiet moment). */
  async replies(count = 1, timeoutMs = 20_000): Promise<SeenMessage[]> {
    const started = Date.now();
    let lastCount = -1;
    let stableSince = Date.now();
    for (;;) {
      const fresh = this.all().slice(this.seen);
      if (fresh.length !== lastCount) {
        lastCount = fresh.length;
        stableSince = Date.now();
      }
      if (fresh.length >= count && Date.now() - stableSince > 250) {
        this.seen += fresh.length;
        for (const message of fresh) {
          if (message.keyboard) this.replyKeyboard = message.keyboard;
          if (message.removeKeyboard) this.replyKeyboard = null;
        }
        return fresh;
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(`expected ${count} bot message(s), got ${fresh.length}: ${JSON.stringify(fresh)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The update ids of everything this user sent so far, oldest first. */
  sentUpdateIds(): number[] {
    return this.storedUpdates().map((update) => update.updateId);
  }

  /**
   * Makes the emulator hand an update this user sent to the bot again, with the
   * same update_id, as Telegram does when it is not sure the bot got it.
   */
  redeliver(updateId: number): void {
    const update = this.storedUpdates().find((stored) => stored.updateId === updateId);
    if (!update) throw new Error(`no update ${updateId} from user ${this.id}`);
    update.isRead = false;
  }

  /** Whether the bot has fetched the update (again, after `redeliver`). */
  fetched(updateId: number): boolean {
    return this.storedUpdates().find((stored) => stored.updateId === updateId)?.isRead ?? false;
  }

  private storedUpdates(): StoredUserUpdate[] {
    const stored = this.emulator.storage.userMessages as unknown as StoredUserUpdate[];
    return stored.filter((update) => (update.message ?? update.callbackQuery)?.from?.id === this.id);
  }

  /** The last reply keyboard the bot showed this user. */
  keyboard(): string[][] | null {
    return this.replyKeyboard;
  }

  async send(text: string): Promise<void> {
    if (text.startsWith('/')) {
      await this.client.sendCommand(this.client.makeCommand(text, { from: this.from() } as never));
    } else {
      await this.client.sendMessage(this.client.makeMessage(text, { from: this.from() } as never));
    }
  }

  /** Presses a reply-keyboard button (Telegram sends its label as text); fails if it is not on the keyboard. */
  async press(label: string): Promise<void> {
    if (!this.replyKeyboard?.flat().includes(label)) {
      throw new Error(`no button "${label}" on the keyboard ${JSON.stringify(this.replyKeyboard)}`);
    }
    await this.send(label);
  }

  /** Shares a contact (their own by default), as the "share contact" button does. */
  async shareContact(phone: string, ownerId: number = this.id): Promise<void> {
    const message = this.client.makeMessage('', {
      from: this.from(),
      contact: { phone_number: phone, first_name: this.firstName, user_id: ownerId },
    } as never);
    await this.client.sendMessage(message as never);
  }

  /** Presses an inline button by its label on the newest bot message that has it. */
  async tap(label: string): Promise<void> {
    const message = [...this.all()]
      .reverse()
      .find((m) => m.inline?.flat().some((button) => button.text === label));
    const button = message?.inline?.flat().find((b) => b.text === label);
    if (!message || !button) throw new Error(`no inline button "${label}"`);
    await this.sendCallback(button.data, message.messageId);
  }

  /**
   * Sends raw callback data, as a (possibly forged) button press on `messageId`.
   * Like Telegram, the query carries that message's content when the bot sent
   * it: a photo with its caption, or its text (the bot edits only text in place).
   */
  async sendCallback(data: string, messageId = 1): Promise<void> {
    const stored = (this.emulator.storage.botMessages as unknown as StoredBotMessage[]).find(
      (update) => update.messageId === messageId && String(update.message.chat_id) === String(this.id),
    )?.message;
    const content = !stored
      ? {}
      : stored.photo !== undefined
        ? {
            photo: [{ file_id: String(stored.photo), file_unique_id: 'photo', width: 800, height: 600 }],
            caption: stored.text,
          }
        : { text: stored.text };
    const query = this.client.makeCallbackQuery(data, {
      from: this.from(),
      message: {
        message_id: messageId,
        chat: { id: this.id, type: 'private', first_name: this.firstName },
        ...content,
      },
    } as never);
    await this.client.sendCallback(query as never);
  }
}

/** The newest email in the bot's outbox folder for `to`, as text. */
export function latestEmail(dataDir: string, to: string): string | null {
  const outbox = join(dataDir, 'outbox');
  let files: string[];
  try {
    files = readdirSync(outbox).filter((file) => file.endsWith('.eml'));
  } catch {
    return null;
  }
  const matching = files
    .sort()
    .map((file) => readFileSync(join(outbox, file), 'utf8'))
    .filter((body) => body.toLowerCase().includes(`to: ${to.toLowerCase()}`));
  return matching.at(-1) ?? null;
}

/** Every email in the bot's outbox for `to`, oldest first, decoded. */
export function emailsTo(dataDir: string, to: string): EmlEmail[] {
  const outbox = join(dataDir, 'outbox');
  let files: string[];
  try {
    files = readdirSync(outbox).filter((file) => file.endsWith('.eml'));
  } catch {
    return [];
  }
  return files
    .sort()
    .map((file) => parseEml(readFileSync(join(outbox, file), 'utf8')))
    .filter((email) => email.to.toLowerCase() === to.toLowerCase());
}

/**
 * Waits for the email to `to` that comes after the first `seen` ones (emails
 * go out through the job queue, a moment after the reply that promised them).
 */
export async function nextEmail(dataDir: string, to: string, seen: number, timeoutMs = 20_000) {
  const started = Date.now();
  for (;;) {
    const email = emailsTo(dataDir, to)[seen];
    if (email) return email;
    if (Date.now() - started > timeoutMs) throw new Error(`no email #${seen + 1} to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Registers `user` through /register (typed phone, email, Confirm) and returns
 * the bot's last answer; they are a linked Guest afterwards.
 */
export async function registerThroughBot(user: TelegramUser, phone: string, email: string) {
  await user.send('/register');
  await user.replies();
  await user.shareContact(phone);
  await user.replies();
  await user.send(email);
  await user.replies();
  await user.send('✅ Подтвердить');
  const [done] = await user.replies();
  if (!done?.text.includes('Аккаунт создан')) throw new Error(`registration failed: ${done?.text}`);
  return done;
}

/** Links `user` to the existing account of `email` through /link, with the code from the outbox. */
export async function linkThroughBot(user: TelegramUser, dataDir: string, email: string) {
  const seen = emailsTo(dataDir, email).length;
  await user.send('/link');
  await user.replies();
  await user.send(email);
  await user.replies();
  await user.send(linkCodeIn(await nextEmail(dataDir, email, seen)));
  const [done] = await user.replies();
  if (!done?.text.includes('Аккаунт привязан')) throw new Error(`linking failed: ${done?.text}`);
  return done;
}

/** The 6-digit link code in an email. */
export function linkCodeIn(email: EmlEmail): string {
  const code = /\b(\d{6})\b/.exec(email.text)?.[1];
  if (!code) throw new Error(`no link code in "${email.subject}": ${email.text}`);
  return code;
}

/**
 * Runs the operator CLI (`node src/cli.ts …`) on `dataDir` and returns what it
 * printed. Only while no bot runs on it: PGlite allows one process per folder.
 */
export async function runCli(dataDir: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['src/cli.ts', ...args], {
    cwd: process.cwd(),
    env: appEnv(dataDir, { LOG_LEVEL: 'warn' }),
  });
  return stdout;
}

/**
 * Opens the bot's database in `dataDir` with the app's own ORM, runs `work`
 * on it and closes it: for changes no command makes (expiring a code, blocking
 * someone). Only while no bot runs on it (the folder lock is taken to be sure).
 */
export async function withDatabase<T>(dataDir: string, work: (em: Em) => Promise<T>): Promise<T> {
  const release = lockDataDir(dataDir);
  try {
    const orm = await createOrm({ pgliteDir: pgliteDirIn(dataDir) });
    try {
      return await work(orm.em.fork());
    } finally {
      await orm.close();
    }
  } finally {
    release();
  }
}

/** The slice of Express 4 (the emulator's web server) that routes are added through. */
interface EmulatorRequest {
  params: Record<string, string>;
  body: Record<string, unknown>;
}
interface EmulatorResponse {
  status(code: number): EmulatorResponse;
  json(body: unknown): void;
}
type EmulatorHandler = (request: EmulatorRequest, response: EmulatorResponse, next: () => void) => void;
interface EmulatorWebServer {
  post(path: string, handler: EmulatorHandler): void;
  _router: { stack: { route?: { path?: string } }[] };
}

/**
 * Puts `handler` in front of the emulator's own Bot API method `method` (call
 * `next()` to let the emulator answer as usual). The emulator has no hook for
 * this: its Express app is a private field, and its catch-all "route not found"
 * handler means a route added later must be moved before the built-in ones.
 */
export function interceptBotMethod(emulator: TelegramServer, method: string, handler: EmulatorHandler): void {
  // A private field of the emulator, typed here by the little of Express it is used for.
  const app = (emulator as unknown as { webServer: EmulatorWebServer }).webServer;
  app.post(`/bot:token/${method}`, handler);
  const stack = app._router.stack;
  const added = stack.pop()!;
  const firstRoute = stack.findIndex((layer) => layer.route?.path?.startsWith('/bot:token/'));
  stack.splice(firstRoute === -1 ? stack.length : firstRoute, 0, added);
}

export interface CallbackAnswer {
  queryId: string;
  text: string | null;
}

/** Records the bot's answerCallbackQuery calls (the emulator accepts them but keeps nothing). */
export function recordCallbackAnswers(emulator: TelegramServer): CallbackAnswer[] {
  const answers: CallbackAnswer[] = [];
  interceptBotMethod(emulator, 'answerCallbackQuery', (request, _response, next) => {
    const { callback_query_id: queryId, text } = request.body;
    answers.push({ queryId: String(queryId), text: typeof text === 'string' ? text : null });
    next();
  });
  return answers;
}

/** Waits until `answers` has more than `seen` entries and returns the next one. */
export async function nextCallbackAnswer(answers: CallbackAnswer[], seen: number, timeoutMs = 20_000) {
  const started = Date.now();
  while (answers.length <= seen) {
    if (Date.now() - started > timeoutMs) throw new Error('the bot did not answer the callback query');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return answers[seen]!;
}
