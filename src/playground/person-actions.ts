import { randomBytes } from 'node:crypto';
import { badRequest } from './bot-api-error.ts';
import type { UploadedFile } from './bot-api-params.ts';
import { type BotApiState, photoSizes } from './bot-methods.ts';
import type { Chat, ChatMessage, TelegramUserJson } from './chats.ts';

/** How long an unanswered callback query can still be answered (Telegram: about 15 minutes at most). */
const QUERY_LIFETIME_MS = 15 * 60_000;

/**
 * What the person in a playground chat does, turned into the Telegram updates
 * a real client would cause: their message appears in the chat and goes to
 * the bot's getUpdates; a button press becomes a callback query.
 */
export function personActions(state: BotApiState) {
  const { chats, updates } = state;

  function personMessage(
    user: TelegramUserJson,
    messageId: number,
    content: Partial<ChatMessage>,
  ): ChatMessage {
    return {
      message_id: messageId,
      date: Math.floor(state.now().getTime() / 1000),
      chat: {
        id: user.id,
        type: 'private',
        first_name: user.first_name,
        ...(user.username ? { username: user.username } : {}),
      },
      from: user,
      ...content,
    };
  }

  function post(user: TelegramUserJson, content: Partial<ChatMessage>): ChatMessage {
    const chat = chats.open(user);
    const message = chats.add(chat, (id) => personMessage(user, id, content));
    updates.push((updateId) => ({ update_id: updateId, message }));
    return message;
  }

  return {
    /** Sends text; a leading /command is marked as a bot_command entity, as Telegram clients do. */
    sendText(user: TelegramUserJson, text: string): ChatMessage {
      const body = text.trim();
      if (!body) throw badRequest('message text is empty');
      const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(body)?.[0];
      return post(user, {
        text: body,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
      });
    },

    /** The "share contact" button: the person's own card, with their user_id. */
    sendContact(user: TelegramUserJson, phone: string): ChatMessage {
      return post(user, { contact: { phone_number: phone, first_name: user.first_name, user_id: user.id } });
    },

    /** Sends a picture (refused unless it is a PNG, JPEG or GIF). */
    async sendPhoto(user: TelegramUserJson, file: UploadedFile): Promise<ChatMessage> {
      const stored = await state.files.save(file.bytes, file);
      if (stored.width === undefined) throw badRequest('IMAGE_PROCESS_FAILED');
      return post(user, { photo: photoSizes(stored) });
    },

    /**
     * Presses an inline button: only one that is on that message now, as in
     * Telegram. Returns the callback query id the bot will answer.
     */
    press(user: TelegramUserJson, messageId: number, data: string): string {
      const chat: Chat | undefined = chats.get(user.id);
      const message = chat?.messages.get(messageId);
      const pressed = message?.reply_markup?.inline_keyboard.flat().some((b) => b.callback_data === data);
      if (!chat || !message || !pressed) throw badRequest('there is no such button on that message');
      const id = BigInt(`0x${randomBytes(8).toString('hex')}`).toString();
      state.queries.set(id, chat);
      setTimeout(() => state.queries.delete(id), QUERY_LIFETIME_MS).unref();
      updates.push((updateId) => ({
        update_id: updateId,
        callback_query: { id, from: user, message, chat_instance: String(chat.user.id), data },
      }));
      return id;
    },
  };
}

export type PersonActions = ReturnType<typeof personActions>;
