import { afterEach, describe, expect, it } from 'vitest';
import { Booking, Notification, Payment } from '../../src/db/entities/index.ts';
import { addDays } from '../../src/domain/dates.ts';
import { expectRefusal } from '../support/assertions.ts';
import {
  bookingRowCounts,
  FIRST_DAY,
  makeBooking,
  notificationKinds,
  setToday,
} from '../support/bookings.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';

describe('payments service', () => {
  const suite = useTestDatabase();
  const fork = suite.fork;
  const day = (offset: number) => addDays(FIRST_DAY, offset);

  afterEach(() => {
    setToday(suite.db.clock, FIRST_DAY);
  });

  /** A guest's pending booking of 2 nights at 20 000 ₸, made through the booking service. */
  async function pendingBooking() {
    const realtor = await makeUser(fork(), 'realtor');
    const listing = await makeListing(fork(), realtor.user, { pricePerNight: 20_000 });
    const guest = await makeUser(fork(), 'guest');
    const booking = await suite.db.domain.bookings.create(fork(), guest.actor, {
      listingId: listing.id,
      checkIn: day(2),
      checkOut: day(4),
      guests: 1,
    });
    return { realtor, listing, guest, booking };
  }

  /** The call is refused with `code` (and `currentState`, when given) and no row of any booking table changed. */
  const expectRefused = (call: () => Promise<unknown>, code: string, currentState?: string) =>
    expectRefusal(fork(), call, { code, ...(currentState ? { currentState } : {}) }, bookingRowCounts);

  it('records the payment of the total and confirms the booking, telling the realtor and the guest', async () => {
    const { realtor, guest, booking } = await pendingBooking();
    const paid = await suite.db.domain.payments.payDemo(fork(), guest.actor, { bookingId: booking.id });
    expect(paid).toMatchObject({
      amount: 40_000,
      bookingId: booking.id,
      status: 'succeeded',
      alreadyPaid: false,
    });
    const payment = await fork().findOneOrFail(Payment, paid.paymentId);
    expect(payment).toMatchObject({
      amount: 40_000,
      provider: 'demo',
      status: 'succeeded',
      idempotencyKey: `demo:booking:${booking.id}`,
    });
    const stored = await fork().findOneOrFail(Booking, booking.id);
    expect(stored.status).toBe('confirmed');
    expect(stored.confirmedAt).toEqual(suite.db.clock.now());
    expect(await notificationKinds(suite.db.orm.em, realtor.user.id)).toEqual([
      'booking_created',
      'booking_confirmed',
    ]);
    expect(await notificationKinds(suite.db.orm.em, guest.user.id)).toEqual(['booking_confirmed']);
    const [confirmed] = await fork().find(Notification, { user: guest.user.id });
    expect(confirmed?.data).toMatchObject({ bookingId: booking.id, by: 'payment', total: 40_000 });
  });

  it('returns the same payment when paid again, recording nothing new', async () => {
    const { guest, booking } = await pendingBooking();
    const first = await suite.db.domain.payments.payDemo(fork(), guest.actor, { bookingId: booking.id });
    const before = await bookingRowCounts(suite.db.orm.em);
    const second = await suite.db.domain.payments.payDemo(fork(), guest.actor, { bookingId: booking.id });
    expect(second).toEqual({ ...first, alreadyPaid: true });
    expect(await bookingRowCounts(suite.db.orm.em)).toEqual(before);
  });

  it('records one payment when the guest pays twice at the same moment', async () => {
    const { realtor, guest, booking } = await pendingBooking();
    const results = await Promise.all(
      [1, 2, 3].map(() => suite.db.domain.payments.payDemo(fork(), guest.actor, { bookingId: booking.id })),
    );
    expect(new Set(results.map((result) => result.paymentId)).size).toBe(1);
    expect(results.filter((result) => !result.alreadyPaid)).toHaveLength(1);
    expect(await fork().count(Payment, { booking: booking.id })).toBe(1);
    expect(await notificationKinds(suite.db.orm.em, realtor.user.id)).toEqual([
      'booking_created',
      'booking_confirmed',
    ]);
  });

  it('tells the truth when a payment and a cancellation race', async () => {
    const { realtor, guest, booking } = await pendingBooking();
    const [paid, cancelled] = await Promise.allSettled([
      suite.db.domain.payments.payDemo(fork(), guest.actor, { bookingId: booking.id }),
      suite.db.domain.bookings.cancel(fork(), realtor.actor, { bookingId: booking.id }),
    ]);
    expect(cancelled.status).toBe('fulfilled');
    const [notice] = await fork().find(Notification, { user: guest.user.id, kind: 'booking_cancelled' });
    const payments = await fork().count(Payment, { booking: booking.id });
    if (paid.status === 'fulfilled') {
      expect(payments).toBe(1);
      expect(notice?.data).toMatchObject({ previousStatus: 'confirmed' });
    } else {
      expect(paid.reason).toMatchObject({ code: 'invalid_state', currentState: 'cancelled' });
      expect(payments).toBe(0);
      expect(notice?.data).toMatchObject({ previousStatus: 'pending' });
    }
  });

  it('refuses cancelled bookings, bookings the realtor confirmed and expired ones', async () => {
    const cancelled = await pendingBooking();
    await suite.db.domain.bookings.cancel(fork(), cancelled.guest.actor, { bookingId: cancelled.booking.id });
    await expectRefused(
      () =>
        suite.db.domain.payments.payDemo(fork(), cancelled.guest.actor, { bookingId: cancelled.booking.id }),
      'invalid_state',
      'cancelled',
    );

    const confirmed = await pendingBooking();
    await suite.db.domain.bookings.confirm(fork(), confirmed.realtor.actor, {
      bookingId: confirmed.booking.id,
    });
    await expectRefused(
      () =>
        suite.db.domain.payments.payDemo(fork(), confirmed.guest.actor, { bookingId: confirmed.booking.id }),
      'invalid_state',
      'confirmed',
    );

    const expired = await pendingBooking();
    setToday(suite.db.clock, day(3));
    await expectRefused(
      () => suite.db.domain.payments.payDemo(fork(), expired.guest.actor, { bookingId: expired.booking.id }),
      'invalid_state',
      'expired',
    );
  });

  it('refuses a paid booking cancelled afterwards', async () => {
    const { guest, booking } = await pendingBooking();
    await suite.db.domain.payments.payDemo(fork(), guest.actor, { bookingId: booking.id });
    await suite.db.domain.bookings.cancel(fork(), guest.actor, { bookingId: booking.id });
    await expectRefused(
      () => suite.db.domain.payments.payDemo(fork(), guest.actor, { bookingId: booking.id }),
      'invalid_state',
      'cancelled',
    );
  });

  it('lets only the booking’s guest pay', async () => {
    const { realtor, listing, booking } = await pendingBooking();
    const stranger = await makeUser(fork(), 'guest');
    const blocked = await makeUser(fork(), 'guest', { status: 'blocked' });
    const pay =
      (actor: typeof stranger.actor | null, bookingId = booking.id) =>
      () =>
        suite.db.domain.payments.payDemo(fork(), actor, { bookingId });
    await expectRefused(pay(realtor.actor), 'forbidden');
    await expectRefused(pay(stranger.actor), 'not_found');
    await expectRefused(pay(stranger.actor, 999_999), 'not_found');
    await expectRefused(pay(blocked.actor), 'account_blocked');
    await expectRefused(pay(null), 'account_required');
    await expectRefused(pay(stranger.actor, -1), 'validation_failed');
    const past = await makeBooking(fork(), listing, stranger.user, {
      checkIn: day(-3),
      checkOut: day(-1),
      status: 'completed',
    });
    await expectRefused(pay(stranger.actor, past.id), 'invalid_state', 'completed');
  });
});
