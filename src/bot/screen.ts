import type { CallbackData } from './callback-data.ts';
import type { FlowEvent } from './flow-event.ts';

/** A reply-keyboard button: pressing it sends its label as text, which maps back to `event`. */
export interface ReplyButton {
  text: string;
  event?: FlowEvent;
  /** Telegram's "share contact" button. */
  requestContact?: boolean;
}

export interface InlineButton {
  text: string;
  callback: CallbackData;
}

/** One message the bot sends, as a pure value (renderers build these; the sender delivers them). */
export interface OutgoingMessage {
  text: string;
  /** Reply keyboard rows; 'remove' hides the keyboard; undefined leaves the current one. */
  reply?: ReplyButton[][] | 'remove';
  inline?: InlineButton[][];
}

/** What one update produces. */
export interface Reply {
  messages: OutgoingMessage[];
  /** The answer to the callback query that caused this reply (every query is answered). */
  callbackAnswer?: { text?: string; alert?: boolean };
}

export const TELEGRAM_TEXT_LIMIT = 4096;
