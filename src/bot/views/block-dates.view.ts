import { fromPromise } from 'xstate';
import type { CalendarMonth } from '../../domain/calendar.service.ts';
import { almatyToday } from '../../domain/dates.ts';
import {
  type BlockDatesContext,
  type BlockDatesOutput,
  type BlockMonth,
  blockDatesMachine,
} from '../../machines/block-dates.machine.ts';
import type { Flow, ViewContext } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText } from './keyboards.ts';
import { datesScreen, noteScreen, summaryScreen } from './listings/block-dates-screens.ts';
import { blockSpan } from './listings/block-span.ts';
import { bookingBriefOf } from './listings/listing-data.ts';

type Screen = (context: BlockDatesContext, view: ViewContext) => OutgoingMessage[];

const SCREENS: Record<string, Screen> = { dates: datesScreen, note: noteScreen, summary: summaryScreen };

/** A month of the listing's calendar with only its occupied days. */
function blockMonthOf(month: CalendarMonth): BlockMonth {
  const days: BlockMonth['days'] = {};
  for (const day of month.days) if (day.state !== 'free') days[day.date] = day.state;
  return { month: month.month, days };
}

async function loadMonth(listingId: number, month: string): Promise<BlockMonth> {
  const { em, domain, actor } = flowServices();
  return blockMonthOf(await domain.calendar.month(em, actor, { listingId, month }));
}

/** «Добавить блок»: the block-dates machine with the domain's calendar. */
export const blockDatesFlow: Flow = {
  id: 'blockDates',
  version: 1,
  audience: 'account',
  machine: blockDatesMachine.provide({
    actors: {
      start: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        // The owner's card: another realtor's listing is not_found here, before any date is asked.
        const card = await domain.listings.get(em, actor, input);
        const today = almatyToday(domain.deps.clock.now());
        return { title: card.title, today, calendar: await loadMonth(card.id, today.slice(0, 7)) };
      }),
      loadMonth: fromPromise(({ input }) => loadMonth(input.listingId, input.month)),
      addBlock: fromPromise(({ input }) => {
        const { em, domain, actor } = flowServices();
        return domain.calendar.addBlock(em, actor, input);
      }),
      getBooking: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        return bookingBriefOf(await domain.bookings.get(em, actor, input));
      }),
    },
  }),
  render(snapshot, view): OutgoingMessage[] {
    const screen = SCREENS[String(snapshot.value)];
    if (!screen) throw new Error(`blockDates: no screen for state ${String(snapshot.value)}`);
    return screen(snapshot.context as BlockDatesContext, view);
  },
  finish(output, { t }) {
    const result = output as BlockDatesOutput;
    if (result.outcome === 'added') return t.blockDates.added(blockSpan(t, result.startsOn, result.endsOn));
    if (result.outcome === 'back') return t.blockDates.back;
    if (result.outcome === 'failed') return errorText(t, result.error);
    return t.common.cancelled;
  },
};
