import { PRICE_PRESETS, type SearchContext } from '../../../machines/search.machine.ts';
import type { ViewContext } from '../../flow.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatDate } from '../../parse/date-range.ts';
import type { OutgoingMessage, ReplyButton } from '../../screen.ts';
import { calendarKeyboard } from '../calendar-keyboard.ts';
import { errorText, GUEST_COUNTS, navigationRow, rows, textButtons, withNotice } from '../keyboards.ts';
import { amenityTogglesMessage } from './amenity-toggles.ts';
import { priceRange } from './summary.ts';

/** The warning above a step: a typed answer that did not fit, or a refusal. */
export function noticeOf(t: Messages, context: SearchContext): string | null {
  if (context.notice === 'unknownCity') return t.search.unknownCity(context.cities.join(', '));
  if (context.notice) return t.search[context.notice];
  return context.error ? errorText(t, context.error.code) : null;
}

const skip = (t: Messages): ReplyButton[] => [{ text: t.buttons.skip, event: { type: 'SKIP' } }];

export function cityScreen(context: SearchContext, { t }: ViewContext): OutgoingMessage[] {
  return [
    {
      text: withNotice(noticeOf(t, context), context.editing ? t.search.editCity : t.search.askCity),
      reply: [...textButtons(context.cities, 3), skip(t), navigationRow(t, { back: context.editing })],
    },
  ];
}

/**
 * Two messages: the step with its reply keyboard, then the calendar. What changes
 * while picking (the month, the check-in, a warning) is in the calendar's message,
 * so a press there can be answered by editing just that message.
 */
export function datesScreen(context: SearchContext, { t, locale }: ViewContext): OutgoingMessage[] {
  const pending = context.pendingCheckIn;
  const prompt = pending ? t.search.pickCheckOut(formatDate(pending)) : t.search.pickCheckIn;
  return [
    {
      text: context.editing ? t.search.editDates : t.search.askDates,
      reply: [skip(t), navigationRow(t, { back: true })],
    },
    {
      text: withNotice(noticeOf(t, context), prompt),
      inline: calendarKeyboard({
        month: context.month,
        locale,
        firstSelectable: context.today,
        from: pending ?? context.filters.checkIn,
        to: pending ? null : context.filters.checkOut,
      }),
    },
  ];
}

export function guestsScreen(context: SearchContext, { t }: ViewContext): OutgoingMessage[] {
  return [
    {
      text: withNotice(noticeOf(t, context), context.editing ? t.search.editGuests : t.search.askGuests),
      reply: [...textButtons(GUEST_COUNTS, 3), skip(t), navigationRow(t, { back: true })],
    },
  ];
}

export function priceScreen(context: SearchContext, { t }: ViewContext): OutgoingMessage[] {
  const presets = PRICE_PRESETS.map((preset) => ({
    text: priceRange(t, preset.min, preset.max) ?? t.search.anyPrice,
    event: { type: 'cb.price' as const, id: preset.id },
  }));
  return [
    {
      text: withNotice(noticeOf(t, context), context.editing ? t.search.editPrice : t.search.askPrice),
      reply: [
        ...rows(presets, 2),
        [{ text: t.search.anyPrice, event: { type: 'cb.price', id: 0 } }],
        navigationRow(t, { back: true }),
      ],
    },
  ];
}

/** Two messages, as with the dates: ticking an amenity edits only the toggles' message. */
export function amenitiesScreen(context: SearchContext, { t }: ViewContext): OutgoingMessage[] {
  return [
    {
      text: context.editing ? t.search.editAmenities : t.search.askAmenities,
      reply: [skip(t), navigationRow(t, { back: true })],
    },
    amenityTogglesMessage(t, context.draftAmenities, noticeOf(t, context)),
  ];
}
