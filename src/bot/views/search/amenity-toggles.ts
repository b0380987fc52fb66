import { AMENITIES, type Amenity } from '../../../domain/amenities.ts';
import type { Messages } from '../../i18n/index.ts';
import type { InlineButton, OutgoingMessage } from '../../screen.ts';
import { rows, withNotice } from '../keyboards.ts';
import { amenityNames } from './summary.ts';

/**
 * The amenities step's second message, shared by search and the listing
 * wizards: what is chosen so far (under a notice, if any), every amenity as a
 * toggle (✅ on the chosen ones) two a row, and «Готово». Ticking one edits
 * only this message.
 */
export function amenityTogglesMessage(
  t: Messages,
  chosen: readonly Amenity[],
  notice: string | null,
): OutgoingMessage {
  const toggles: InlineButton[] = AMENITIES.map((code) => ({
    text: `${chosen.includes(code) ? '✅ ' : ''}${t.search.amenities[code]}`,
    callback: { action: 'amen', id: 0, arg: code },
  }));
  return {
    text: withNotice(
      notice,
      chosen.length > 0 ? t.search.amenitiesChosen(amenityNames(t, chosen)) : t.search.amenitiesNone,
    ),
    inline: [...rows(toggles, 2), [{ text: t.search.done, callback: { action: 'done', id: 0 } }]],
  };
}
