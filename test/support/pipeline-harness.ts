import type { Update } from 'node-telegram-bot-api/types';
import pino from 'pino';
import { type CallbackData, encodeCallback } from '../../src/bot/callback-data.ts';
import { createPipeline, type Pipeline, type PipelineDeps } from '../../src/bot/pipeline.ts';
import type { OutgoingMessage, Reply } from '../../src/bot/screen.ts';
import type { Sender } from '../../src/bot/sender.ts';
import { TelegramProfile, type User } from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import { uniqueTelegramId } from './accounts.fixtures.ts';

/**
 * A harness for bot view tests: the real update pipeline (session, flows,
 * domain) without Telegram, with every reply recorded.
 */

export interface Delivery {
  chatId: number;
  reply: Reply;
  /** The message edited in place, or null when the first message was sent anew. */
  editMessageId: number | null;
}

/** A Sender that keeps every reply. */
export function recordingSender(deliveries: Delivery[]): Sender {
  return {
    async deliver(chatId, reply, options = {}) {
      deliveries.push({ chatId, reply, editMessageId: options.editMessageId ?? null });
    },
    async send() {
      return true;
    },
  };
}

/** What Telegram includes of the pressed message: a photo or document with its caption, or its text. */
function pressedContent(shown: OutgoingMessage | undefined): Record<string, unknown> {
  if (shown?.photo) {
    return {
      photo: [{ file_id: 'pressed-photo', file_unique_id: 'p', width: 800, height: 600 }],
      caption: shown.text,
    };
  }
  if (shown?.document)
    return { document: { file_id: 'pressed-document', file_unique_id: 'd' }, caption: shown.text };
  return { text: shown?.text || '…' };
}

let nextUpdateId = 40_000_000 + Math.floor(Math.random() * 1_000_000) * 10;

/**
 * A person in a private chat with the bot, through the real update pipeline
 * (session, flows, domain), without Telegram: replies are recorded.
 */
export class ChatWithBot {
  readonly id: number;
  private readonly pipeline: Pipeline;
  private readonly deliveries: Delivery[];

  constructor(pipeline: Pipeline, deliveries: Delivery[], id: number) {
    this.pipeline = pipeline;
    this.deliveries = deliveries;
    this.id = id;
  }

  private get from() {
    return { id: this.id, is_bot: false, first_name: 'Алия', language_code: 'ru' };
  }

  /** Sends text (or a command, or a reply-keyboard label) and returns the reply. */
  async say(text: string): Promise<Delivery> {
    const updateId = nextUpdateId++;
    const chat = { id: this.id, type: 'private' as const, first_name: 'Алия' };
    const entities = text.startsWith('/')
      ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]!.length }]
      : undefined;
    await this.pipeline.handleUpdate({
      update_id: updateId,
      message: { message_id: updateId, date: 1_790_000_000, chat, from: this.from, text, entities },
    } as Update);
    return this.last();
  }

  /** Presses the inline button labelled `label` on the newest message that has it (message id `messageId`). */
  async tap(label: string, messageId = 4242): Promise<Delivery> {
    const shown = [...this.messages()]
      .reverse()
      .find((message) => message.inline?.flat().some((candidate) => candidate.text === label));
    const button = shown?.inline?.flat().find((candidate) => candidate.text === label);
    if (!shown || !button) {
      throw new Error(`no inline button «${label}» in ${JSON.stringify(this.messages().at(-1))}`);
    }
    return this.press(button.callback, messageId, shown);
  }

  /**
   * Sends a button press with any callback data, as a stale or forged button would.
   * `shown` is the message the button is on: Telegram includes it as a photo or
   * document with a caption, or as text (the default), which decides whether the
   * bot may edit it in place.
   */
  async press(callback: CallbackData, messageId = 4242, shown?: OutgoingMessage): Promise<Delivery> {
    const updateId = nextUpdateId++;
    await this.pipeline.handleUpdate({
      update_id: updateId,
      callback_query: {
        id: `q${updateId}`,
        from: this.from,
        chat_instance: 'ci',
        data: encodeCallback(callback),
        message: {
          message_id: messageId,
          date: 1_790_000_000,
          chat: { id: this.id, type: 'private', first_name: 'Алия' },
          ...pressedContent(shown),
        },
      },
    } as Update);
    return this.last();
  }

  last(): Delivery {
    const mine = this.deliveries.filter((delivery) => delivery.chatId === this.id);
    const last = mine.at(-1);
    if (!last) throw new Error('the bot said nothing');
    return last;
  }

  /** Every message the bot sent to this chat, oldest first. */
  messages(): OutgoingMessage[] {
    return this.deliveries
      .filter((delivery) => delivery.chatId === this.id)
      .flatMap((delivery) => delivery.reply.messages);
  }

  /** The reply keyboard shown last. */
  keyboard(): string[][] {
    const reply = this.messages().findLast((message) => Array.isArray(message.reply))?.reply;
    return Array.isArray(reply) ? reply.map((row) => row.map((button) => button.text)) : [];
  }
}

export const textOf = (delivery: Delivery) =>
  delivery.reply.messages.map((message) => message.text).join('\n\n');
export const labels = (delivery: Delivery) =>
  delivery.reply.messages.flatMap((message) => message.inline?.flat() ?? []).map((button) => button.text);

/** A Telegram profile linked to `user`, as /register or /link leave it. */
export async function linkTelegram(em: Em, user: User): Promise<number> {
  const telegramId = uniqueTelegramId();
  em.create(TelegramProfile, {
    telegramId,
    chatId: telegramId,
    user,
    phone: null,
    language: 'ru',
    languageChosen: false,
    username: null,
    firstName: 'Алия',
    botBlocked: false,
  });
  await em.flush();
  return telegramId;
}

/** The real update pipeline over `db`, with a silent logger and a Sender that records into `deliveries`. */
export function recordingPipeline(
  db: Pick<PipelineDeps, 'orm' | 'domain'>,
  deliveries: Delivery[],
): Pipeline {
  return createPipeline({
    orm: db.orm,
    domain: db.domain,
    sender: recordingSender(deliveries),
    logger: pino({ level: 'silent' }),
  });
}
