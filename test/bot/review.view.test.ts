import { beforeAll, describe, expect, it } from 'vitest';
import type { FlowServices } from '../../src/bot/flow.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { openFlow } from '../../src/bot/run-flow.ts';
import { reviewFlow } from '../../src/bot/views/review.view.ts';
import { type Booking, Listing, Notification, Review } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { makeBooking } from '../support/bookings.fixtures.ts';
import { useBotChats } from '../support/bot-chats.ts';
import { useTestDatabase } from '../support/database.ts';
import { type MadeUser, makeListing, makeUser } from '../support/fixtures.ts';
import { type ChatWithBot, labels, textOf } from '../support/pipeline-harness.ts';

const ru = messagesFor('ru');

describe('«📝 Отзывы» through the bot', () => {
  const { suite, chatAs } = useBotChats();
  let realtor: MadeUser;
  let guest: MadeUser;
  let listing: Listing;
  let stay: Booking;
  let chat: ChatWithBot;

  beforeAll(async () => {
    const em = suite.fork();
    realtor = await makeUser(em, 'realtor');
    listing = await makeListing(em, realtor.user, { title: 'Студия у Байтерека', city: 'Астана' });
    guest = await makeUser(em, 'guest', { fullName: 'Алия Серикова' });
    stay = await makeBooking(em, listing, guest.user, {
      checkIn: '2026-11-20',
      checkOut: '2026-11-23',
      status: 'completed',
    });
    chat = await chatAs(em, guest.user);
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
    const other = await chatAs(em, second.user);
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
