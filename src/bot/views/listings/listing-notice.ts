import { MAX_PRICE_PER_NIGHT } from '../../../domain/listings/fields.ts';
import type { ListingNotice } from '../../../machines/listing-answers.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatTenge } from '../../parse/money.ts';

/**
 * Why a typed listing field was not taken, in the add-listing wizard's words:
 * adding a listing and editing one field of it check the same rules.
 * `typed` is the length of what was typed (for the too short / too long texts).
 */
export function listingNoticeText(t: Messages, notice: ListingNotice, typed: number | null): string {
  const a = t.addListing;
  const length = typed ?? 0;
  switch (notice) {
    case 'titleLong':
      return a.titleLong(length);
    case 'priceTooHigh':
      return a.priceTooHigh(formatTenge(MAX_PRICE_PER_NIGHT));
    case 'descriptionShort':
      return a.descriptionShort(length);
    case 'descriptionLong':
      return a.descriptionLong(length);
    default:
      return a[notice];
  }
}
