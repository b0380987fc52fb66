import { encodeCallback } from '../bot/callback-data.ts';
import type { OutgoingMessage } from '../bot/screen.ts';
import type { Sender } from '../bot/sender.ts';
import type { TranscriptEntry } from './transcript.ts';

/** An inline button the chat shows now, with the message it sits on. */
export interface VisibleButton {
  messageId: number;
  label: string;
  data: string;
  /** The message the button is on, as shown now. */
  message: OutgoingMessage;
}

/**
 * A Sender for replays: instead of calling Telegram it writes transcript
 * entries, and keeps the chat's messages (with Telegram-like ids shared with
 * the person's messages) so a replayed press finds the message it was on.
 */
export interface CapturingSender extends Sender {
  /** The next message id in the chat, for a message of the person. */
  nextMessageId(): number;
  /** The newest visible button with this callback data (`data`) or this label (`label`). */
  findButton(query: { data?: string; label?: string }): VisibleButton | null;
  /** The id of the newest message of the bot (a press on a button no longer shown points at it). */
  lastBotMessageId(): number | null;
  /** Whether the next sends come from a background job (notification pushes). */
  pushing: boolean;
}

export function createCapturingSender(chatId: number, entries: TranscriptEntry[]): CapturingSender {
  let lastId = 0;
  const shown = new Map<number, OutgoingMessage>();

  function record(to: number, message: OutgoingMessage, edit: boolean, push: boolean): void {
    entries.push({ kind: 'bot', message, edit, push, ...(to === chatId ? {} : { chatId: to }) });
  }

  function post(to: number, message: OutgoingMessage, push: boolean): void {
    record(to, message, false, push);
    lastId += 1;
    if (to === chatId) shown.set(lastId, message);
  }

  const sender: CapturingSender = {
    pushing: false,
    async deliver(to, reply, options = {}) {
      if (options.callbackQueryId && reply.callbackAnswer?.text) {
        entries.push({
          kind: 'toast',
          text: reply.callbackAnswer.text,
          alert: reply.callbackAnswer.alert ?? false,
        });
      }
      for (const messageId of reply.deleteMessageIds ?? []) {
        entries.push({ kind: 'deleted' });
        shown.delete(messageId);
      }
      for (const [index, message] of reply.messages.entries()) {
        const editing = index === 0 && options.editMessageId && shown.has(options.editMessageId);
        if (editing && options.editMessageId) {
          record(to, message, true, sender.pushing);
          shown.set(options.editMessageId, message);
        } else post(to, message, sender.pushing);
      }
    },
    async send(to, message) {
      post(to, message, sender.pushing);
      return true;
    },
    nextMessageId() {
      lastId += 1;
      return lastId;
    },
    findButton({ data, label }) {
      const ids = [...shown.keys()].sort((a, b) => b - a);
      for (const messageId of ids) {
        for (const button of shown.get(messageId)?.inline?.flat() ?? []) {
          const encoded = encodeCallback(button.callback);
          if ((data !== undefined && encoded === data) || (data === undefined && button.text === label)) {
            return { messageId, label: button.text, data: encoded, message: shown.get(messageId)! };
          }
        }
      }
      return null;
    },
    lastBotMessageId() {
      const ids = [...shown.keys()];
      return ids.length ? Math.max(...ids) : null;
    },
  };
  return sender;
}
