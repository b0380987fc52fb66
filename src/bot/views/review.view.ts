import { fromPromise } from 'xstate';
import type { BookingView } from '../../domain/bookings/view.ts';
import { TIME_ZONE } from '../../domain/dates.ts';
import {
  MAX_REVIEW_TEXT,
  type MyReviewsPage,
  type ReviewableStay,
  type ReviewContext,
  type ReviewOutput,
  reviewMachine,
} from '../../machines/review.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { Messages } from '../i18n/index.ts';
import { formatStay } from '../parse/date-range.ts';
import type { InlineButton, OutgoingMessage, ReplyButton } from '../screen.ts';
import { starsText } from './favorites.view.ts';
import { errorText, navigationRow, withNotice } from './keyboards.ts';
import { mapPage, pageOrLast, pagerRow } from './paging.ts';

/** How many stays to choose from are listed (the most recent ones). */
export const MAX_STAYS = 8;
/** A published review's text in the list is cut to this many characters. */
const LIST_TEXT = 300;

const day = new Intl.DateTimeFormat('ru-RU', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const stayOf = (booking: BookingView): ReviewableStay => ({
  bookingId: booking.id,
  listingTitle: booking.listingTitle,
  city: booking.city,
  checkIn: booking.checkIn,
  checkOut: booking.checkOut,
});

/** Refusals that mean the stay itself cannot be reviewed. */
const NOT_REVIEWABLE = new Set(['already_exists', 'invalid_state']);

function notice(t: Messages, context: ReviewContext): string | null {
  switch (context.notice) {
    case null:
      break;
    case 'tooLong':
      return t.reviews.tooLong(MAX_REVIEW_TEXT);
    case 'chooseStay':
      return context.stays.length > 0 ? t.reviews.chooseStayNotice : t.reviews.useButtons;
    default:
      return t.reviews[context.notice];
  }
  if (!context.error) return null;
  return NOT_REVIEWABLE.has(context.error.code) ? t.reviews.notReviewable : errorText(t, context.error.code);
}

function choosing(t: Messages, context: ReviewContext): OutgoingMessage[] {
  const stays = context.stays.map((stay): InlineButton[] => [
    {
      text: t.reviews.stay(stay.listingTitle, formatStay(stay.checkIn, stay.checkOut)),
      callback: { action: 'review', id: stay.bookingId },
    },
  ]);
  const lines =
    context.stays.length === 0
      ? [t.reviews.noStays]
      : [
          t.reviews.chooseStay,
          ...(context.total > context.stays.length
            ? [t.reviews.moreStays(context.stays.length, context.total)]
            : []),
        ];
  return [
    { text: withNotice(notice(t, context), t.reviews.intro), reply: [navigationRow(t)] },
    {
      text: lines.join('\n'),
      inline: [...stays, [{ text: t.reviews.buttons.mine, callback: { action: 'mine', id: 1 } }]],
    },
  ];
}

function mine(t: Messages, context: ReviewContext): OutgoingMessage[] {
  const page = context.reviews as MyReviewsPage;
  const reply = [navigationRow(t, { back: true })];
  if (page.total === 0) return [{ text: withNotice(notice(t, context), t.reviews.mineEmpty), reply }];
  const first = (page.page - 1) * page.pageSize + 1;
  const items = page.items.map((review, i) => {
    const text = review.text.length > LIST_TEXT ? `${review.text.slice(0, LIST_TEXT)}…` : review.text;
    return [
      `${first + i}. «${review.listingTitle}» ${starsText(review.rating)}`,
      text || t.reviews.noText,
      `🕑 ${day.format(new Date(review.createdAt))}`,
    ].join('\n');
  });
  const title = withNotice(notice(t, context), t.reviews.mineTitle(page.total, page.page, page.pages));
  const pager = pagerRow(t.reviews.buttons, page.page, page.pages, 'mine');
  if (pager.length === 0) return [{ text: [title, ...items].join('\n\n'), reply }];
  return [
    { text: title, reply },
    { text: items.join('\n\n'), inline: pager },
  ];
}

function rating(t: Messages, context: ReviewContext): OutgoingMessage[] {
  const stay = context.stay as ReviewableStay;
  const ask = t.reviews.askStars(stay.listingTitle, formatStay(stay.checkIn, stay.checkOut));
  const text = context.rating ? `${ask}\n\n${t.reviews.current(starsText(context.rating))}` : ask;
  const buttons = [1, 2, 3, 4, 5].map(
    (stars): InlineButton => ({ text: `${stars} ⭐`, callback: { action: 'stars', id: stars } }),
  );
  return [
    { text: withNotice(notice(t, context), text), reply: [navigationRow(t, { back: true })] },
    { text: t.reviews.starsPrompt, inline: [buttons] },
  ];
}

function writing(t: Messages, context: ReviewContext): OutgoingMessage[] {
  const ask = t.reviews.askText(MAX_REVIEW_TEXT);
  const text = context.text ? `${ask}\n\n${t.reviews.current(`«${context.text}»`)}` : ask;
  const reply: ReplyButton[][] = [];
  if (context.text) reply.push([{ text: t.reviews.buttons.keepText, event: { type: 'CONFIRM' } }]);
  reply.push([{ text: t.buttons.skip, event: { type: 'SKIP' } }], navigationRow(t, { back: true }));
  return [{ text: withNotice(notice(t, context), text), reply }];
}

function preview(t: Messages, context: ReviewContext): OutgoingMessage[] {
  const stay = context.stay as ReviewableStay;
  const text = t.reviews.preview(stay.listingTitle, starsText(context.rating ?? 0), context.text || null);
  return [
    {
      text: withNotice(notice(t, context), text),
      reply: [
        [{ text: t.reviews.buttons.publish, event: { type: 'CONFIRM' } }],
        [
          { text: t.buttons.edit, event: { type: 'EDIT' } },
          { text: t.buttons.cancel, event: { type: 'CANCEL' } },
        ],
      ],
    },
  ];
}

/** «📝 Отзывы»: rate a completed stay (stars, text, preview), or look through one's reviews. */
export const reviewFlow: Flow = {
  id: 'review',
  version: 1,
  audience: 'account',
  machine: reviewMachine.provide({
    actors: {
      loadReviewable: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const all = await domain.reviews.reviewable(em, actor);
        const named = input.bookingId === null ? null : all.find((booking) => booking.id === input.bookingId);
        return {
          stays: all.slice(0, MAX_STAYS).map(stayOf),
          total: all.length,
          pick: named ? stayOf(named) : null,
          missing: input.bookingId !== null && !named,
        };
      }),
      loadMine: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const page = await pageOrLast(input.page, (page) => domain.reviews.listMine(em, actor, { page }));
        return mapPage(page, (review) => ({
          id: review.id,
          listingTitle: review.listingTitle,
          rating: review.rating,
          text: review.text,
          createdAt: review.createdAt.toISOString(),
        }));
      }),
      publish: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const review = await domain.reviews.create(em, actor, input);
        return { id: review.id };
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as ReviewContext;
    if (snapshot.matches('mine')) return mine(t, context);
    if (snapshot.matches('rating')) return rating(t, context);
    if (snapshot.matches('writing')) return writing(t, context);
    if (snapshot.matches('preview')) return preview(t, context);
    return choosing(t, context);
  },
  finish(output, { t }) {
    const result = output as ReviewOutput;
    if (result.outcome === 'published') {
      return t.reviews.published(result.listingTitle, starsText(result.rating));
    }
    if (result.outcome === 'failed') return errorText(t, result.code);
    return t.common.cancelled;
  },
};
