import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { interceptBotMethod, type SeenMessage, type TelegramServer, type TelegramUser } from './e2e.ts';

/** A file the bot uploaded (sendPhoto / sendDocument), as the Bot API received it. */
export interface Upload {
  chatId: number;
  caption: string;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

let nextUploadMessageId = 900_000;

/**
 * Answers the emulator's missing `method` (sendPhoto or sendDocument): reads
 * the multipart upload the bot sent, records it and answers like Telegram
 * with a message. The emulator parses only JSON and form bodies, so the
 * multipart stream is still unread here; the platform's `Response` parses it.
 */
export function recordUploads(emulator: TelegramServer, method: 'sendPhoto' | 'sendDocument'): Upload[] {
  const field = method === 'sendPhoto' ? 'photo' : 'document';
  const uploads: Upload[] = [];
  interceptBotMethod(emulator, method, (request, response) => {
    const raw = request as unknown as IncomingMessage;
    const body = Readable.toWeb(raw) as ReadableStream<Uint8Array>;
    const headers = { 'content-type': String(raw.headers['content-type'] ?? '') };
    void new Response(body, { headers })
      .formData()
      .then(async (form) => {
        const file = form.get(field);
        if (!(file instanceof File)) throw new Error(`${method} without a file`);
        const chatId = Number(form.get('chat_id'));
        uploads.push({
          chatId,
          caption: String(form.get('caption') ?? ''),
          filename: file.name,
          contentType: file.type,
          bytes: new Uint8Array(await file.arrayBuffer()),
        });
        const message = {
          message_id: nextUploadMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId },
        };
        response.status(200).json({ ok: true, result: message });
      })
      .catch((error: unknown) => {
        response.status(400).json({ ok: false, error_code: 400, description: String(error) });
      });
  });
  return uploads;
}

/** Waits until `uploads` has more than `seen` entries and returns the next one. */
export async function nextUpload(uploads: Upload[], seen: number, timeoutMs = 20_000): Promise<Upload> {
  const started = Date.now();
  while (uploads.length <= seen) {
    if (Date.now() - started > timeoutMs) throw new Error('the bot uploaded nothing');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return uploads[seen]!;
}

/** A message the bot deleted, with the text it had (read before the emulator drops it). */
export interface Deletion {
  chatId: number;
  messageId: number;
  text: string | null;
}

interface StoredUserMessage {
  messageId: number;
  message?: { text?: string; chat?: { id: number } };
}

/** Records the bot's deleteMessage calls, then lets the emulator delete as usual. */
export function recordDeletions(emulator: TelegramServer): Deletion[] {
  const deletions: Deletion[] = [];
  interceptBotMethod(emulator, 'deleteMessage', (request, _response, next) => {
    const chatId = Number(request.body.chat_id);
    const messageId = Number(request.body.message_id);
    const stored = (emulator.storage.userMessages as unknown as StoredUserMessage[]).find(
      (update) => update.messageId === messageId && update.message?.chat?.id === chatId,
    );
    deletions.push({ chatId, messageId, text: stored?.message?.text ?? null });
    next();
  });
  return deletions;
}

/** Whether the emulator still holds a message `user` sent with this text (a deleted one is gone). */
export function stillInChat(emulator: TelegramServer, user: TelegramUser, text: string): boolean {
  return (emulator.storage.userMessages as unknown as StoredUserMessage[]).some(
    (update) => update.message?.chat?.id === user.id && update.message.text === text,
  );
}

/**
 * Waits until the bot has edited or sent a message to `user` that `match`es
 * (only among messages from index `since` on, when given); reads the new ones.
 */
export async function waitForMessage(
  user: TelegramUser,
  match: (message: SeenMessage) => boolean,
  since = 0,
  timeoutMs = 20_000,
): Promise<SeenMessage> {
  const started = Date.now();
  for (;;) {
    const found = user.all().slice(since).reverse().find(match);
    if (found) {
      await user.replies(0);
      return found;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`no such message: ${JSON.stringify(user.all().slice(-3))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Searches `city` at most `maxPrice` ₸ a night with the other filters skipped,
 * as a guest would, and returns the text of the results (or of «Ничего не
 * нашлось»).
 */
export async function searchUpTo(user: TelegramUser, city: string, maxPrice: string): Promise<string> {
  const before = user.all().length;
  await user.send('🔍 Поиск');
  await user.replies();
  await user.send(city);
  await user.replies(2);
  await user.press('⏭ Пропустить');
  await user.replies();
  await user.press('⏭ Пропустить');
  await user.replies();
  await user.send(maxPrice);
  await user.replies();
  await user.press('⏭ Пропустить');
  await user.replies();
  return user
    .all()
    .slice(before)
    .map((message) => message.text)
    .join('\n\n');
}

/** Parses a `;`-separated CSV with CRLF line ends (quoted fields allowed) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ';') {
      row.push(field);
      field = '';
    } else if (!quoted && char === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  return rows;
}
