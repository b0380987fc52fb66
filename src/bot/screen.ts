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

/** A picture: a Telegram file id (a photo someone sent) or PNG bytes rendered by the bot. */
export type OutgoingPhoto = { fileId: string } | { png: Uint8Array; filename: string };

/** A file sent as a document (e.g. a CSV export). */
export interface OutgoingDocument {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** One message the bot sends, as a pure value (renderers build these; the sender delivers them). */
export interface OutgoingMessage {
  /** The message text; with a photo or document, its caption (longer text follows as its own message). */
  text: string;
  photo?: OutgoingPhoto;
  document?: OutgoingDocument;
  /** Reply keyboard rows; 'remove' hides the keyboard; undefined leaves the current one. */
  reply?: ReplyButton[][] | 'remove';
  inline?: InlineButton[][];
}

/** What one update produces. */
export interface Reply {
  messages: OutgoingMessage[];
  /** The answer to the callback query that caused this reply (every query is answered). */
  callbackAnswer?: { text?: string; alert?: boolean };
  /** Messages of the person's to delete once read (a typed password). */
  deleteMessageIds?: number[];
}

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;
