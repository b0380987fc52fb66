/**
 * End-to-end helpers for the realtor's flows: photos both ways through the
 * Bot API emulator (which knows neither), and a chat with a seeded realtor.
 */
import {
  BOT_TOKEN,
  type BotProcess,
  interceptBotMethod,
  linkThroughBot,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
  withDatabase,
} from './e2e.ts';
import { seedPushesDone } from './guest-e2e.ts';

/** A photo the bot sent, as the emulator kept it. */
export interface SentPhoto {
  chatId: string;
  messageId: number;
  /** The file id (or what the bot uploaded, as the emulator received it). */
  photo: string;
  caption: string | null;
}

/**
 * Answers the bot's sendPhoto like Telegram: the photo becomes a message of the
 * chat (its caption as the text the tests read, its keyboard kept) and is
 * recorded. Telegram cannot editMessageText a photo ("there is no text in the
 * message to edit"), so the emulator refuses that too, as Telegram would.
 */
export function recordPhotos(emulator: TelegramServer): SentPhoto[] {
  const photos: SentPhoto[] = [];
  interceptBotMethod(emulator, 'sendPhoto', (request, response) => {
    const { photo, caption, ...rest } = request.body;
    const text = typeof caption === 'string' ? caption : '';
    const stored = emulator.addBotMessage({ ...rest, text, photo } as never, BOT_TOKEN) as unknown as {
      message_id: number;
    };
    photos.push({
      chatId: String(rest.chat_id),
      messageId: stored.message_id,
      photo: String(photo),
      caption: typeof caption === 'string' ? caption : null,
    });
    response.status(200).json({ ok: true, result: stored });
  });
  interceptBotMethod(emulator, 'editMessageText', (request, response, next) => {
    const { chat_id: chatId, message_id: messageId } = request.body;
    const edited = photos.some(
      (sent) => sent.chatId === String(chatId) && String(sent.messageId) === String(messageId),
    );
    if (!edited) return next();
    response.status(400).json({
      ok: false,
      error_code: 400,
      description: 'Bad Request: there is no text in the message to edit',
    });
  });
  return photos;
}

/** Sends a photo from `user`, as Telegram delivers one: its sizes, the largest last. */
export async function sendPhoto(emulator: TelegramServer, user: TelegramUser, fileId: string): Promise<void> {
  const client = emulator.getClient(BOT_TOKEN, {
    userId: user.id,
    chatId: user.id,
    firstName: user.firstName,
    userName: `user${user.id}`,
    type: 'private',
  });
  const from = {
    id: user.id,
    first_name: user.firstName,
    username: `user${user.id}`,
    is_bot: false,
    language_code: user.languageCode,
  };
  const photo = [
    { file_id: `${fileId}-small`, file_unique_id: `${fileId}-s`, width: 90, height: 60, file_size: 1200 },
    { file_id: fileId, file_unique_id: `${fileId}-m`, width: 1280, height: 853, file_size: 98_000 },
  ];
  await client.sendMessage(client.makeMessage('', { from, photo } as never) as never);
}

/** The photos the bot sent to `user`'s chat, oldest first. */
export const photosTo = (photos: SentPhoto[], user: TelegramUser) =>
  photos.filter((sent) => sent.chatId === String(user.id));

export interface RealtorChat {
  emulator: TelegramServer;
  bot: BotProcess;
  realtor: TelegramUser;
  photos: SentPhoto[];
}

/**
 * Starts the emulator (photos recorded) and the bot on a seeded `dataDir`, the
 * seed's notifications counted as pushed long ago (so none arrives mid-story),
 * and links the seeded realtor `email` through /link.
 */
export async function startRealtorChat(
  dataDir: string,
  email: string,
  firstName: string,
): Promise<RealtorChat> {
  await withDatabase(dataDir, seedPushesDone);
  const emulator = await startEmulator();
  const photos = recordPhotos(emulator);
  const bot = await startBot(emulator, { dataDir });
  const realtor = new TelegramUser(emulator, { firstName });
  await linkThroughBot(realtor, dataDir, email);
  return { emulator, bot, realtor, photos };
}
