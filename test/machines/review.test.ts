import { beforeEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { MAX_STAYS, reviewFlow } from '../../src/bot/views/review.view.ts';
import { AlreadyExists, InvalidState, RateLimited } from '../../src/domain/errors.ts';
import {
  type MyReviewsPage,
  type ReviewableLoad,
  type ReviewableStay,
  reviewMachine,
  starsOf,
} from '../../src/machines/review.machine.ts';
import type { ActorScript } from '../support/flows.ts';
import { type FlowChat, scriptedChat } from '../support/machine-harness.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

/** The reply keyboard's labels. */
function keyboard(chat: FlowChat): string[][] {
  const reply = chat.messages().find((message) => Array.isArray(message.reply))?.reply;
  return Array.isArray(reply) ? reply.map((row) => row.map((button) => button.text)) : [];
}

/** The inline buttons of the screen's message that has them, as `label → action:id`. */
function inline(chat: FlowChat): string[][] {
  const message = chat.messages().find((m) => m.inline);
  return (message?.inline ?? []).map((row) =>
    row.map((button) => `${button.text} → ${button.callback.action}:${button.callback.id}`),
  );
}

const stay = (bookingId: number, listingTitle: string): ReviewableStay => ({
  bookingId,
  listingTitle,
  city: 'Астана',
  checkIn: '2026-11-20',
  checkOut: '2026-11-23',
});
const baiterek = stay(11, 'Студия у Байтерека');
const medeu = stay(12, 'Апартаменты у Медеу');
const load = (overrides: Partial<ReviewableLoad> = {}): ReviewableLoad => ({
  stays: [baiterek, medeu],
  total: 2,
  pick: null,
  missing: false,
  ...overrides,
});
const mine = (overrides: Partial<MyReviewsPage> = {}): MyReviewsPage => ({
  items: [
    {
      id: 5,
      listingTitle: 'Студия на Абая',
      rating: 4,
      text: 'Чисто и уютно.',
      createdAt: '2026-11-02T10:00:00.000Z',
    },
  ],
  page: 1,
  pageSize: 5,
  pages: 1,
  total: 1,
  ...overrides,
});

let script: ActorScript;
let chat: FlowChat;

beforeEach(() => {
  ({ script, chat } = scriptedChat(reviewMachine, reviewFlow, ['loadReviewable', 'loadMine', 'publish']));
});

async function choose(): Promise<void> {
  script.resolve(load());
  await chat.start();
  await chat.send({ type: 'cb.review', id: 11 });
  expect(chat.state).toBe('rating');
}

async function toPreview(text = 'Отличная квартира, рекомендую'): Promise<void> {
  await choose();
  await chat.send({ type: 'cb.stars', id: 4 });
  await chat.send({ type: 'TEXT', text });
  expect(chat.state).toBe('preview');
}

describe('review: choosing the stay', () => {
  it('lists the completed stays without a review as buttons, with «Мои отзывы» and Cancel', async () => {
    script.resolve(load());
    await chat.start();
    expect(script.inputsOf('loadReviewable')).toEqual([{ bookingId: null }]);
    expect(chat.state).toBe('choosing');
    const [intro, list] = chat.messages();
    expect(intro?.text).toBe(ru.reviews.intro);
    expect(keyboard(chat)).toEqual([[ru.buttons.cancel]]);
    expect(list?.text).toBe(ru.reviews.chooseStay);
    expect(inline(chat)).toEqual([
      ['Студия у Байтерека, 20.11.2026 – 23.11.2026 → review:11'],
      ['Апартаменты у Медеу, 20.11.2026 – 23.11.2026 → review:12'],
      ['📋 Мои отзывы → mine:1'],
    ]);
  });

  it('says how many are not listed when there are more than it shows', async () => {
    script.resolve(load({ total: MAX_STAYS + 3 }));
    await chat.start();
    expect(chat.text()).toContain(`Показаны последние 2 из ${MAX_STAYS + 3}.`);
  });

  it('says when nothing is waiting for a review, still offering the published ones', async () => {
    script.resolve(load({ stays: [], total: 0 }));
    await chat.start();
    expect(chat.text()).toContain(ru.reviews.noStays);
    expect(inline(chat)).toEqual([['📋 Мои отзывы → mine:1']]);
  });

  it('goes straight to the stars for the booking it was started for', async () => {
    script.resolve(load({ pick: medeu }));
    await chat.start({ bookingId: 12 });
    expect(script.inputsOf('loadReviewable')).toEqual([{ bookingId: 12 }]);
    expect(chat.state).toBe('rating');
    expect(chat.text()).toContain('Проживание «Апартаменты у Медеу», 20.11.2026 – 23.11.2026.');
  });

  it('says a named booking cannot be reviewed and offers the others', async () => {
    script.resolve(load({ missing: true }));
    await chat.start({ bookingId: 99 });
    expect(chat.state).toBe('choosing');
    expect(chat.text()).toContain(`⚠️ ${ru.reviews.notReviewable}`);
  });

  it('keeps the step on typed text and on a stay no longer listed', async () => {
    script.resolve(load());
    await chat.start();
    await chat.send({ type: 'TEXT', text: 'Байтерек' });
    expect(chat.state).toBe('choosing');
    expect(chat.text()).toContain(`⚠️ ${ru.reviews.chooseStayNotice}`);
    await chat.send({ type: 'cb.review', id: 99 });
    expect(chat.state).toBe('choosing');
    expect(chat.text()).toContain(ru.reviews.notReviewable);
  });

  it('ends saying why when the stays cannot be loaded', async () => {
    script.reject(new RateLimited(5));
    await chat.start();
    expect(chat.output).toEqual({ outcome: 'failed', code: 'rate_limited' });
    expect(chat.finish()).toBe(ru.errors.rate_limited);
  });
});

describe('review: stars, text, preview', () => {
  it('asks for 1–5 stars as inline buttons, with Back and Cancel', async () => {
    await choose();
    expect(inline(chat)).toEqual([
      ['1 ⭐ → stars:1', '2 ⭐ → stars:2', '3 ⭐ → stars:3', '4 ⭐ → stars:4', '5 ⭐ → stars:5'],
    ]);
    expect(keyboard(chat)).toEqual([[ru.buttons.back, ru.buttons.cancel]]);
    expect(await chat.send({ type: 'cb.stars', id: 6 })).toBe(false);
  });

  it('takes typed stars too, and keeps the step on anything else', async () => {
    await choose();
    await chat.send({ type: 'TEXT', text: 'отлично' });
    expect(chat.state).toBe('rating');
    expect(chat.text()).toContain(`⚠️ ${ru.reviews.chooseStars}`);
    await chat.send({ type: 'TEXT', text: '5 звёзд' });
    expect(chat.state).toBe('writing');
    expect(chat.text()).not.toContain('⚠️');
  });

  it.each([
    ['4', 4],
    ['4 звезды', 4],
    ['1 звезда', 1],
    ['⭐⭐⭐', 3],
    ['★★★★★', 5],
    ['5 stars', 5],
    ['5⭐️', 5],
  ])('reads «%s» as %i stars', (text, stars) => {
    expect(starsOf(text)).toBe(stars);
  });

  it.each(['0', '6', '45', 'пять', '⭐⭐⭐⭐⭐⭐', ''])('reads «%s» as no rating', (text) => {
    expect(starsOf(text)).toBeNull();
  });

  it('asks for the text with Skip, then previews the review with Publish, Edit and Cancel', async () => {
    await choose();
    await chat.send({ type: 'cb.stars', id: 4 });
    expect(chat.text()).toBe(ru.reviews.askText(2000));
    expect(keyboard(chat)).toEqual([[ru.buttons.skip], [ru.buttons.back, ru.buttons.cancel]]);
    await chat.send({ type: 'TEXT', text: '  Отличная квартира, рекомендую  ' });
    expect(chat.text()).toBe(
      'Проверьте отзыв:\n\n«Студия у Байтерека»\n★★★★☆\nОтличная квартира, рекомендую\n\nОпубликовать?',
    );
    expect(keyboard(chat)).toEqual([['✅ Опубликовать'], [ru.buttons.edit, ru.buttons.cancel]]);
    expect(chat.text('en')).toContain('Check your review:\n\n“Студия у Байтерека”\n★★★★☆');
  });

  it('Skip previews a review without text', async () => {
    await choose();
    await chat.send({ type: 'cb.stars', id: 2 });
    await chat.send({ type: 'SKIP' });
    expect(chat.text()).toContain('★★☆☆☆\nБез текста.');
  });

  it('refuses a text over 2000 characters, keeping the step', async () => {
    await choose();
    await chat.send({ type: 'cb.stars', id: 4 });
    await chat.send({ type: 'TEXT', text: 'а'.repeat(2001) });
    expect(chat.state).toBe('writing');
    expect(chat.text()).toContain(`⚠️ ${ru.reviews.tooLong(2000)}`);
  });

  it('Back goes a step back at each step', async () => {
    await toPreview();
    expect(await chat.send({ type: 'BACK' })).toBe(false);
    await chat.send({ type: 'EDIT' });
    expect(chat.state).toBe('rating');
    await chat.send({ type: 'cb.stars', id: 5 });
    await chat.send({ type: 'BACK' });
    expect(chat.state).toBe('rating');
    await chat.send({ type: 'BACK' });
    expect(chat.state).toBe('choosing');
  });

  it('Edit keeps what was written: the stars are shown and the text can be kept', async () => {
    await toPreview('Хорошо');
    await chat.send({ type: 'EDIT' });
    expect(chat.text()).toContain('Сейчас: ★★★★☆');
    await chat.send({ type: 'cb.stars', id: 5 });
    expect(chat.text()).toContain('Сейчас: «Хорошо»');
    expect(keyboard(chat)[0]).toEqual(['✅ Оставить текст']);
    await chat.send({ type: 'CONFIRM' });
    expect(chat.text()).toContain('★★★★★\nХорошо');
  });

  it('keeps the preview on typed text', async () => {
    await toPreview();
    await chat.send({ type: 'TEXT', text: 'да' });
    expect(chat.state).toBe('preview');
    expect(chat.text()).toContain(`⚠️ ${ru.reviews.usePreviewButtons}`);
  });
});

describe('review: publishing', () => {
  it('publishes the stars and text for the booking and thanks the guest', async () => {
    await toPreview();
    script.resolve({ id: 77 });
    await chat.send({ type: 'CONFIRM' });
    expect(script.inputsOf('publish')).toEqual([
      { bookingId: 11, rating: 4, text: 'Отличная квартира, рекомендую' },
    ]);
    expect(chat.output).toEqual({ outcome: 'published', listingTitle: 'Студия у Байтерека', rating: 4 });
    expect(chat.finish()).toBe('Спасибо! Ваш отзыв о «Студия у Байтерека» опубликован: ★★★★☆.');
    expect(chat.finish('en')).toBe('Thank you! Your review of “Студия у Байтерека” is published: ★★★★☆.');
  });

  it.each([
    ['reviewed meanwhile', new AlreadyExists('review')],
    ['no longer completed', new InvalidState('booking', 'cancelled')],
  ])('a stay %s leaves the list, with the reason', async (_, error) => {
    await toPreview();
    script.reject(error);
    await chat.send({ type: 'CONFIRM' });
    expect(chat.state).toBe('choosing');
    expect(chat.text()).toContain(`⚠️ ${ru.reviews.notReviewable}`);
    expect(inline(chat)).toEqual([
      ['Апартаменты у Медеу, 20.11.2026 – 23.11.2026 → review:12'],
      ['📋 Мои отзывы → mine:1'],
    ]);
  });

  it('any other refusal keeps the preview to try again', async () => {
    await toPreview();
    script.reject(new RateLimited(5));
    await chat.send({ type: 'CONFIRM' });
    expect(chat.state).toBe('preview');
    expect(chat.text()).toContain(`⚠️ ${ru.errors.rate_limited}`);
    script.resolve({ id: 77 });
    await chat.send({ type: 'CONFIRM' });
    expect(chat.output).toMatchObject({ outcome: 'published' });
  });

  it('Cancel at the preview publishes nothing', async () => {
    await toPreview();
    await chat.send({ type: 'CANCEL' });
    expect(chat.output).toEqual({ outcome: 'cancelled' });
    expect(script.inputsOf('publish')).toEqual([]);
  });
});

describe('review: the guest’s published reviews', () => {
  beforeEach(async () => {
    script.resolve(load());
    await chat.start();
  });

  it('lists them with stars, text and date, with Back', async () => {
    script.resolve(mine());
    await chat.send({ type: 'cb.mine', id: 1 });
    expect(script.inputsOf('loadMine')).toEqual([{ page: 1 }]);
    expect(chat.state).toBe('mine');
    expect(chat.text()).toBe('📋 Ваши отзывы: 1\n\n1. «Студия на Абая» ★★★★☆\nЧисто и уютно.\n🕑 02.11.2026');
    expect(keyboard(chat)).toEqual([[ru.buttons.back, ru.buttons.cancel]]);
    await chat.send({ type: 'TEXT', text: 'ещё' });
    expect(chat.text()).toContain(`⚠️ ${ru.reviews.useButtons}`);
    await chat.send({ type: 'BACK' });
    expect(chat.state).toBe('choosing');
  });

  it('pages through many, numbering on', async () => {
    script.resolve(mine({ pages: 2, total: 6 }));
    await chat.send({ type: 'cb.mine', id: 1 });
    expect(inline(chat)).toEqual([['▶️ → mine:2']]);
    script.resolve(mine({ page: 2, pages: 2, total: 6 }));
    await chat.send({ type: 'cb.mine', id: 2 });
    expect(script.inputsOf('loadMine')).toEqual([{ page: 1 }, { page: 2 }]);
    expect(chat.text()).toContain('📋 Ваши отзывы: 6 · стр. 2 из 2');
    expect(chat.text()).toContain('6. «Студия на Абая»');
    expect(inline(chat)).toEqual([['◀️ → mine:1']]);
  });

  it('says when there are none yet, and in English', async () => {
    script.resolve(mine({ items: [], total: 0 }));
    await chat.send({ type: 'cb.mine', id: 1 });
    expect(chat.text()).toBe(ru.reviews.mineEmpty);
    expect(chat.text('en')).toBe(en.reviews.mineEmpty);
  });

  it('a refusal keeps the stays with the reason', async () => {
    script.reject(new RateLimited(5));
    await chat.send({ type: 'cb.mine', id: 1 });
    expect(chat.state).toBe('choosing');
    expect(chat.text()).toContain(ru.errors.rate_limited);
  });
});
