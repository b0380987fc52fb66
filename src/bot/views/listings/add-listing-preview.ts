import {
  type AddListingContext,
  LISTING_FIELDS,
  type ListingDraft,
} from '../../../machines/add-listing.machine.ts';
import type { ViewContext } from '../../flow.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatTenge } from '../../parse/money.ts';
import type { OutgoingMessage, ReplyButton } from '../../screen.ts';
import { navigationRow, rows, withNotice } from '../keyboards.ts';
import { amenityNames } from '../search/summary.ts';
import { noticeOf } from './add-listing-steps.ts';

/** The listing as guests will see its card: facts, one a line, then the description. */
export function draftCardText(t: Messages, draft: ListingDraft): string {
  const s = t.search;
  const facts = [
    `🏠 ${draft.title ?? ''}`,
    `📍 ${draft.city ?? ''}`,
    `💰 ${s.perNight(formatTenge(draft.pricePerNight ?? 0))}`,
    s.maxGuests(draft.maxGuests ?? 1),
    draft.amenities.length > 0 ? s.amenitiesLine(amenityNames(t, draft.amenities)) : s.noAmenities,
    draft.photoFileId ? t.addListing.withPhoto : t.addListing.noPhoto,
  ];
  return `${facts.join('\n')}\n\n${draft.description ?? ''}`;
}

/**
 * The preview: the card (with the photo when there is one, the card as its
 * caption) and Save / Edit a field / Back / Cancel.
 */
export function previewScreen(context: AddListingContext, { t }: ViewContext): OutgoingMessage[] {
  const text = [
    t.addListing.previewTitle,
    draftCardText(t, context.draft),
    t.addListing.previewQuestion,
  ].join('\n\n');
  const reply: ReplyButton[][] = [
    [{ text: t.addListing.save, event: { type: 'CONFIRM' } }],
    [{ text: t.addListing.editField, event: { type: 'EDIT' } }],
    navigationRow(t, { back: true }),
  ];
  const message: OutgoingMessage = { text: withNotice(noticeOf(t, context), text), reply };
  return [context.draft.photoFileId ? { ...message, photo: { fileId: context.draft.photoFileId } } : message];
}

/** «Изменить поле»: one button per field; its step opens and comes back to the preview. */
export function chooseFieldScreen(_context: AddListingContext, { t }: ViewContext): OutgoingMessage[] {
  const fields = LISTING_FIELDS.map((field) => ({
    text: t.addListing.fields[field],
    event: { type: 'cb.field' as const, id: 0, arg: field },
  }));
  return [{ text: t.addListing.chooseField, reply: [...rows(fields, 2), navigationRow(t, { back: true })] }];
}
