import { fromPromise } from 'xstate';
import {
  type FavoriteItem,
  type FavoritesContext,
  type FavoritesOutput,
  type FavoritesPage,
  favoritesMachine,
  type ListingCard,
} from '../../machines/favorites.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { Locale, Messages } from '../i18n/index.ts';
import { formatTenge } from '../parse/money.ts';
import type { InlineButton, OutgoingMessage } from '../screen.ts';
import { errorText, withNotice } from './keyboards.ts';
import { pageOrLast, pagerRow } from './paging.ts';

/** A listing's average rating, `4,5` in Russian and `4.5` in English. */
export function formatRating(locale: Locale, average: number): string {
  return average.toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 });
}

/** `★★★★☆` for 4 stars. */
export const starsText = (rating: number) => '★'.repeat(rating) + '☆'.repeat(5 - rating);

function itemText(t: Messages, locale: Locale, item: FavoriteItem, index: number): string {
  const facts = [
    item.city,
    t.favorites.perNight(formatTenge(item.pricePerNight)),
    t.favorites.rating(formatRating(locale, item.ratingAvg), item.ratingCount),
  ].join(' · ');
  const lines = [`${index}. ${item.title}`, facts];
  if (!item.visible) lines.push(t.favorites.unavailable);
  return lines.join('\n');
}

function listMessage(t: Messages, locale: Locale, context: FavoritesContext): OutgoingMessage {
  const list = context.list as FavoritesPage;
  const first = (list.page - 1) * list.pageSize + 1;
  const body = [
    t.favorites.title(list.total, list.page, list.pages),
    ...list.items.map((item, i) => itemText(t, locale, item, first + i)),
  ].join('\n\n');
  const inline: InlineButton[][] = list.items.flatMap((item, i) => {
    const index = first + i;
    const remove = [
      { text: t.favorites.buttons.remove(index), callback: { action: 'unfav' as const, id: item.id } },
    ];
    // A listing guests cannot see has no card to open and cannot be booked: it can only go.
    if (!item.visible) return [remove];
    return [
      [
        { text: t.favorites.buttons.details(index), callback: { action: 'more', id: item.id } },
        { text: t.favorites.buttons.book(index), callback: { action: 'book', id: item.id } },
      ],
      remove,
    ];
  });
  inline.push(...pagerRow(t.favorites.buttons, list.page, list.pages));
  inline.push([{ text: t.favorites.buttons.close, callback: { action: 'close', id: 0 } }]);
  return { text: withRemoved(t, context, withNotice(notice(t, context), body)), inline };
}

/** The «Подробнее» card: description, amenities, guests, rating, the latest reviews. */
export function listingCardText(t: Messages, locale: Locale, card: ListingCard): string {
  const place = card.address ? `${card.city}, ${card.address}` : card.city;
  const amenities = card.amenities
    .map((code) => (t.search.amenities as Record<string, string>)[code] ?? code)
    .join(', ');
  const reviews =
    card.reviews.length > 0
      ? [
          t.favorites.latestReviews,
          ...card.reviews.map(
            (review) =>
              `${starsText(review.rating)} ${review.authorName}${review.text ? `: ${review.text}` : ''}`,
          ),
        ].join('\n')
      : t.favorites.noReviews;
  return [
    `🏠 ${card.title}\n📍 ${place}`,
    [
      `💰 ${t.favorites.perNight(formatTenge(card.pricePerNight))}`,
      `👥 ${t.favorites.maxGuests(card.maxGuests)}`,
      t.favorites.rating(formatRating(locale, card.ratingAvg), card.ratingCount),
    ].join('\n'),
    card.description,
    ...(amenities ? [`${t.favorites.amenities} ${amenities}`] : []),
    reviews,
  ].join('\n\n');
}

function cardMessage(t: Messages, locale: Locale, context: FavoritesContext): OutgoingMessage {
  const card = context.card as ListingCard;
  const id = card.listingId;
  return {
    text: withNotice(notice(t, context), listingCardText(t, locale, card)),
    inline: [
      [{ text: t.favorites.buttons.cardBook, callback: { action: 'book', id } }],
      [{ text: t.favorites.buttons.cardRemove, callback: { action: 'unfav', id } }],
      [
        { text: t.favorites.buttons.backToList, callback: { action: 'page', id: context.page } },
        { text: t.favorites.buttons.close, callback: { action: 'close', id: 0 } },
      ],
    ],
  };
}

function notice(t: Messages, context: FavoritesContext): string | null {
  if (context.notice) return t.favorites[context.notice];
  return context.error ? errorText(t, context.error.code) : null;
}

function withRemoved(t: Messages, context: FavoritesContext, text: string): string {
  return context.removed ? `${t.favorites.removed(context.removed)}\n\n${text}` : text;
}

/** «⭐ Избранное»: the guest's favourites, each with its card, booking and removal. */
export const favoritesFlow: Flow = {
  id: 'favorites',
  version: 1,
  audience: 'account',
  machine: favoritesMachine.provide({
    actors: {
      loadFavorites: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const page = await pageOrLast(input.page, (page) => domain.favorites.list(em, actor, { page }));
        return {
          items: page.items,
          page: page.page,
          pageSize: page.pageSize,
          pages: page.pages,
          total: page.total,
        };
      }),
      loadCard: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const details = await domain.search.details(em, actor, { listingId: input.listingId });
        return {
          listingId: details.listingId,
          title: details.title,
          city: details.city,
          address: details.address,
          pricePerNight: details.pricePerNight,
          maxGuests: details.maxGuests,
          description: details.description,
          amenities: details.amenities,
          ratingAvg: details.ratingAvg,
          ratingCount: details.ratingCount,
          reviews: details.reviews.map(({ rating, text, authorName }) => ({ rating, text, authorName })),
        };
      }),
      removeFavorite: fromPromise(({ input }) => {
        const { em, domain, actor } = flowServices();
        return domain.favorites.remove(em, actor, { listingId: input.listingId });
      }),
    },
  }),
  render(snapshot, { t, locale }): OutgoingMessage[] {
    const context = snapshot.context as FavoritesContext;
    if (snapshot.matches('card') && context.card) return [cardMessage(t, locale, context)];
    return [listMessage(t, locale, context)];
  },
  finish(output, { t }) {
    const result = output as FavoritesOutput;
    switch (result.outcome) {
      case 'empty':
        return result.removed ? t.favorites.emptyAfterRemoval(result.removed) : t.favorites.empty;
      case 'cancelled':
        return t.common.cancelled;
      case 'failed':
        return errorText(t, result.code);
      default:
        return null;
    }
  },
};
