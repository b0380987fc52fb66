import type { Message, Update } from 'node-telegram-bot-api/types';
import { type CallbackData, decodeCallback } from './callback-data.ts';

/** What a person did, independent of Telegram's update shape. */
export type BotInput =
  | { kind: 'command'; command: string; args: string }
  | { kind: 'text'; text: string; messageId: number }
  | { kind: 'contact'; phone: string; own: boolean }
  | { kind: 'photo'; fileId: string }
  /**
   * `data` is null for a button this codec did not produce (stale or forged).
   * `editable` says the pressed message is a text message: Telegram cannot
   * editMessageText a photo or document (its caption), nor a message it did not include.
   */
  | {
      kind: 'callback';
      data: CallbackData | null;
      queryId: string;
      messageId: number | null;
      editable: boolean;
    }
  | { kind: 'unsupported'; queryId?: string };

export interface IncomingUpdate {
  updateId: number;
  chatId: number;
  from: { id: number; firstName: string; username: string | null; languageCode: string | undefined };
  input: BotInput;
}

/** Whether editMessageText can change `message`: it has text and no photo or document. */
function isTextMessage(message: Message | undefined): boolean {
  return typeof message?.text === 'string' && !message.photo && !message.document;
}

const COMMAND = /^\/([a-z_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/i;

/**
 * Reads a Telegram update into an `IncomingUpdate`, or null for updates the bot
 * ignores (channel posts, edits, updates without a person or a chat).
 */
export function readUpdate(update: Update): IncomingUpdate | null {
  const message = 'message' in update ? update.message : undefined;
  const query = 'callback_query' in update ? update.callback_query : undefined;
  const person = message?.from ?? query?.from;
  const chatId = message?.chat.id ?? query?.message?.chat.id ?? query?.from.id;
  if (!person || person.is_bot || chatId === undefined) return null;
  const from = {
    id: person.id,
    firstName: person.first_name,
    username: person.username ?? null,
    languageCode: person.language_code,
  };
  const base = { updateId: update.update_id, chatId, from };
  if (query) {
    return {
      ...base,
      input: {
        kind: 'callback',
        data: decodeCallback(query.data),
        queryId: query.id,
        messageId: query.message?.message_id ?? null,
        editable: isTextMessage(query.message),
      },
    };
  }
  if (!message) return null;
  if (message.contact) {
    // The share-contact button sends the person's own card with their user_id; a card
    // without one is someone's phonebook entry, not proof of the sender's number.
    const own = message.contact.user_id === person.id;
    return { ...base, input: { kind: 'contact', phone: message.contact.phone_number, own } };
  }
  const photo = message.photo?.at(-1);
  if (photo) return { ...base, input: { kind: 'photo', fileId: photo.file_id } };
  const text = message.text?.trim();
  if (!text) return { ...base, input: { kind: 'unsupported' } };
  const command = COMMAND.exec(text);
  if (command) {
    return {
      ...base,
      input: { kind: 'command', command: command[1]!.toLowerCase(), args: command[2]?.trim() ?? '' },
    };
  }
  return { ...base, input: { kind: 'text', text, messageId: message.message_id } };
}
