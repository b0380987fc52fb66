import { badRequest } from './bot-api-error.ts';
import type { InlineButtonJson, ReplyKeyboardJson } from './chats.ts';

/** What a reply_markup asks for: buttons under the message, and/or a change of the reply keyboard. */
export interface ParsedMarkup {
  inline?: InlineButtonJson[][];
  /** A new reply keyboard; null removes it; undefined leaves it as it is. */
  keyboard?: ReplyKeyboardJson | null;
}

const isRows = (value: unknown): value is unknown[][] =>
  Array.isArray(value) && value.every((row) => Array.isArray(row));

const isButton = (value: unknown): value is { text: string } =>
  typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string';

/**
 * Checks a reply_markup as Telegram does (a callback_data is 1–64 bytes, every
 * button has a text) and says what it changes.
 */
export function parseMarkup(markup: unknown): ParsedMarkup {
  if (markup === undefined || markup === null) return {};
  if (typeof markup !== 'object') throw badRequest("can't parse reply keyboard markup JSON object");
  const fields = markup as Record<string, unknown>;
  if ('inline_keyboard' in fields) {
    const rows = fields.inline_keyboard;
    if (!isRows(rows))
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    const inline = rows.map((row) =>
      row.map((button) => {
        if (!isButton(button))
          throw badRequest(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
          );
        const { text, callback_data: data, url } = button as InlineButtonJson;
        if (data === undefined && url === undefined) {
          throw badRequest(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
          );
        }
        if (data !== undefined) {
          const bytes = Buffer.byteLength(String(data));
          if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
        }
        return {
          text,
          ...(data !== undefined ? { callback_data: String(data) } : {}),
          ...(url ? { url } : {}),
        };
      }),
    );
    return { inline };
  }
  if ('keyboard' in fields) {
    const rows = fields.keyboard;
    if (!isRows(rows))
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    const keyboard = rows.map((row) =>
      row.map((button) => {
        if (typeof button === 'string') return { text: button };
        if (!isButton(button)) throw badRequest("can't parse keyboard button: Text must be a String");
        const request = (button as { request_contact?: unknown }).request_contact === true;
        return { text: button.text, ...(request ? { request_contact: true } : {}) };
      }),
    );
    return {
      keyboard: {
        keyboard,
        ...(fields.resize_keyboard === true ? { resize_keyboard: true } : {}),
        ...(fields.is_persistent === true ? { is_persistent: true } : {}),
        ...(fields.one_time_keyboard === true ? { one_time_keyboard: true } : {}),
      },
    };
  }
  if (fields.remove_keyboard === true) return { keyboard: null };
  return {};
}
