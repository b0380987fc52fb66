import { expect } from 'vitest';
import { Notification } from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import {
  type BotProcess,
  linkThroughBot,
  runCli,
  type SeenMessage,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
} from './e2e.ts';
import { freshDataDir } from './e2e-lifecycle.ts';

/** A fresh data folder (`bot-e2e-<name>-…`) with the demo seed in it. */
export async function seededDataDir(name: string): Promise<string> {
  const dataDir = freshDataDir(name);
  await runCli(dataDir, ['seed']);
  return dataDir;
}

/**
 * The seed's notifications were made before anyone linked Telegram: their push
 * jobs would otherwise reach guest1's chat at some moment after linking, in the
 * middle of the story. They count as pushed, as if delivered long ago.
 */
export async function seedPushesDone(em: Em): Promise<void> {
  await em.nativeUpdate(Notification, { pushedAt: null }, { pushedAt: new Date() });
}

export interface GuestChat {
  emulator: TelegramServer;
  bot: BotProcess;
  guest: TelegramUser;
}

/**
 * Starts the emulator (handing it to `onEmulator` before the bot starts) and
 * the bot on `dataDir`, and links the seeded guest1 («Алия») through the bot.
 */
export async function startGuestChat(
  dataDir: string,
  onEmulator: (emulator: TelegramServer) => void = () => {},
): Promise<GuestChat> {
  const emulator = await startEmulator();
  onEmulator(emulator);
  const bot = await startBot(emulator, { dataDir });
  const guest = new TelegramUser(emulator, { firstName: 'Алия' });
  await linkThroughBot(guest, dataDir, 'guest1@demo.kz');
  return { emulator, bot, guest };
}

const sameMessage = (message: SeenMessage | undefined) => JSON.stringify([message?.text, message?.inline]);

/**
 * Taps an inline button and waits until the message it is on is edited in
 * place (and no new message is sent); returns the edited message.
 */
export async function tapInPlace(user: TelegramUser, label: string): Promise<SeenMessage> {
  const message = user.all().findLast((m) => m.inline?.flat().some((button) => button.text === label));
  if (!message) throw new Error(`no inline button «${label}»`);
  const before = sameMessage(message);
  const count = user.all().length;
  await user.tap(label);
  const started = Date.now();
  for (;;) {
    const now = user.all().find((m) => m.messageId === message.messageId);
    if (sameMessage(now) !== before) {
      expect(user.all()).toHaveLength(count);
      return now!;
    }
    if (Date.now() - started > 20_000) throw new Error(`«${label}» did not edit its message`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const labelsOf = (message: SeenMessage | undefined) =>
  message?.inline?.flat().map((button) => button.text) ?? [];
