import { describe, expect, it } from 'vitest';
import { Booking, Notification } from '../../src/db/entities/index.ts';
import { addDays } from '../../src/domain/dates.ts';
import { FIRST_DAY, makeBooking, occupancyOf, setToday } from '../support/bookings.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';

describe('bookings sweep', () => {
  const suite = useTestDatabase();
  const fork = suite.fork;
  const day = (offset: number) => addDays(FIRST_DAY, offset);

  it('completes finished stays and expires unconfirmed ones, notifying guests, once', async () => {
    const realtor = await makeUser(fork(), 'realtor');
    const listing = await makeListing(fork(), realtor.user);
    const otherListing = await makeListing(fork(), realtor.user);
    const guest = await makeUser(fork(), 'guest');
    const stay = (checkIn: number, checkOut: number, status: Booking['status'], where = listing) =>
      makeBooking(fork(), where, guest.user, { checkIn: day(checkIn), checkOut: day(checkOut), status });

    // Today will be day 7.
    const unpaidArrivedYesterday = await stay(0, 2, 'pending');
    const checkedOutToday = await stay(2, 7, 'confirmed');
    const staying = await stay(7, 9, 'confirmed');
    const unpaidArrivingToday = await stay(7, 9, 'pending', otherListing);
    const cancelled = await stay(1, 3, 'cancelled', otherListing);
    const future = await stay(12, 14, 'confirmed');

    setToday(suite.db.clock, day(7));
    expect(await suite.db.domain.bookings.sweep(fork())).toEqual({ completed: 1, expired: 1 });

    const status = async (booking: Booking) => (await fork().findOneOrFail(Booking, booking.id)).status;
    expect(await status(checkedOutToday)).toBe('completed');
    expect(await status(staying)).toBe('confirmed');
    expect(await status(unpaidArrivedYesterday)).toBe('cancelled');
    expect(await status(unpaidArrivingToday)).toBe('pending');
    expect(await status(cancelled)).toBe('cancelled');
    expect(await status(future)).toBe('confirmed');

    const expired = await fork().findOneOrFail(Booking, unpaidArrivedYesterday.id);
    expect(expired).toMatchObject({ cancelledBy: 'system', cancelReason: null });
    expect(await occupancyOf(suite.db.orm.em, unpaidArrivedYesterday.id)).toHaveLength(0);
    expect(await occupancyOf(suite.db.orm.em, checkedOutToday.id)).toHaveLength(1);
    expect(await occupancyOf(suite.db.orm.em, unpaidArrivingToday.id)).toHaveLength(1);
    expect((await fork().findOneOrFail(Booking, checkedOutToday.id)).completedAt).toEqual(
      suite.db.clock.now(),
    );

    const notifications = await fork().find(
      Notification,
      { user: guest.user.id },
      { orderBy: { id: 'asc' } },
    );
    expect(notifications.map((n) => [n.kind, (n.data as { bookingId: number }).bookingId])).toEqual([
      ['booking_completed', checkedOutToday.id],
      ['booking_cancelled', unpaidArrivedYesterday.id],
    ]);
    expect(notifications[1]?.data).toMatchObject({ by: 'system', previousStatus: 'pending', reason: null });
    expect(await fork().count(Notification, { user: realtor.user.id })).toBe(0);

    expect(await suite.db.domain.bookings.sweep(fork())).toEqual({ completed: 0, expired: 0 });
    expect(await fork().count(Notification, { user: guest.user.id })).toBe(2);

    setToday(suite.db.clock, day(14));
    expect(await suite.db.domain.bookings.sweep(fork())).toEqual({ completed: 2, expired: 1 });
    expect(await status(staying)).toBe('completed');
    expect(await status(future)).toBe('completed');
    expect(await status(unpaidArrivingToday)).toBe('cancelled');
  });

  it('lets completed guests see their stay as past, reviewable', async () => {
    const realtor = await makeUser(fork(), 'realtor');
    const listing = await makeListing(fork(), realtor.user);
    const guest = await makeUser(fork(), 'guest');
    setToday(suite.db.clock, FIRST_DAY);
    const booking = await suite.db.domain.bookings.create(fork(), guest.actor, {
      listingId: listing.id,
      checkIn: day(1),
      checkOut: day(3),
      guests: 1,
    });
    await suite.db.domain.payments.payDemo(fork(), guest.actor, { bookingId: booking.id });
    setToday(suite.db.clock, day(3));
    expect(await suite.db.domain.bookings.sweep(fork())).toEqual({ completed: 1, expired: 0 });
    const past = await suite.db.domain.bookings.listForGuest(fork(), guest.actor, { scope: 'past' });
    expect(past.items.map((b) => [b.id, b.status, b.reviewed])).toEqual([[booking.id, 'completed', false]]);
    expect((await suite.db.domain.reviews.reviewable(fork(), guest.actor)).map((b) => b.id)).toEqual([
      booking.id,
    ]);
  });
});
