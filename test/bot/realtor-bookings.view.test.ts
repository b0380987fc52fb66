import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { notificationText } from '../../src/bot/notification-push.ts';
import type { FlowStep } from '../../src/bot/run-flow.ts';
import { realtorBookingsFlow } from '../../src/bot/views/realtor-bookings.view.ts';
import { Booking, type Listing, Notification, Occupancy } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type {
  RealtorBookingsContext,
  RealtorBookingsInput,
} from '../../src/machines/realtor-bookings.machine.ts';
import { useTestDatabase } from '../support/database.ts';
import { domainConversation } from '../support/domain-conversation.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';
import { view } from '../support/flows.ts';
import { namedBookings } from '../support/listings.fixtures.ts';

const ru = messagesFor('ru');
const r = ru.realtorBookings;

describe('realtorBookings: the real domain behind the list', () => {
  const database = useTestDatabase();
  let realtor: Actor;
  let guest: Actor;
  let guestPhone: string;
  let listing: Listing;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const em = database.fork();
    const owner = await makeUser(em, 'realtor');
    realtor = owner.actor;
    listing = await makeListing(em, owner.user, { title: 'Студия у Медеу', pricePerNight: 10_000 });
    const someoneElse = await makeUser(em, 'realtor');
    const theirs = await makeListing(em, someoneElse.user, { title: 'Чужая квартира' });
    const made = await makeUser(em, 'guest', { fullName: 'Алия Серикова' });
    guest = made.actor;
    guestPhone = made.user.phone;
    const book = namedBookings(em, made.user, ids);
    // Today (the test clock) is 2026-12-01.
    await book('pending', listing, '2026-12-05', '2026-12-07', 'pending');
    await book('another', listing, '2026-12-10', '2026-12-12', 'pending');
    await book('today', listing, '2026-12-01', '2026-12-02', 'pending');
    await book('confirmed', listing, '2026-12-20', '2026-12-22', 'confirmed');
    await book('stayed', listing, '2026-11-01', '2026-11-03', 'completed');
    await book('theirs', theirs, '2026-12-05', '2026-12-07', 'pending');
  });

  const conversation = (actor: Actor) =>
    domainConversation<RealtorBookingsInput>(database, realtorBookingsFlow, actor);

  const list = (step: FlowStep) => realtorBookingsFlow.render(step.snapshot, view('ru')).at(-1)!;
  const labels = (step: FlowStep) => (list(step).inline ?? []).flat().map((button) => button.text);
  const items = (step: FlowStep) => (step.snapshot.context as RealtorBookingsContext).list!.items;
  const statusOf = async (id: number) => (await database.fork().findOneOrFail(Booking, id)).status;

  it('lists only the realtor’s own bookings: new ones soonest first, with the phone to call', async () => {
    const first = await conversation(realtor).start();
    expect(items(first).map((item) => item.id)).toEqual([ids.today, ids.pending, ids.another]);
    const phone = guestPhone.replace(/^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/, '+7 $1 $2 $3 $4');
    expect(list(first).text).toContain(`👤 Алия Серикова · 📞 ${phone}`);
    expect(list(first).text).not.toContain('Чужая квартира');
    // Check-in today: still confirmable, no longer cancellable.
    expect(labels(first).slice(0, 5)).toEqual([
      '1 · ✅ Подтвердить',
      '2 · ✅ Подтвердить',
      '2 · ❌ Отменить',
      '3 · ✅ Подтвердить',
      '3 · ❌ Отменить',
    ]);
    const upcoming = await conversation(realtor).start({ filter: 'upcoming' });
    expect(items(upcoming).map((item) => item.id)).toEqual([ids.confirmed]);
    const past = await conversation(realtor).start({ filter: 'past' });
    expect(items(past).map((item) => item.id)).toEqual([ids.stayed]);
  });

  it('confirms a pending booking: the guest is told, the list moves on', async () => {
    const chat = conversation(realtor);
    await chat.start();
    const done = await chat.send({ type: 'cb.bconfirm', id: ids.another! });
    expect(list(done).text.startsWith(r.confirmed)).toBe(true);
    expect(items(done).map((item) => item.id)).not.toContain(ids.another);
    expect(await statusOf(ids.another!)).toBe('confirmed');
    const told = await database.fork().find(Notification, { user: guest.id, kind: 'booking_confirmed' });
    expect(told).toHaveLength(1);
  });

  it('cancels with a preset reason: dates freed, the guest’s notification carries the reason', async () => {
    const chat = conversation(realtor);
    await chat.start();
    await chat.send({ type: 'cb.bcancel', id: ids.pending! });
    await chat.send({ type: 'cb.reason', id: 2 });
    const done = await chat.send({ type: 'cb.bcancelok', id: ids.pending! });
    expect(list(done).text.startsWith(r.cancelled)).toBe(true);
    const em = database.fork();
    const booking = await em.findOneOrFail(Booking, ids.pending!);
    expect([booking.status, booking.cancelledBy, booking.cancelReason]).toEqual([
      'cancelled',
      'realtor',
      r.reasons[1],
    ]);
    expect(await em.count(Occupancy, { booking: ids.pending })).toBe(0);
    const [notice] = await em.find(Notification, { user: guest.id, kind: 'booking_cancelled' });
    expect(notificationText(ru, notice!.kind, notice!.data)).toContain(`Причина: ${r.reasons[1]}`);
  });

  it('a stale button (the booking cancelled meanwhile) says so and changes nothing', async () => {
    const chat = conversation(realtor);
    await chat.start({ filter: 'upcoming' });
    await database.db.domain.bookings.cancel(database.fork(), guest, {
      bookingId: ids.confirmed!,
      reason: 'Изменились планы',
    });
    const stale = await chat.send({ type: 'cb.bconfirm', id: ids.confirmed! });
    expect(list(stale).text.startsWith(`⚠️ ${r.stale}`)).toBe(true);
    await chat.send({ type: 'cb.bcancel', id: ids.confirmed! });
    await chat.send({ type: 'TEXT', text: 'Ремонт в квартире' });
    const again = await chat.send({ type: 'cb.bcancelok', id: ids.confirmed! });
    expect(list(again).text.startsWith(`⚠️ ${r.stale}`)).toBe(true);
    const booking = await database.fork().findOneOrFail(Booking, ids.confirmed!);
    expect([booking.cancelledBy, booking.cancelReason]).toEqual(['guest', 'Изменились планы']);
  });

  it('another realtor’s booking id (a forged button) is refused as not found and nothing changes', async () => {
    const chat = conversation(realtor);
    await chat.start();
    const confirm = await chat.send({ type: 'cb.bconfirm', id: ids.theirs! });
    expect(list(confirm).text.startsWith(`⚠️ ${ru.errors.not_found}`)).toBe(true);
    await chat.send({ type: 'cb.bcancel', id: ids.theirs! });
    await chat.send({ type: 'cb.reason', id: 1 });
    const cancel = await chat.send({ type: 'cb.bcancelok', id: ids.theirs! });
    expect(list(cancel).text.startsWith(`⚠️ ${ru.errors.not_found}`)).toBe(true);
    expect(await statusOf(ids.theirs!)).toBe('pending');
  });
});
