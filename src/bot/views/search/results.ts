import {
  FILTER_NAMES,
  type ListingCard,
  type ResultItem,
  type SearchContext,
} from '../../../machines/search.machine.ts';
import type { ViewContext } from '../../flow.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatDate } from '../../parse/date-range.ts';
import { formatTenge } from '../../parse/money.ts';
import type { InlineButton, OutgoingMessage, ReplyButton } from '../../screen.ts';
import { errorText, navigationRow, rows } from '../keyboards.ts';
import { RESULTS_PAGE_SIZE } from './data.ts';
import { amenityNames, filterSummary, formatRating } from './summary.ts';

/** A line above a list or a card: what the last press did, or why it did not. */
function statusLine(t: Messages, context: SearchContext): string | null {
  if (context.error) return `⚠️ ${errorText(t, context.error.code)}`;
  if (context.flash) return t.search[context.flash];
  return null;
}

const above = (line: string | null, text: string) => (line ? `${line}\n\n${text}` : text);

function ratingLine(view: ViewContext, average: number, count: number): string {
  return count > 0 ? view.t.search.rating(formatRating(average, view.locale), count) : view.t.search.noRating;
}

function priceLine(t: Messages, price: number, nights: number | null, total: number | null): string {
  const perNight = t.search.perNight(formatTenge(price));
  return nights !== null && total !== null
    ? `💰 ${perNight} · ${t.search.forStay(formatTenge(total), nights)}`
    : `💰 ${perNight}`;
}

function itemText(view: ViewContext, item: ResultItem, index: number): string {
  return [
    `${index}. ${item.title}${item.photo ? ' 📷' : ''}`,
    `📍 ${item.city}`,
    priceLine(view.t, item.pricePerNight, item.nights, item.total),
    ratingLine(view, item.ratingAvg, item.ratingCount),
  ].join('\n');
}

/**
 * The message above the results and the card: the filters, with the way to
 * change them. Being the same for both, a press in the list or the card only
 * changes the message below it.
 */
function head(context: SearchContext, { t }: ViewContext): OutgoingMessage {
  return {
    text: filterSummary(t, context.filters),
    reply: [[{ text: t.search.changeFilters, event: { type: 'EDIT' } }], navigationRow(t)],
  };
}

export function resultsScreen(context: SearchContext, view: ViewContext): OutgoingMessage[] {
  const { t } = view;
  const results = context.results ?? { items: [], page: 1, pages: 1, total: 0 };
  const first = (results.page - 1) * RESULTS_PAGE_SIZE + 1;
  const list = results.items.map((item, i) => itemText(view, item, first + i)).join('\n\n');
  const buttons: InlineButton[][] = results.items.map((item, i) => [
    { text: t.search.more(first + i), callback: { action: 'more', id: item.listingId } },
    { text: t.search.book(first + i), callback: { action: 'book', id: item.listingId } },
    { text: t.search.favorite(first + i), callback: { action: 'fav', id: item.listingId } },
  ]);
  if (results.pages > 1) {
    const paging: InlineButton[] = [];
    if (results.page > 1) paging.push({ text: '◀', callback: { action: 'page', id: results.page - 1 } });
    paging.push({ text: `${results.page} / ${results.pages}`, callback: { action: 'noop', id: 0 } });
    if (results.page < results.pages)
      paging.push({ text: '▶', callback: { action: 'page', id: results.page + 1 } });
    buttons.push(paging);
  }
  const text = `${t.search.found(results.total, results.page, results.pages)}\n\n${list}`;
  return [head(context, view), { text: above(statusLine(t, context), text), inline: buttons }];
}

function cardText(view: ViewContext, card: ListingCard): string {
  const { t } = view;
  const s = t.search;
  const reviews =
    card.reviews.length > 0
      ? [
          s.latestReviews,
          ...card.reviews.map(
            (review) =>
              `${'★'.repeat(review.rating)}${'☆'.repeat(5 - review.rating)} ${review.authorName}, ${formatDate(review.date)}${review.text ? `: ${review.text}` : ''}`,
          ),
        ].join('\n')
      : s.noReviews;
  const facts = [
    `🏠 ${card.title}`,
    `📍 ${card.address ? `${card.city}, ${card.address}` : card.city}`,
    priceLine(t, card.pricePerNight, card.nights, card.total),
    ...(card.available === false ? [s.unavailable] : []),
    s.maxGuests(card.maxGuests),
    ratingLine(view, card.ratingAvg, card.ratingCount),
    card.amenities.length > 0 ? s.amenitiesLine(amenityNames(t, card.amenities)) : s.noAmenities,
  ];
  return [facts.join('\n'), card.description, reviews].join('\n\n');
}

export function detailsScreen(context: SearchContext, view: ViewContext): OutgoingMessage[] {
  const { t } = view;
  const card = context.details;
  if (!card) return resultsScreen(context, view);
  return [
    head(context, view),
    {
      text: above(statusLine(t, context), cardText(view, card)),
      // With a photo, the card is its caption (the sender sends a longer text after the photo).
      ...(card.photoFileId ? { photo: { fileId: card.photoFileId } } : {}),
      inline: [
        [
          { text: t.search.bookButton, callback: { action: 'book', id: card.listingId } },
          { text: t.search.favoriteButton, callback: { action: 'fav', id: card.listingId } },
        ],
        [{ text: t.search.backToResults, callback: { action: 'page', id: context.page } }],
      ],
    },
  ];
}

function filterButtons(t: Messages): ReplyButton[][] {
  const buttons = FILTER_NAMES.map((name) => ({
    text: t.search.filters[name],
    event: { type: 'cb.filter' as const, id: 0, arg: name },
  }));
  return rows(buttons, 2);
}

export function chooseFilterScreen(context: SearchContext, { t }: ViewContext): OutgoingMessage[] {
  return [
    {
      text: `${t.search.chooseFilter}\n\n${filterSummary(t, context.filters)}`,
      reply: [...filterButtons(t), navigationRow(t, { back: true })],
    },
  ];
}

export function noResultsScreen(context: SearchContext, { t }: ViewContext): OutgoingMessage[] {
  const problem = context.error ? `⚠️ ${errorText(t, context.error.code)}\n\n` : '';
  return [
    {
      text: `${problem}${t.search.noResults}\n\n${filterSummary(t, context.filters)}`,
      reply: [...filterButtons(t), navigationRow(t)],
    },
  ];
}

export function accountRequiredScreen(_context: SearchContext, { t }: ViewContext): OutgoingMessage[] {
  return [
    {
      text: t.search.accountRequired,
      reply: [
        [
          { text: t.menu.register, event: { type: 'cb.acct', id: 0, arg: 'register' } },
          { text: t.menu.link, event: { type: 'cb.acct', id: 0, arg: 'link' } },
        ],
        navigationRow(t, { back: true }),
      ],
    },
  ];
}
