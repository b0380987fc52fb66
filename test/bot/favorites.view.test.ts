import type { Update } from 'node-telegram-bot-api/types';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CallbackData, encodeCallback } from '../../src/bot/callback-data.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { createPipeline, type Pipeline } from '../../src/bot/pipeline.ts';
import type { OutgoingMessage, Reply } from '../../src/bot/screen.ts';
import type { Sender } from '../../src/bot/sender.ts';
import { sessionStore } from '../../src/bot/session-store.ts';
import { Listing, TelegramProfile, type User } from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import { uniqueTelegramId } from '../support/accounts.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { type MadeUser, makeListing, makeUser } from '../support/fixtures.ts';

const ru = messagesFor('ru');

interface Delivery {
  chatId: number;
  reply: Reply;
  /** The message edited in place, or null when the first message was sent anew. */
  editMessageId: number | null;
}

/** A Sender that keeps every reply. */
function recordingSender(deliveries: Delivery[]): Sender {
  return {
    async deliver(chatId, reply, options = {}) {
      deliveries.push({ chatId, reply, editMessageId: options.editMessageId ?? null });
    },
    async send() {
      return true;
    },
  };
}

let nextUpdateId = 40_000_000 + Math.floor(Math.random() * 1_000_000) * 10;

/**
 * A person in a private chat with the bot, through the real update pipeline
 * (session, flows, domain), without Telegram: replies are recorded.
 */
class ChatWithBot {
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
    const button = [...this.messages()]
      .reverse()
      .flatMap((message) => message.inline?.flat() ?? [])
      .find((candidate) => candidate.text === label);
    if (!button) throw new Error(`no inline button «${label}» in ${JSON.stringify(this.messages().at(-1))}`);
    return this.press(button.callback, messageId);
  }

  /** Sends a button press with any callback data, as a stale or forged button would. */
  async press(callback: CallbackData, messageId = 4242): Promise<Delivery> {
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
          text: '…',
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

const textOf = (delivery: Delivery) => delivery.reply.messages.map((message) => message.text).join('\n\n');
const labels = (delivery: Delivery) =>
  delivery.reply.messages.flatMap((message) => message.inline?.flat() ?? []).map((button) => button.text);

/** A Telegram profile linked to `user`, as /register or /link leave it. */
async function linkTelegram(em: Em, user: User): Promise<number> {
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
describe('«⭐ Избранное» through the bot', () => {
  const suite = useTestDatabase();
  const deliveries: Delivery[] = [];
  let pipeline: Pipeline;
  let guest: MadeUser;
  let listings: Listing[];
  let chat: ChatWithBot;

  beforeAll(async () => {
    const { orm, domain } = suite.db;
    pipeline = createPipeline({
      orm,
      domain,
      sender: recordingSender(deliveries),
      logger: pino({ level: 'silent' }),
    });
    const em = suite.fork();
    const realtor = await makeUser(em, 'realtor');
    listings = [];
    for (let i = 1; i <= 6; i++) {
      listings.push(
        await makeListing(em, realtor.user, {
          title: `Студия ${i} у Байтерека`,
          city: 'Астана',
          pricePerNight: 10_000 + i * 1000,
          amenities: ['wifi', 'kitchen'],
          description: `Светлая студия номер ${i}.`,
        }),
      );
    }
    guest = await makeUser(em, 'guest');
    for (const listing of listings) {
      await domain.favorites.add(suite.fork(), guest.actor, { listingId: listing.id });
    }
    chat = new ChatWithBot(pipeline, deliveries, await linkTelegram(em, guest.user));
  });

  it('the menu button shows the newest favourites first, in one inline message under the menu', async () => {
    const reply = await chat.say('⭐ Избранное');
    expect(reply.reply.messages).toHaveLength(1);
    expect(reply.reply.messages[0]?.reply).toBeUndefined();
    const text = textOf(reply);
    expect(text).toContain('⭐ Избранное: 6 квартир · стр. 1 из 2');
    expect(text).toContain('1. Студия 6 у Байтерека\nАстана · 16 000 ₸ / ночь · без отзывов');
    expect(text).toContain('5. Студия 2 у Байтерека');
    expect(labels(reply)).toContain('1 · Удалить из избранного');
  });

  it('▶ edits the message in place with the next page', async () => {
    const reply = await chat.tap('▶️', 501);
    expect(reply.editMessageId).toBe(501);
    expect(textOf(reply)).toContain('стр. 2 из 2');
    expect(textOf(reply)).toContain('6. Студия 1 у Байтерека');
    expect(labels(reply)).toContain('◀️');
  });

  it('«Подробнее» turns the message into the listing’s card', async () => {
    const reply = await chat.tap('6 · Подробнее', 501);
    expect(reply.editMessageId).toBe(501);
    const text = textOf(reply);
    expect(text).toContain('🏠 Студия 1 у Байтерека');
    expect(text).toContain('Светлая студия номер 1.');
    expect(text).toContain('Удобства: Wi-Fi, Кухня');
    expect(text).toContain(ru.favorites.noReviews);
    expect(labels(reply)).toEqual([
      '📅 Забронировать',
      '🗑 Удалить из избранного',
      '⬅️ К избранному',
      '✖️ Закрыть',
    ]);
  });

  it('«Удалить из избранного» removes it for good and shows the list again in place', async () => {
    const reply = await chat.tap('🗑 Удалить из избранного', 501);
    expect(reply.editMessageId).toBe(501);
    expect(
      await suite.db.domain.favorites.has(suite.fork(), guest.actor, { listingId: listings[0]!.id }),
    ).toBe(false);
    expect(textOf(reply)).toMatch(
      /^🗑 «Студия 1 у Байтерека» удалена из избранного\.\n\n⭐ Избранное: 5 квартир/,
    );
    // Page 2 emptied: the last page that has items is shown.
    expect(textOf(reply)).toContain('1. Студия 6 у Байтерека');
  });

  it('typed text keeps the list and says to use the buttons', async () => {
    const reply = await chat.say('где моя квартира?');
    expect(textOf(reply)).toContain(`⚠️ ${ru.favorites.useButtons}`);
    expect(textOf(reply)).toContain('⭐ Избранное: 5 квартир');
  });

  it('a listing unpublished since stays listed, to be removed only', async () => {
    await suite.fork().nativeUpdate(Listing, { id: listings[1]!.id }, { published: false });
    const reply = await chat.say('⭐ Избранное');
    expect(textOf(reply)).toContain('5. Студия 2 у Байтерека\nАстана · 12 000 ₸ / ночь · без отзывов\n⛔');
    expect(labels(reply)).not.toContain('5 · Забронировать');
    expect(labels(reply)).not.toContain('5 · Подробнее');
    expect(labels(reply)).toContain('5 · Удалить из избранного');
    // A card opened from an older list answers that the listing is gone.
    const card = await chat.press({ action: 'more', id: listings[1]!.id }, 502);
    expect(textOf(card)).toContain(`⚠️ ${ru.errors.not_found}`);
  });

  it('«Забронировать» hands the listing to the booking flow, which asks the dates', async () => {
    const reply = await chat.tap('1 · Забронировать', 502);
    const session = await sessionStore.load(suite.fork(), chat.id);
    expect(session?.machineId).toBe('book');
    expect(textOf(reply)).toContain('Студия 6 у Байтерека');
    expect(textOf(reply)).toContain(ru.booking.askDates('Студия 6 у Байтерека').split('\n')[0]!);
  });

  it('«Закрыть» brings the main menu back', async () => {
    await chat.say('⭐ Избранное');
    const reply = await chat.tap('✖️ Закрыть', 503);
    expect(textOf(reply)).toContain('Главное меню');
    expect(chat.keyboard()[1]).toEqual(['⭐ Избранное', '📝 Отзывы']);
    expect(await sessionStore.load(suite.fork(), chat.id)).toBeNull();
  });

  it('an empty list says so above the main menu', async () => {
    const em = suite.fork();
    const other = await makeUser(em, 'guest');
    const empty = new ChatWithBot(pipeline, deliveries, await linkTelegram(em, other.user));
    const reply = await empty.say('⭐ Избранное');
    expect(textOf(reply)).toContain(ru.favorites.empty);
    expect(textOf(reply)).toContain('Главное меню');
  });
});
