import { fromPromise } from 'xstate';
import { almatyToday } from '../../domain/dates.ts';
import { DomainError, NotFound } from '../../domain/errors.ts';
import {
  type BookContext,
  type BookInput,
  type BookOutput,
  type BookPrepared,
  bookMachine,
} from '../../machines/book.machine.ts';
import type { Flow, FlowServices } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import { formatStay } from '../parse/date-range.ts';
import { formatTenge } from '../parse/money.ts';
import type { OutgoingMessage } from '../screen.ts';
import {
  bookNotice,
  confirmScreen,
  datesScreen,
  guestsScreen,
  needAccountScreen,
  paymentScreen,
} from './bookings/book-screens.ts';
import { errorText, navigationRow, withNotice } from './keyboards.ts';

/** Whether the listing is free for the stay; dates the domain refuses (passed meanwhile) are not. */
async function isFree(
  { em, domain, actor }: FlowServices,
  stay: { listingId: number; checkIn: string; checkOut: string },
): Promise<boolean> {
  try {
    return (await domain.search.details(em, actor, stay)).available === true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'validation_failed') return false;
    throw error;
  }
}

/** The listing, today, and which of the input's dates and guests still hold. */
async function prepare(input: BookInput): Promise<BookPrepared> {
  const services = flowServices();
  const { em, domain, actor } = services;
  const details = await domain.search.details(em, actor, { listingId: input.listingId });
  // Its owner sees a hidden listing; nobody can book it.
  if (!details.visible) throw new NotFound('listing', input.listingId);
  const { checkIn, checkOut, guests } = input;
  const free =
    checkIn && checkOut ? await isFree(services, { listingId: input.listingId, checkIn, checkOut }) : false;
  return {
    account: actor !== null,
    listing: {
      title: details.title,
      city: details.city,
      pricePerNight: details.pricePerNight,
      maxGuests: details.maxGuests,
    },
    today: almatyToday(domain.deps.clock.now()),
    stay: free && checkIn && checkOut ? { checkIn, checkOut } : null,
    datesGone: Boolean(checkIn && checkOut && !free),
    guests: guests && guests >= 1 && guests <= details.maxGuests ? guests : null,
  };
}

/** «Забронировать»: dates, guests, confirm, the pending booking, the demo payment. */
export const bookFlow: Flow = {
  id: 'book',
  version: 1,
  // Anyone may start it: a person without an account is offered registration or linking.
  audience: 'anyone',
  machine: bookMachine.provide({
    actors: {
      prepare: fromPromise(({ input }) => prepare(input)),
      // Dates refused here (passed since the step was shown) are the domain's to explain.
      checkDates: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        return { available: (await domain.search.details(em, actor, input)).available === true };
      }),
      createBooking: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const booking = await domain.bookings.create(em, actor, input);
        return { id: booking.id, total: booking.total };
      }),
      pay: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const payment = await domain.payments.payDemo(em, actor, input);
        return { alreadyPaid: payment.alreadyPaid };
      }),
    },
  }),
  render(snapshot, view): OutgoingMessage[] {
    const context = snapshot.context as BookContext;
    if (snapshot.matches('needAccount')) return needAccountScreen(context, view);
    if (snapshot.matches('askDates')) return datesScreen(context, view);
    if (snapshot.matches('askGuests')) return guestsScreen(context, view);
    if (snapshot.matches('confirm')) return confirmScreen(context, view);
    if (snapshot.matches('awaitingPayment')) return paymentScreen(context, view);
    // Steps that wait for the domain are never shown; this is only a safe fallback.
    const { t } = view;
    return [{ text: withNotice(bookNotice(t, context), t.booking.useButtons), reply: [navigationRow(t)] }];
  },
  finish(output, { t }) {
    const result = output as BookOutput;
    switch (result.outcome) {
      case 'paid': {
        const { title, checkIn, checkOut, total } = result.booking;
        const stay = formatStay(checkIn, checkOut);
        return result.alreadyPaid
          ? t.booking.alreadyPaid(title, stay)
          : t.booking.paid(title, stay, formatTenge(total));
      }
      case 'payFailed':
        return t.booking.payFailed(errorText(t, result.error));
      case 'datesTaken':
        return t.booking.datesLost;
      case 'unavailable':
        return result.error === 'not_found' ? t.booking.unavailable : errorText(t, result.error);
      case 'account':
        return t.booking.accountThen;
      case 'back':
        return t.booking.left;
      default:
        return t.common.cancelled;
    }
  },
};
