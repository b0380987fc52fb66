import type { Update } from 'node-telegram-bot-api/types';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CallbackData, encodeCallback } from '../../src/bot/callback-data.ts';
import type { FlowServices } from '../../src/bot/flow.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { createPipeline, type Pipeline } from '../../src/bot/pipeline.ts';
import { openFlow } from '../../src/bot/run-flow.ts';
import type { OutgoingMessage, Reply } from '../../src/bot/screen.ts';
import type { Sender } from '../../src/bot/sender.ts';
import { reviewFlow } from '../../src/bot/views/review.view.ts';
import {
  type Booking,
  Listing,
  Notification,
  Review,
  TelegramProfile,
  type User,
} from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { uniqueTelegramId } from '../support/accounts.fixtures.ts';
import { makeBooking } from '../support/bookings.fixtures.ts';
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
describe('«📝 Отзывы» through the bot', () => {
  const suite = useTestDatabase();
  const deliveries: Delivery[] = [];
  let pipeline: Pipeline;
  let realtor: MadeUser;
  let guest: MadeUser;
  let listing: Listing;
  let stay: Booking;
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
    realtor = await makeUser(em, 'realtor');
    listing = await makeListing(em, realtor.user, { title: 'Студия у Байтерека', city: 'Астана' });
    guest = await makeUser(em, 'guest', { fullName: 'Алия Серикова' });
    stay = await makeBooking(em, listing, guest.user, {
      checkIn: '2026-11-20',
      checkOut: '2026-11-23',
      status: 'completed',
    });
    chat = new ChatWithBot(pipeline, deliveries, await linkTelegram(em, guest.user));
  });

  it('the menu button lists the completed stay to review, with Cancel and «Мои отзывы»', async () => {
    const reply = await chat.say('📝 Отзывы');
    const [intro, list] = reply.reply.messages;
    expect(intro?.text).toBe(ru.reviews.intro);
    expect(chat.keyboard()).toEqual([[ru.buttons.cancel]]);
    expect(list?.text).toBe(ru.reviews.chooseStay);
    expect(labels(reply)).toEqual(['Студия у Байтерека, 20.11.2026 – 23.11.2026', '📋 Мои отзывы']);
  });

  it('stars, text and preview; typed garbage keeps each step', async () => {
    await chat.tap('Студия у Байтерека, 20.11.2026 – 23.11.2026');
    expect(textOf(await chat.say('отлично'))).toContain(`⚠️ ${ru.reviews.chooseStars}`);
    const writing = await chat.tap('4 ⭐');
    expect(textOf(writing)).toBe(ru.reviews.askText(2000));
    const preview = await chat.say('Чисто, тепло, хозяйка на связи.');
    expect(textOf(preview)).toContain('«Студия у Байтерека»\n★★★★☆\nЧисто, тепло, хозяйка на связи.');
    expect(textOf(await chat.say('ок'))).toContain(`⚠️ ${ru.reviews.usePreviewButtons}`);
  });

  it('publishing stores the review, updates the rating, tells the realtor and thanks the guest', async () => {
    const before = await suite.fork().count(Notification, { user: realtor.user.id, kind: 'review_created' });
    const reply = await chat.say('✅ Опубликовать');
    expect(textOf(reply)).toContain('Спасибо! Ваш отзыв о «Студия у Байтерека» опубликован: ★★★★☆.');
    expect(textOf(reply)).toContain('Главное меню');
    const em = suite.fork();
    const review = await em.findOneOrFail(Review, { booking: stay.id });
    expect([review.rating, review.text]).toEqual([4, 'Чисто, тепло, хозяйка на связи.']);
    const rated = await em.findOneOrFail(Listing, listing.id);
    expect([Number(rated.ratingAvg), rated.ratingCount]).toEqual([4, 1]);
    expect(await em.count(Notification, { user: realtor.user.id, kind: 'review_created' })).toBe(before + 1);
  });

  it('afterwards nothing waits for a review, and the published one is listed', async () => {
    const reply = await chat.say('📝 Отзывы');
    expect(textOf(reply)).toContain(ru.reviews.noStays);
    const mine = await chat.tap('📋 Мои отзывы');
    expect(textOf(mine)).toContain('📋 Ваши отзывы: 1');
    expect(textOf(mine)).toContain('1. «Студия у Байтерека» ★★★★☆\nЧисто, тепло, хозяйка на связи.');
    expect(chat.keyboard()).toEqual([[ru.buttons.back, ru.buttons.cancel]]);
    expect(textOf(await chat.say('⬅️ Назад'))).toContain(ru.reviews.noStays);
    expect(textOf(await chat.say('❌ Отмена'))).toContain(ru.common.cancelled);
  });

  it('a second guest’s review moves the average, and the card shows the latest reviews', async () => {
    const em = suite.fork();
    const second = await makeUser(em, 'guest', { fullName: 'Данияр Ибраев' });
    const booking = await makeBooking(em, listing, second.user, {
      checkIn: '2026-11-25',
      checkOut: '2026-11-27',
      status: 'completed',
    });
    const other = new ChatWithBot(pipeline, deliveries, await linkTelegram(em, second.user));
    await other.say('📝 Отзывы');
    await other.tap('Студия у Байтерека, 25.11.2026 – 27.11.2026');
    await other.say('5');
    await other.say('⏭ Пропустить');
    await other.say('✅ Опубликовать');
    expect((await suite.fork().findOneOrFail(Review, { booking: booking.id })).text).toBe('');
    const card = await suite.db.domain.search.details(suite.fork(), null, { listingId: listing.id });
    expect([card.ratingAvg, card.ratingCount]).toEqual([4.5, 2]);
    expect(card.reviews.map((review) => [review.authorName, review.rating])).toEqual([
      ['Данияр', 5],
      ['Алия', 4],
    ]);
  });
});

describe('the review flow started for one booking', () => {
  const suite = useTestDatabase();

  async function start(actor: Actor, bookingId: number) {
    const em = suite.fork();
    const services: FlowServices = {
      em,
      domain: suite.db.domain,
      actor,
      telegram: { telegramId: 1, chatId: 1, firstName: 'Алия', locale: 'ru' },
    };
    const open = await openFlow(reviewFlow, services, null, { bookingId });
    return (await open.send(null)).snapshot;
  }

  it('asks for the stars of that stay at once, and refuses someone else’s', async () => {
    const em = suite.fork();
    const realtor = await makeUser(em, 'realtor');
    const listing = await makeListing(em, realtor.user, { title: 'Апартаменты у Медеу' });
    const guest = await makeUser(em, 'guest');
    const stranger = await makeUser(em, 'guest');
    const booking = await makeBooking(em, listing, guest.user, {
      checkIn: '2026-11-01',
      checkOut: '2026-11-03',
      status: 'completed',
    });
    const own = await start(guest.actor, booking.id);
    expect(own.value).toBe('rating');
    expect(own.context).toMatchObject({
      stay: { bookingId: booking.id, listingTitle: 'Апартаменты у Медеу' },
    });
    const foreign = await start(stranger.actor, booking.id);
    expect(foreign.value).toBe('choosing');
    expect(foreign.context).toMatchObject({ notice: 'notReviewable', stays: [] });
  });
});
