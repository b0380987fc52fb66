import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import telegramTestApi from 'telegram-test-api';
import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

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

/** The Bot API emulator (telegram-test-api) on a free port, with the methods it lacks answered. */
export async function startEmulator(): Promise<TelegramServer> {
  const port = await freePort();
  const server = new TelegramServerClass({ port, host: '127.0.0.1', storeTimeout: 600 });
  await server.start();
  return server;
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
 * Starts the real bot (`node src/main.ts`) against the emulator, with a data
 * folder of its own (PGlite) unless DATABASE_URL points at a database.
 */
export async function startBot(
  emulator: TelegramServer,
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<BotProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bot-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['src/main.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: emulator.config.apiURL,
      TELEGRAM_RATE_LIMIT: 'off',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  while (!output.includes('bot running')) {
    if (child.exitCode !== null) throw new Error(`bot exited early:\n${output}`);
    if (Date.now() - started > 60_000) throw new Error(`bot did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    dataDir,
    output: () => output,
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
        for (const message of fresh) if (message.keyboard) this.replyKeyboard = message.keyboard;
        return fresh;
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(`expected ${count} bot message(s), got ${fresh.length}: ${JSON.stringify(fresh)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
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

  /** Sends raw callback data, as a (possibly forged) button press on `messageId`. */
  async sendCallback(data: string, messageId = 1): Promise<void> {
    const query = this.client.makeCallbackQuery(data, {
      from: this.from(),
      message: { message_id: messageId, chat: { id: this.id, type: 'private', first_name: this.firstName } },
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
