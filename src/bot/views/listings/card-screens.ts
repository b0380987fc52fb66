import { DEFAULT_CITIES } from '../../../domain/cities.ts';
import {
  EDITABLE_FIELDS,
  type MyListingsContext,
  type OwnListingCard,
} from '../../../machines/my-listings.machine.ts';
import type { ViewContext } from '../../flow.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatTenge } from '../../parse/money.ts';
import type { InlineButton, OutgoingMessage, ReplyButton } from '../../screen.ts';
import { GUEST_COUNTS, navigationRow, rows, textButtons, withNotice } from '../keyboards.ts';
import { amenityTogglesMessage } from '../search/amenity-toggles.ts';
import { amenityNames, formatRating } from '../search/summary.ts';
import { noticeLine, refusalText, withLine } from './list-screens.ts';
import { listingNoticeText } from './listing-notice.ts';

/** Every field of the card, the rating and what is booked ahead. */
export function cardText({ t, locale }: ViewContext, card: OwnListingCard): string {
  const m = t.myListings;
  const facts = [
    `🏠 ${card.title}`,
    card.published ? m.published : m.hidden,
    `📍 ${card.address ? `${card.city}, ${card.address}` : card.city}`,
    `💰 ${m.perNight(formatTenge(card.pricePerNight))}`,
    m.maxGuests(card.maxGuests),
    card.ratingCount > 0
      ? t.search.rating(formatRating(card.ratingAvg, locale), card.ratingCount)
      : t.search.noRating,
    card.amenities.length > 0
      ? t.search.amenitiesLine(amenityNames(t, card.amenities))
      : t.search.noAmenities,
    m.upcomingLine(card.upcomingBookings),
  ];
  return `${facts.join('\n')}\n\n${card.description}`;
}

/**
 * The card with its actions; with a photo, the card is the photo's caption
 * (such a message cannot be edited in place, so the next screen comes anew).
 */
export function cardMessage(view: ViewContext, context: MyListingsContext): OutgoingMessage {
  const { t } = view;
  const card = context.card!;
  const b = t.myListings.buttons;
  const id = card.id;
  const message: OutgoingMessage = {
    text: withLine(noticeLine(t, context), cardText(view, card)),
    inline: [
      [
        card.published
          ? { text: b.unpublish, callback: { action: 'unpublish', id } }
          : { text: b.publish, callback: { action: 'publish', id } },
        { text: b.edit, callback: { action: 'ledit', id } },
      ],
      [
        { text: b.calendar, callback: { action: 'calendar', id } },
        { text: b.addBlock, callback: { action: 'addblock', id } },
      ],
      [{ text: b.toList, callback: { action: 'page', id: context.page } }],
    ],
  };
  return card.photoFileId ? { ...message, photo: { fileId: card.photoFileId } } : message;
}

/** «Снять» with guests booked ahead: «Да, снять» / «Нет». */
export function confirmUnpublishMessage(t: Messages, context: MyListingsContext): OutgoingMessage {
  const card = context.card!;
  return {
    text: t.myListings.confirmUnpublish(card.title, card.upcomingBookings),
    inline: [
      [
        { text: t.myListings.buttons.yesUnpublish, callback: { action: 'unpubok', id: card.id } },
        { text: t.myListings.buttons.no, callback: { action: 'listing', id: card.id } },
      ],
    ],
  };
}

/** «Редактировать»: one button per field, and back to the card. */
export function chooseFieldMessage(t: Messages, context: MyListingsContext): OutgoingMessage {
  const card = context.card!;
  const fields: InlineButton[] = EDITABLE_FIELDS.map((field) => ({
    text: t.addListing.fields[field],
    callback: { action: 'field', id: card.id, arg: field },
  }));
  return {
    text: withLine(noticeLine(t, context), t.myListings.chooseField(card.title)),
    inline: [
      ...rows(fields, 2),
      [{ text: t.myListings.buttons.back, callback: { action: 'listing', id: card.id } }],
    ],
  };
}

/**
 * The warning above a field's prompt: why the typed value was not taken (in
 * the add-listing wizard's words, as its rules are the same), or a refusal.
 */
function answerNotice(t: Messages, context: MyListingsContext): string | null {
  switch (context.notice) {
    case 'titleShort':
    case 'titleLong':
    case 'cityBad':
    case 'cityLong':
    case 'badPrice':
    case 'priceTooHigh':
    case 'badGuests':
    case 'descriptionShort':
    case 'descriptionLong':
      return listingNoticeText(t, context.notice, context.typed);
    default:
      return context.error ? refusalText(t, context.error) : null;
  }
}

/** The prompt of one typed field with its current value, as the wizard edits it from its preview. */
export function editTextScreen(t: Messages, context: MyListingsContext): OutgoingMessage[] {
  const card = context.card!;
  const a = t.addListing;
  const field = context.field === 'amenities' || !context.field ? 'title' : context.field;
  const steps: Record<typeof field, { prompt: string; buttons: ReplyButton[][] }> = {
    title: { prompt: a.editTitle(card.title), buttons: [] },
    city: { prompt: a.editCity(card.city), buttons: textButtons(DEFAULT_CITIES, 3) },
    price: { prompt: a.editPrice(formatTenge(card.pricePerNight)), buttons: [] },
    guests: { prompt: a.editGuests(card.maxGuests), buttons: textButtons(GUEST_COUNTS, 3) },
    description: { prompt: a.editDescription(card.description), buttons: [] },
  };
  const { prompt, buttons } = steps[field];
  return [
    {
      text: withNotice(answerNotice(t, context), prompt),
      reply: [...buttons, navigationRow(t, { back: true })],
    },
  ];
}

/** Two messages, as in search: ticking an amenity edits only the toggles' message. */
export function editAmenitiesScreen(t: Messages, context: MyListingsContext): OutgoingMessage[] {
  return [
    { text: t.addListing.editAmenities, reply: [navigationRow(t, { back: true })] },
    amenityTogglesMessage(t, context.draftAmenities, answerNotice(t, context)),
  ];
}
