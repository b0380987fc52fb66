import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import type { FlowStep } from '../../src/bot/run-flow.ts';
import { myBookingsFlow } from '../../src/bot/views/my-bookings.view.ts';
import { Booking, type Listing, Notification, Occupancy, Payment } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { MyBookingsContext, MyBookingsInput } from '../../src/machines/my-bookings.machine.ts';
import { useTestDatabase } from '../support/database.ts';
import { domainConversation } from '../support/domain-conversation.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';
import { view } from '../support/flows.ts';
import { makeReview, namedBookings } from '../support/listings.fixtures.ts';

const ru = messagesFor('ru');

describe('myBookings: the real domain behind the list', () => {
  const database = useTestDatabase();
  let realtor: Actor;
  let guest: Actor;
  let listing: Listing;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const em = database.fork();
    const owner = await makeUser(em, 'realtor');
    realtor = owner.actor;
    listing = await makeListing(em, owner.user, { title: 'Студия у Медеу', pricePerNight: 10_000 });
    const other = await makeListing(em, owner.user, { title: 'Апартаменты у EXPO' });
    const made = await makeUser(em, 'guest');
    guest = made.actor;
    const book = namedBookings(em, made.user, ids);
    // Today (the test clock) is 2026-12-01.
    await book('pending', listing, '2026-12-05', '2026-12-07', 'pending');
    await book('confirmed', other, '2026-12-10', '2026-12-12', 'confirmed');
    await book('today', other, '2026-12-01', '2026-12-03', 'pending');
    for (let i = 0; i < 4; i++)
      await book(`later${i}`, listing, `2027-01-1${i}`, `2027-01-1${i + 1}`, 'confirmed');
    await book('stayed', listing, '2026-11-01', '2026-11-03', 'completed');
    await book('reviewed', other, '2026-11-05', '2026-11-06', 'completed');
    await book('cancelled', other, '2026-11-20', '2026-11-22', 'cancelled');
    await makeReview(em, await em.findOneOrFail(Booking, ids.reviewed!, { populate: ['listing', 'guest'] }), {
      rating: 5,
    });
  });

  const conversation = (actor: Actor) => domainConversation<MyBookingsInput>(database, myBookingsFlow, actor);

  const list = (step: FlowStep) => myBookingsFlow.render(step.snapshot, view('ru')).at(-1)!;
  const labels = (step: FlowStep) => (list(step).inline ?? []).flat().map((button) => button.text);
  const items = (step: FlowStep) => (step.snapshot.context as MyBookingsContext).list!.items;

  it('lists upcoming bookings soonest first, 5 a page, with the actions the day allows', async () => {
    const chat = conversation(guest);
    const first = await chat.start();
    expect(items(first).map((item) => item.id)).toEqual([
      ids.today,
      ids.pending,
      ids.confirmed,
      ids.later0,
      ids.later1,
    ]);
    // Check-in today: still payable, no longer cancellable.
    expect(labels(first)).toEqual([
      '1 · 💳 Оплатить (демо)',
      '2 · 💳 Оплатить (демо)',
      '2 · ❌ Отменить',
      '3 · ❌ Отменить',
      '4 · ❌ Отменить',
      '5 · ❌ Отменить',
      '• 🗓 Предстоящие •',
      '🕘 Прошедшие',
      '▶️',
      '✖️ Закрыть',
    ]);
    expect(list(first).text).toContain('🗓 Предстоящие: 7 броней · стр. 1 из 2');
    const second = await chat.send({ type: 'cb.page', id: 2 });
    expect(items(second).map((item) => item.id)).toEqual([ids.later2, ids.later3]);
    expect(list(second).text).toContain('6. «Студия у Медеу»');
  });

  it('past bookings: a review only for the completed stay not yet reviewed', async () => {
    const chat = conversation(guest);
    await chat.start();
    const past = await chat.send({ type: 'cb.tab', id: 0, arg: 'past' });
    expect(items(past).map((item) => [item.id, item.status, item.reviewable])).toEqual([
      [ids.cancelled, 'cancelled', false],
      [ids.reviewed, 'completed', false],
      [ids.stayed, 'completed', true],
    ]);
    expect(labels(past)[0]).toBe('3 · ⭐ Оставить отзыв');
    const review = await chat.send({ type: 'cb.review', id: ids.stayed! });
    expect(review.output).toEqual({
      outcome: 'review',
      handoff: { flow: 'review', input: { bookingId: ids.stayed } },
    });
  });

  it('pays once: the second press is told it is already paid', async () => {
    const chat = conversation(guest);
    await chat.start();
    const paid = await chat.send({ type: 'cb.pay', id: ids.pending! });
    expect(list(paid).text.startsWith(ru.myBookings.paid)).toBe(true);
    expect(items(paid).find((item) => item.id === ids.pending)?.status).toBe('confirmed');
    const again = await chat.send({ type: 'cb.pay', id: ids.pending! });
    expect(list(again).text.startsWith(ru.myBookings.alreadyPaid)).toBe(true);
    expect(await database.fork().count(Payment, { booking: ids.pending })).toBe(1);
  });

  it('cancels after «Да, отменить»: the dates are free and the realtor is told', async () => {
    const chat = conversation(guest);
    await chat.start();
    const asked = await chat.send({ type: 'cb.bcancel', id: ids.confirmed! });
    expect(list(asked).text).toContain('Отменить бронь «Апартаменты у EXPO» (10.12.2026 – 12.12.2026');
    const done = await chat.send({ type: 'cb.bcancelok', id: ids.confirmed! });
    expect(list(done).text.startsWith(ru.myBookings.cancelled)).toBe(true);
    expect(items(done).some((item) => item.id === ids.confirmed)).toBe(false);
    const em = database.fork();
    expect((await em.findOneOrFail(Booking, ids.confirmed!)).status).toBe('cancelled');
    expect(await em.count(Occupancy, { booking: ids.confirmed })).toBe(0);
    expect(await em.count(Notification, { user: realtor.id, kind: 'booking_cancelled' })).toBe(1);
  });

  it('a booking cancelled elsewhere meanwhile: the stale «Да, отменить» says so and refreshes', async () => {
    const chat = conversation(guest);
    await chat.start();
    await chat.send({ type: 'cb.bcancel', id: ids.later0! });
    await database.db.domain.bookings.cancel(database.fork(), realtor, { bookingId: ids.later0! });
    const stale = await chat.send({ type: 'cb.bcancelok', id: ids.later0! });
    expect(list(stale).text.startsWith(`⚠️ ${ru.myBookings.stale}`)).toBe(true);
    expect(items(stale).some((item) => item.id === ids.later0)).toBe(false);
  });

  it('someone else’s booking cannot be paid or cancelled through forged buttons', async () => {
    const stranger = (await makeUser(database.fork(), 'guest')).actor;
    const chat = conversation(stranger);
    await chat.start();
    const refused = await chat.send({ type: 'cb.pay', id: ids.today! });
    expect(list(refused).text).toContain('⚠️');
    expect((await database.fork().findOneOrFail(Booking, ids.today!)).status).toBe('pending');
  });
});
