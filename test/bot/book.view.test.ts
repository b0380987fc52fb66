import { beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '../../src/bot/flow.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import type { FlowStep } from '../../src/bot/run-flow.ts';
import { bookFlow } from '../../src/bot/views/book.view.ts';
import { Booking, type Listing, Notification, Payment, User } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { BookContext, BookInput } from '../../src/machines/book.machine.ts';
import { FIRST_DAY, setToday } from '../support/bookings.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { domainConversation } from '../support/domain-conversation.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';
import { view } from '../support/flows.ts';
import { makeBooking } from '../support/listings.fixtures.ts';

const ru = messagesFor('ru');
const RESULTS = { flow: 'search', input: { resume: { filters: {}, page: 1 } } };

describe('book: the real domain behind the flow', () => {
  const database = useTestDatabase();
  let listing: Listing;
  let realtor: Actor;
  let guest: Actor;
  let rival: Actor;

  beforeAll(async () => {
    const em = database.fork();
    const owner = await makeUser(em, 'realtor');
    realtor = owner.actor;
    listing = await makeListing(em, owner.user, {
      title: 'Студия у Медеу',
      pricePerNight: 15_000,
      maxGuests: 4,
    });
    guest = (await makeUser(em, 'guest')).actor;
    rival = (await makeUser(em, 'guest')).actor;
  });

  /** One conversation as the pipeline runs it: each update in its own transaction. */
  const conversation = (flow: Flow, actor: Actor | null) =>
    domainConversation<BookInput>(database, flow, actor);

  const screen = (result: FlowStep) =>
    bookFlow
      .render(result.snapshot, view('ru'))
      .map((message) => message.text)
      .join('\n\n');

  it('books and pays: a pending booking of nights × price, then a payment that confirms it', async () => {
    const chat = conversation(bookFlow, guest);
    let step = await chat.start({ listingId: listing.id });
    expect(step.snapshot.value).toBe('askDates');
    // Today is the test clock's day: selectable in the calendar.
    expect((step.snapshot.context as BookContext).today).toBe('2026-12-01');
    step = await chat.send({ type: 'TEXT', text: '05.12–08.12' });
    expect(step.snapshot.value).toBe('askGuests');
    step = await chat.send({ type: 'TEXT', text: '2' });
    expect(screen(step)).toContain('15 000 ₸ × 3 ночи = 45 000 ₸');
    step = await chat.send({ type: 'CONFIRM' });
    expect(step.snapshot.value).toBe('awaitingPayment');
    const bookingId = (step.snapshot.context as BookContext).booking!.id;
    const em = database.fork();
    const booking = await em.findOneOrFail(Booking, bookingId);
    expect([booking.status, booking.total, booking.guests]).toEqual(['pending', 45_000, 2]);
    expect(screen(step)).toContain(`Бронь №${bookingId} создана и ждёт оплаты`);

    step = await chat.send({ type: 'cb.pay', id: bookingId });
    expect(step.output).toMatchObject({ outcome: 'paid', alreadyPaid: false });
    expect(bookFlow.finish(step.output, view('ru'))).toContain('Оплачено, бронь подтверждена');
    const paid = await database.fork().findOneOrFail(Booking, bookingId);
    expect(paid.status).toBe('confirmed');
    expect(await database.fork().count(Payment, { booking: bookingId })).toBe(1);
    // The realtor hears of the new booking and of its payment.
    const kinds = (
      await database.fork().find(Notification, { user: realtor.id }, { orderBy: { id: 'asc' } })
    ).map((notification) => notification.kind);
    expect(kinds).toEqual(['booking_created', 'booking_confirmed']);
  });

  it('the second of two guests confirming the same dates is told they were taken and returns to the results', async () => {
    const first = conversation(bookFlow, guest);
    const second = conversation(bookFlow, rival);
    const input = {
      listingId: listing.id,
      checkIn: '2026-12-20',
      checkOut: '2026-12-22',
      guests: 1,
      returnTo: RESULTS,
    };
    expect((await first.start(input)).snapshot.value).toBe('confirm');
    expect((await second.start(input)).snapshot.value).toBe('confirm');
    expect((await first.send({ type: 'CONFIRM' })).snapshot.value).toBe('awaitingPayment');
    const lost = await second.send({ type: 'CONFIRM' });
    expect(lost.output).toEqual({ outcome: 'datesTaken', handoff: RESULTS });
    expect(bookFlow.finish(lost.output, view('ru'))).toBe(ru.booking.datesLost);
    expect(await database.fork().count(Booking, { guest: rival.id })).toBe(0);
  });

  it('dates from the search that were taken meanwhile, or have passed, are asked for again', async () => {
    const em = database.fork();
    await makeBooking(em, {
      listing,
      guest: { id: rival.id },
      checkIn: '2026-12-10',
      checkOut: '2026-12-12',
    });
    const taken = await conversation(bookFlow, guest).start({
      listingId: listing.id,
      checkIn: '2026-12-11',
      checkOut: '2026-12-13',
      guests: 2,
    });
    expect(taken.snapshot.value).toBe('askDates');
    expect(screen(taken)).toContain(ru.booking.datesGone);
    const passed = await conversation(bookFlow, guest).start({
      listingId: listing.id,
      checkIn: '2026-11-28',
      checkOut: '2026-11-30',
    });
    expect(screen(passed)).toContain(ru.booking.datesGone);
  });

  it('picking taken dates on the calendar says so and keeps the calendar', async () => {
    const em = database.fork();
    await makeBooking(em, {
      listing,
      guest: { id: rival.id },
      checkIn: '2027-01-10',
      checkOut: '2027-01-12',
    });
    const chat = conversation(bookFlow, guest);
    await chat.start({ listingId: listing.id });
    const step = await chat.send({ type: 'TEXT', text: '09.01.2027-11.01.2027' });
    expect(step.snapshot.value).toBe('askDates');
    expect(screen(step)).toContain(ru.booking.datesTaken);
  });

  it('dates that passed while the calendar was open are refused by the domain, and asked for again', async () => {
    const chat = conversation(bookFlow, guest);
    await chat.start({ listingId: listing.id });
    setToday(database.db.clock, '2026-12-06');
    try {
      const step = await chat.send({ type: 'TEXT', text: '05.12.2026-08.12.2026' });
      expect(step.snapshot.value).toBe('askDates');
      expect(screen(step)).toContain(ru.errors.validation_failed);
    } finally {
      setToday(database.db.clock, FIRST_DAY);
    }
  });

  it('more guests than the listing takes are asked for again', async () => {
    const step = await conversation(bookFlow, guest).start({
      listingId: listing.id,
      checkIn: '2027-02-01',
      checkOut: '2027-02-03',
      guests: 9,
    });
    expect(step.snapshot.value).toBe('askGuests');
  });

  it('a person without an account is offered registration or linking, with the listing named', async () => {
    const step = await conversation(bookFlow, null).start({ listingId: listing.id });
    expect(step.snapshot.value).toBe('needAccount');
    expect(screen(step)).toContain('«Студия у Медеу»');
  });

  it('a hidden listing cannot be booked, not even by its realtor; a realtor cannot book their own', async () => {
    const em = database.fork();
    const hidden = await makeListing(em, await em.findOneOrFail(User, realtor.id), { published: false });
    const gone = await conversation(bookFlow, guest).start({ listingId: hidden.id, returnTo: RESULTS });
    expect(gone.output).toEqual({ outcome: 'unavailable', error: 'not_found', handoff: RESULTS });
    const own = await conversation(bookFlow, realtor).start({
      listingId: hidden.id,
    });
    expect(own.output).toMatchObject({ outcome: 'unavailable', error: 'not_found' });

    const chat = conversation(bookFlow, realtor);
    await chat.start({ listingId: listing.id, checkIn: '2027-03-01', checkOut: '2027-03-02', guests: 1 });
    const refused = await chat.send({ type: 'CONFIRM' });
    expect(refused.output).toMatchObject({ outcome: 'unavailable', error: 'forbidden' });
    expect(bookFlow.finish(refused.output, view('ru'))).toBe(ru.errors.forbidden);
  });
});
