import type { AddListingContext } from '../../../machines/add-listing.machine.ts';
import type { ViewContext } from '../../flow.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatTenge } from '../../parse/money.ts';
import type { OutgoingMessage, ReplyButton } from '../../screen.ts';
import { errorText, GUEST_COUNTS, navigationRow, textButtons, withNotice } from '../keyboards.ts';
import { amenityTogglesMessage } from '../search/amenity-toggles.ts';
import { listingNoticeText } from './listing-notice.ts';

/** The warning above a step: why the last answer was not taken, or a refusal. */
export function noticeOf(t: Messages, context: AddListingContext): string | null {
  if (context.notice === null) return context.error ? errorText(t, context.error.code) : null;
  return listingNoticeText(t, context.notice, context.typed);
}

/** Back (to the previous step, or to the preview when editing) and Cancel. */
const navigation = (t: Messages, back = true): ReplyButton[] => navigationRow(t, { back });

function step(t: Messages, context: AddListingContext, prompt: string, reply: ReplyButton[][]) {
  return [{ text: withNotice(noticeOf(t, context), prompt), reply }];
}

export function titleScreen(context: AddListingContext, { t }: ViewContext): OutgoingMessage[] {
  const { draft, editing } = context;
  const prompt = editing && draft.title ? t.addListing.editTitle(draft.title) : t.addListing.askTitle;
  // The first step has nowhere to go back to, unless it was opened from the preview.
  return step(t, context, prompt, [navigation(t, editing)]);
}

export function cityScreen(context: AddListingContext, { t }: ViewContext): OutgoingMessage[] {
  const { draft, editing } = context;
  const prompt = editing && draft.city ? t.addListing.editCity(draft.city) : t.addListing.askCity;
  return step(t, context, prompt, [...textButtons(context.cities, 3), navigation(t)]);
}

export function priceScreen(context: AddListingContext, { t }: ViewContext): OutgoingMessage[] {
  const { draft, editing } = context;
  const prompt =
    editing && draft.pricePerNight
      ? t.addListing.editPrice(formatTenge(draft.pricePerNight))
      : t.addListing.askPrice;
  return step(t, context, prompt, [navigation(t)]);
}

export function guestsScreen(context: AddListingContext, { t }: ViewContext): OutgoingMessage[] {
  const { draft, editing } = context;
  const prompt =
    editing && draft.maxGuests ? t.addListing.editGuests(draft.maxGuests) : t.addListing.askGuests;
  return step(t, context, prompt, [...textButtons(GUEST_COUNTS, 3), navigation(t)]);
}

export function descriptionScreen(context: AddListingContext, { t }: ViewContext): OutgoingMessage[] {
  const { draft, editing } = context;
  const prompt =
    editing && draft.description
      ? t.addListing.editDescription(draft.description)
      : t.addListing.askDescription;
  return step(t, context, prompt, [navigation(t)]);
}

/** Two messages, as in search: ticking an amenity edits only the toggles' message. */
export function amenitiesScreen(context: AddListingContext, { t }: ViewContext): OutgoingMessage[] {
  return [
    {
      text: context.editing ? t.addListing.editAmenities : t.addListing.askAmenities,
      reply: [navigation(t)],
    },
    amenityTogglesMessage(t, context.draftAmenities, noticeOf(t, context)),
  ];
}

export function photoScreen(context: AddListingContext, { t }: ViewContext): OutgoingMessage[] {
  const { editing, draft } = context;
  const remove: ReplyButton = { text: t.addListing.removePhoto, event: { type: 'SKIP' } };
  if (draft.photoFileId) {
    // A new photo replaces the one there is; on the way (Back from the preview) it can also be kept.
    const keep: ReplyButton[][] = editing
      ? []
      : [[{ text: t.addListing.keepPhoto, event: { type: 'CONFIRM' } }]];
    const prompt = editing ? t.addListing.editPhotoOrRemove : t.addListing.havePhoto;
    return step(t, context, prompt, [...keep, [remove], navigation(t)]);
  }
  if (editing) return step(t, context, t.addListing.editPhoto, [navigation(t)]);
  const skip: ReplyButton = { text: t.buttons.skip, event: { type: 'SKIP' } };
  return step(t, context, t.addListing.askPhoto, [[skip], navigation(t)]);
}
