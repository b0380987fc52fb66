import { describe, expect, it } from 'vitest';
import { Booking, Notification, Occupancy } from '../../src/db/entities/index.ts';
import { addDays } from '../../src/domain/dates.ts';
import { FIRST_DAY, makeBooking } from '../support/bookings.fixtures.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';

describe('bookings under concurrency', () => {
  const suite = useTestDatabase();
  const fork = suite.fork;
  const day = (offset: number) => addDays(FIRST_DAY, offset);

  it.skipIf(databaseKind !== 'postgresql')(
    'lets exactly one of 20 guests booking overlapping dates at once succeed',
    async () => {
      const realtor = await makeUser(fork(), 'realtor');
      const listing = await makeListing(fork(), realtor.user);
      const guests = await Promise.all(Array.from({ length: 20 }, () => makeUser(fork(), 'guest')));
      const results = await Promise.allSettled(
        guests.map((guest, index) =>
          suite.db.domain.bookings.create(fork(), guest.actor, {
            listingId: listing.id,
            checkIn: day(5 + (index % 3)),
            checkOut: day(9 + (index % 4)),
            guests: 1,
          }),
        ),
      );
      const booked = results.filter((result) => result.status === 'fulfilled');
      const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      expect(booked).toHaveLength(1);
      expect(refused).toHaveLength(19);
      for (const reason of refused) expect(reason).toMatchObject({ code: 'dates_taken' });
      expect(await fork().count(Booking, { listing: listing.id })).toBe(1);
      expect(await fork().count(Occupancy, { listing: listing.id })).toBe(1);
      expect(await fork().count(Notification, { user: realtor.user.id })).toBe(1);
    },
  );

  it('cancels once when the guest and the realtor press cancel together', async () => {
    const realtor = await makeUser(fork(), 'realtor');
    const listing = await makeListing(fork(), realtor.user);
    const guest = await makeUser(fork(), 'guest');
    const booking = await makeBooking(fork(), listing, guest.user, { checkIn: day(3), checkOut: day(5) });
    const results = await Promise.allSettled([
      suite.db.domain.bookings.cancel(fork(), guest.actor, { bookingId: booking.id }),
      suite.db.domain.bookings.cancel(fork(), realtor.actor, { bookingId: booking.id }),
      suite.db.domain.bookings.cancel(fork(), guest.actor, { bookingId: booking.id }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(result.reason).toMatchObject({ code: 'invalid_state', currentState: 'cancelled' });
      }
    }
    const notices =
      (await fork().count(Notification, { user: guest.user.id, kind: 'booking_cancelled' })) +
      (await fork().count(Notification, { user: realtor.user.id, kind: 'booking_cancelled' }));
    expect(notices).toBe(1);
    expect(await fork().count(Occupancy, { booking: booking.id })).toBe(0);
  });

  it('ends a confirm racing a cancel in one consistent state', async () => {
    const realtor = await makeUser(fork(), 'realtor');
    const listing = await makeListing(fork(), realtor.user);
    const guest = await makeUser(fork(), 'guest');
    const booking = await makeBooking(fork(), listing, guest.user, { checkIn: day(3), checkOut: day(5) });
    const [confirmed, cancelled] = await Promise.allSettled([
      suite.db.domain.bookings.confirm(fork(), realtor.actor, { bookingId: booking.id }),
      suite.db.domain.bookings.cancel(fork(), guest.actor, { bookingId: booking.id }),
    ]);
    expect(cancelled.status).toBe('fulfilled');
    const stored = await fork().findOneOrFail(Booking, booking.id);
    expect(stored.status).toBe('cancelled');
    const [notice] = await fork().find(Notification, { user: realtor.user.id, kind: 'booking_cancelled' });
    expect(notice?.data).toMatchObject({
      previousStatus: confirmed.status === 'fulfilled' ? 'confirmed' : 'pending',
    });
    expect(await fork().count(Occupancy, { booking: booking.id })).toBe(0);
  });
});
