import type { Update } from 'node-telegram-bot-api/types';
import type { Reply } from '../src/bot/screen.ts';
import type { Sender } from '../src/bot/sender.ts';

/** A synthetic Telegram user in a private chat (chat id = user id, as Telegram does). */
export interface BenchUser {
  id: number;
  firstName: string;
  /** A Kazakh mobile number nobody else in the run has. */
  phone: string;
  email: string;
}

let nextUserNumber = 1;
let nextUpdateId = 1;
let nextMessageId = 1;

/** A fresh user: ids, phones and emails never repeat within a process. */
export function newUser(): BenchUser {
  const n = nextUserNumber++;
  return {
    id: 500_000_000 + n,
    firstName: `Bench${n}`,
    phone: `+7 701 ${String(n).padStart(7, '0')}`,
    email: `bench.user${n}@example.kz`,
  };
}

/**
 * A text message update as the Bot API delivers it (only what `readUpdate`
 * reads matters; the rest keeps the shape honest).
 */
export function textUpdate(user: BenchUser, text: string): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: 'private', first_name: user.firstName },
      from: { id: user.id, is_bot: false, first_name: user.firstName, language_code: 'ru' },
      text,
    },
  } as Update;
}

/**
 * A `Sender` with no network: it counts the messages it would send and
 * remembers, per chat, the text of the last one (so a run can check the flows
 * really completed instead of measuring error paths).
 */
export interface RecordingSender extends Sender {
  messages: number;
  /** How many messages contained each watched marker text. */
  seen: Map<string, number>;
}

export function recordingSender(markers: string[]): RecordingSender {
  const seen = new Map(markers.map((marker) => [marker, 0]));
  const note = (text: string) => {
    for (const marker of markers) if (text.includes(marker)) seen.set(marker, (seen.get(marker) ?? 0) + 1);
  };
  const sender: RecordingSender = {
    messages: 0,
    seen,
    async deliver(_chatId: number, reply: Reply) {
      for (const message of reply.messages) {
        sender.messages++;
        note(message.text);
      }
      if (reply.callbackAnswer?.text) note(reply.callbackAnswer.text);
    },
    async send(_chatId, message) {
      sender.messages++;
      note(message.text);
      return true;
    },
  };
  return sender;
}
