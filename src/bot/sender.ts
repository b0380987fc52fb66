import { type Api, InputFile, TelegramApiError } from 'node-telegram-bot-api';
import type { Logger } from 'pino';
import { encodeCallback } from './callback-data.ts';
import {
  type OutgoingMessage,
  type OutgoingPhoto,
  type Reply,
  TELEGRAM_CAPTION_LIMIT,
  TELEGRAM_TEXT_LIMIT,
} from './screen.ts';

/** Telegram's answer for a person who blocked the bot. */
const isBotBlocked = (error: unknown) => error instanceof TelegramApiError && error.errorCode === 403;
const isNotModified = (error: unknown) =>
  error instanceof TelegramApiError && error.errorCode === 400 && /not modified/i.test(error.description);

/** The Bot API's reply_markup for a message. */
export function replyMarkup(message: OutgoingMessage) {
  if (message.inline) {
    return {
      inline_keyboard: message.inline.map((row) =>
        row.map((button) => ({ text: button.text, callback_data: encodeCallback(button.callback) })),
      ),
    };
  }
  if (message.reply === 'remove') return { remove_keyboard: true as const };
  if (message.reply) {
    return {
      keyboard: message.reply.map((row) =>
        row.map((button) =>
          button.requestContact ? { text: button.text, request_contact: true } : { text: button.text },
        ),
      ),
      resize_keyboard: true,
      is_persistent: true,
    };
  }
  return undefined;
}

/** Splits text over Telegram's 4096-character limit at line breaks where possible. */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = rest.lastIndexOf('\n', limit);
    let at = cut > limit / 2 ? cut : limit;
    // Never cut between the two halves of a surrogate pair (an emoji).
    if (at === limit && /[\uD800-\uDBFF]/.test(rest[at - 1] ?? '')) at -= 1;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  parts.push(rest);
  return parts;
}

export interface Sender {
  /** Delivers a reply to a chat: answers the callback query, edits or sends the messages. */
  deliver(
    chatId: number,
    reply: Reply,
    options?: { callbackQueryId?: string; editMessageId?: number | null },
  ): Promise<void>;
  /** Sends one message; false when the person blocked the bot. */
  send(chatId: number, message: OutgoingMessage): Promise<boolean>;
}

/**
 * Turns replies into Bot API calls. A 403 (the person blocked the bot) is
 * reported through `onBotBlocked` and stops delivery; optional calls (callback
 * answers) that fail are logged and delivery goes on.
 */
export function createSender(
  api: Api,
  logger: Logger,
  onBotBlocked: (chatId: number) => Promise<void>,
): Sender {
  const photoOf = (photo: OutgoingPhoto) =>
    'fileId' in photo
      ? photo.fileId
      : new InputFile(photo.png, { filename: photo.filename, contentType: 'image/png' });

  /**
   * Sends a message's photo or document, with its text as the caption when it
   * fits. Returns whether the text still has to go as a message of its own:
   * true when the caption was too long, or when the attachment could not be
   * sent (an optional call — logged, and the text is delivered anyway).
   */
  async function sendAttachment(chatId: number, message: OutgoingMessage): Promise<boolean> {
    const fits = message.text.length <= TELEGRAM_CAPTION_LIMIT;
    // With a caption that does not fit, the keyboard goes with the text that follows.
    const markup = fits ? replyMarkup(message) : undefined;
    const caption = fits && message.text ? { caption: message.text } : {};
    const extra = { chat_id: chatId, ...caption, ...(markup ? { reply_markup: markup } : {}) };
    try {
      if (message.photo) await api.sendPhoto({ ...extra, photo: photoOf(message.photo) });
      else if (message.document) {
        const { content, filename, contentType } = message.document;
        await api.sendDocument({ ...extra, document: new InputFile(content, { filename, contentType }) });
      }
      return !fits;
    } catch (error) {
      if (isBotBlocked(error)) throw error;
      logger.warn({ err: error, chatId }, 'sending a photo or document failed; sending its text alone');
      return true;
    }
  }

  async function sendOne(chatId: number, message: OutgoingMessage): Promise<void> {
    if ((message.photo || message.document) && !(await sendAttachment(chatId, message))) return;
    if (!message.text) return;
    const parts = splitText(message.text);
    for (const [index, text] of parts.entries()) {
      const last = index === parts.length - 1;
      const markup = last ? replyMarkup(message) : undefined;
      await api.sendMessage({ chat_id: chatId, text, ...(markup ? { reply_markup: markup } : {}) });
    }
  }

  async function editOne(chatId: number, messageId: number, message: OutgoingMessage): Promise<void> {
    const markup = replyMarkup(message);
    try {
      await api.editMessageText({
        chat_id: chatId,
        message_id: messageId,
        text: message.text.slice(0, TELEGRAM_TEXT_LIMIT),
        ...(markup?.inline_keyboard ? { reply_markup: { inline_keyboard: markup.inline_keyboard } } : {}),
      });
    } catch (error) {
      if (isNotModified(error)) return;
      if (isBotBlocked(error)) throw error;
      logger.warn({ err: error, chatId }, 'edit failed; sending a new message instead');
      await sendOne(chatId, message);
    }
  }

  const sender: Sender = {
    async deliver(chatId, reply, options = {}) {
      if (options.callbackQueryId) {
        await api
          .answerCallbackQuery({
            callback_query_id: options.callbackQueryId,
            ...(reply.callbackAnswer?.text ? { text: reply.callbackAnswer.text } : {}),
            ...(reply.callbackAnswer?.alert ? { show_alert: true } : {}),
          })
          .catch((error: unknown) => logger.warn({ err: error, chatId }, 'answerCallbackQuery failed'));
      }
      for (const messageId of reply.deleteMessageIds ?? []) {
        await api
          .deleteMessage({ chat_id: chatId, message_id: messageId })
          .catch((error: unknown) => logger.warn({ err: error, chatId }, 'deleteMessage failed'));
      }
      try {
        for (const [index, message] of reply.messages.entries()) {
          if (index === 0 && options.editMessageId) await editOne(chatId, options.editMessageId, message);
          else await sendOne(chatId, message);
        }
      } catch (error) {
        if (!isBotBlocked(error)) throw error;
        logger.info({ chatId }, 'the person blocked the bot');
        await onBotBlocked(chatId);
      }
    },
    async send(chatId, message) {
      try {
        await sendOne(chatId, message);
        return true;
      } catch (error) {
        if (!isBotBlocked(error)) throw error;
        await onBotBlocked(chatId);
        return false;
      }
    },
  };
  return sender;
}
