import type { Update } from 'node-telegram-bot-api/types';
import type { OutgoingMessage } from '../bot/screen.ts';
import { replyMarkup } from '../bot/sender.ts';
import type { CapturingSender } from './capturing-sender.ts';
import type { Recording, Step } from './format.ts';
import type { TranscriptEntry } from './transcript.ts';

/** Telegram's message date field (seconds); fixed, the bot does not read it. */
const MESSAGE_DATE = 1_800_000_000;

/**
 * The pressed message as Telegram includes it in the callback query: a photo
 * or document with its caption, else its text (the only kind the bot edits in place).
 */
function pressedContent(message: OutgoingMessage | undefined): Record<string, unknown> {
  const caption = message?.text ?? '';
  if (message?.photo) {
    return {
      photo: [{ file_id: 'replay-photo', file_unique_id: 'photo', width: 800, height: 600 }],
      caption,
    };
  }
  if (message?.document)
    return { document: { file_id: 'replay-document', file_unique_id: 'document' }, caption };
  return { text: message?.text ?? '' };
}

export interface StepUpdate {
  /** The Telegram update to feed the pipeline; null when the step cannot be sent (a press with no button). */
  update: Update | null;
  /** The step's lines in the transcript. */
  entries: TranscriptEntry[];
}

/**
 * The Telegram update a recorded step stands for, as Telegram would send it:
 * message ids continue the chat's, a press carries the message its button is
 * on (found among what the replay has shown) with that message's keyboard,
 * and `fill` puts real values in for placeholders.
 */
export function stepUpdate(
  recording: Recording,
  step: Step,
  updateId: number,
  sender: CapturingSender,
  fill: (text: string) => string,
): StepUpdate {
  const person = step.from ?? recording.user;
  const from = {
    id: person.id,
    is_bot: false,
    first_name: person.firstName,
    ...(person.username ? { username: person.username } : {}),
    ...(person.languageCode ? { language_code: person.languageCode } : {}),
  };
  const chat = { id: recording.chatId, type: 'private', first_name: person.firstName };
  const message = (fields: object) =>
    ({
      update_id: updateId,
      message: { message_id: sender.nextMessageId(), date: MESSAGE_DATE, chat, from, ...fields },
    }) as Update;

  switch (step.type) {
    case 'text':
      return { update: message({ text: fill(step.text) }), entries: [{ kind: 'user', text: step.text }] };
    case 'contact': {
      const contact = {
        phone_number: step.phone,
        first_name: person.firstName,
        ...(step.own ? { user_id: person.id } : {}),
      };
      return {
        update: message({ contact }),
        entries: [{ kind: 'contact', phone: step.phone, own: step.own }],
      };
    }
    case 'photo': {
      const photo = [{ file_id: step.fileId, file_unique_id: step.fileId, width: 800, height: 600 }];
      return { update: message({ photo }), entries: [{ kind: 'attachment', what: 'photo' }] };
    }
    case 'unsupported':
      return { update: message({}), entries: [{ kind: 'attachment', what: 'unsupported' }] };
    case 'callback': {
      const found = sender.findButton(step.data !== undefined ? { data: step.data } : { label: step.button });
      const data = step.data ?? found?.data;
      if (data === undefined) {
        return {
          update: null,
          entries: [
            { kind: 'press', label: step.button ?? '' },
            { kind: 'note', text: 'no such button is shown; nothing sent' },
          ],
        };
      }
      // A press on a button the chat no longer shows points at the newest message, like a stale one.
      const messageId = found?.messageId ?? sender.lastBotMessageId() ?? 0;
      const markup = found ? replyMarkup(found.message) : undefined;
      return {
        update: {
          update_id: updateId,
          callback_query: {
            id: `replay-${updateId}`,
            from,
            chat_instance: String(recording.chatId),
            data,
            message: {
              message_id: messageId,
              date: MESSAGE_DATE,
              chat,
              ...pressedContent(found?.message),
              ...(markup ? { reply_markup: markup } : {}),
            },
          },
        } as Update,
        entries: [{ kind: 'press', label: found?.label ?? step.button ?? data }],
      };
    }
  }
}
