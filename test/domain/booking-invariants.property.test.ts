import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BookingStatus, Listing } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { addDays, almatyToday } from '../../src/domain/dates.ts';
import { isExclusionViolation } from '../../src/domain/db-errors.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { FIRST_DAY, makeBlock, setToday } from '../support/bookings.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { type MadeUser, makeListing, makeUser } from '../support/fixtures.ts';

/** What a random session does to one listing; `booking` picks among the bookings made so far. */
type Action =
  | { kind: 'book'; guest: number; start: number; nights: number }
  | { kind: 'cancel'; booking: number; by: 'guest' | 'realtor' }
  | { kind: 'pay'; booking: number }
  | { kind: 'confirm'; booking: number }
  | { kind: 'block'; start: number; nights: number }
  | { kind: 'advance'; days: number };

/**
 * Stays and blocks start within a 30-day window around the clock's day (a
 * few days back, to be refused or to meet finished stays), last a few nights
 * so that moving the clock completes them, and collide often.
 */
const startOffset = fc.integer({ min: -3, max: 26 });

const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      guest: fc.nat(2),
      start: startOffset,
      nights: fc.integer({ min: 1, max: 6 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      booking: fc.nat(30),
      by: fc.constantFrom('guest' as const, 'realtor' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pay' as const), booking: fc.nat(30) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('confirm' as const), booking: fc.nat(30) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('block' as const),
      start: startOffset,
      nights: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 5 }) }),
  },
);

/** The status changes a booking may make, observed between two steps. */
const LEGAL_NEXT: Record<BookingStatus, readonly BookingStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['cancelled', 'completed'],
  cancelled: [],
  completed: [],
};

describe('booking invariants', () => {
  const suite = useTestDatabase();
  let realtor: MadeUser;
  let guests: MadeUser[];
  const fork = suite.fork;
  const today = () => almatyToday(suite.db.clock.now());
  const sql = <T>(query: string, params: unknown[]) => fork().getConnection().execute<T[]>(query, params);

  beforeAll(async () => {
    realtor = await makeUser(fork(), 'realtor');
    guests = [];
    for (let n = 0; n < 3; n++) guests.push(await makeUser(fork(), 'guest'));
  });

  /** Runs one action; a refusal the rules allow is fine, anything else fails the property. */
  async function perform(action: Action, listing: Listing, bookingIds: number[]): Promise<void> {
    const pick = (index: number) => bookingIds[index % bookingIds.length];
    const expectRefusal = (error: unknown, ...codes: string[]) => {
      if (!(error instanceof DomainError) || !codes.includes(error.code)) throw error;
    };
    switch (action.kind) {
      case 'book': {
        const guest = guests[action.guest]!;
        const checkIn = addDays(today(), action.start);
        try {
          const booking = await suite.db.domain.bookings.create(fork(), guest.actor, {
            listingId: listing.id,
            checkIn,
            checkOut: addDays(checkIn, action.nights),
            guests: 1,
          });
          bookingIds.push(booking.id);
        } catch (error) {
          expectRefusal(error, 'dates_taken', 'validation_failed');
        }
        return;
      }
      case 'cancel':
      case 'pay':
      case 'confirm': {
        const bookingId = pick(action.booking);
        if (bookingId === undefined) return;
        const guest = await guestOf(bookingId);
        try {
          if (action.kind === 'pay') await suite.db.domain.payments.payDemo(fork(), guest, { bookingId });
          else if (action.kind === 'confirm')
            await suite.db.domain.bookings.confirm(fork(), realtor.actor, { bookingId });
          else
            await suite.db.domain.bookings.cancel(fork(), action.by === 'guest' ? guest : realtor.actor, {
              bookingId,
            });
        } catch (error) {
          expectRefusal(error, 'invalid_state');
        }
        return;
      }
      case 'block': {
        const startsOn = addDays(today(), action.start);
        try {
          await makeBlock(fork(), listing, realtor.user, startsOn, addDays(startsOn, action.nights));
        } catch (error) {
          if (!isExclusionViolation(error, 'occupancy_no_overlap')) throw error;
        }
        return;
      }
      case 'advance': {
        suite.db.clock.advance(action.days * 86_400_000);
        await suite.db.domain.bookings.sweep(fork());
        return;
      }
    }
  }

  async function guestOf(bookingId: number): Promise<Actor> {
    const [row] = await sql<{ guest_id: number }>('select guest_id from booking where id = ?', [bookingId]);
    return guests.find((guest) => guest.user.id === row!.guest_id)!.actor;
  }

  /** Every booking's status now; checks each change since the last look is legal and records it. */
  async function observe(listingId: number, history: Map<number, BookingStatus[]>): Promise<void> {
    const rows = await sql<{ id: number; status: BookingStatus }>(
      'select id, status from booking where listing_id = ?',
      [listingId],
    );
    for (const { id, status } of rows) {
      const seen = history.get(id);
      if (!seen) {
        expect(status, `booking ${id} is born pending`).toBe('pending');
        history.set(id, [status]);
        continue;
      }
      const last = seen.at(-1)!;
      if (last === status) continue;
      expect(LEGAL_NEXT[last], `booking ${id}: ${seen.join(' → ')} → ${status}`).toContain(status);
      seen.push(status);
    }
  }

  /** What the database must hold for the listing after any sequence of actions. */
  async function checkInvariants(listingId: number): Promise<void> {
    const live = `('pending', 'confirmed')`;
    const [overlaps] = await sql<{ bookings: number; withBlocks: number; blocks: number }>(
      `select
         (select count(*)::int from booking a join booking b on b.listing_id = a.listing_id and a.id < b.id
           where a.listing_id = ? and a.status in ${live} and b.status in ${live}
             and daterange(a.check_in, a.check_out) && daterange(b.check_in, b.check_out)) as "bookings",
         (select count(*)::int from booking a join availability_block k on k.listing_id = a.listing_id
           where a.listing_id = ? and a.status in ${live}
             and daterange(a.check_in, a.check_out) && daterange(k.starts_on, k.ends_on)) as "withBlocks",
         (select count(*)::int from availability_block a join availability_block b
             on b.listing_id = a.listing_id and a.id < b.id
           where a.listing_id = ? and daterange(a.starts_on, a.ends_on) && daterange(b.starts_on, b.ends_on))
           as "blocks"`,
      [listingId, listingId, listingId],
    );
    expect(overlaps).toEqual({ bookings: 0, withBlocks: 0, blocks: 0 });

    const occupancy = await sql<{ id: number; status: BookingStatus; rows: number; exact: boolean | null }>(
      `select b.id, b.status, count(o.id)::int as rows,
              bool_and(o.starts_on = b.check_in and o.ends_on = b.check_out and o.listing_id = b.listing_id) as exact
         from booking b left join occupancy o on o.booking_id = b.id
        where b.listing_id = ? group by b.id, b.status`,
      [listingId],
    );
    for (const row of occupancy) {
      if (row.status === 'cancelled') expect(row.rows, `cancelled booking ${row.id} holds no days`).toBe(0);
      else
        expect([row.rows, row.exact], `${row.status} booking ${row.id} holds its days once`).toEqual([
          1,
          true,
        ]);
    }

    const [blocks] = await sql<{ wrong: number }>(
      `select count(*)::int as wrong from availability_block k
        where k.listing_id = ?
          and (select count(*) from occupancy o where o.block_id = k.id and o.starts_on = k.starts_on
                 and o.ends_on = k.ends_on) <> 1`,
      [listingId],
    );
    expect(blocks?.wrong).toBe(0);

    const [payments] = await sql<{ doubled: number; unconfirmed: number }>(
      `select
         (select count(*)::int from (select p.booking_id from payment p join booking b on b.id = p.booking_id
            where b.listing_id = ? group by p.booking_id having count(*) > 1) d) as doubled,
         (select count(*)::int from payment p join booking b on b.id = p.booking_id
            where b.listing_id = ? and (b.confirmed_at is null or p.amount <> b.total)) as unconfirmed`,
      [listingId, listingId],
    );
    expect(payments).toEqual({ doubled: 0, unconfirmed: 0 });
  }

  it('keeps live bookings and blocks apart, occupancy in step and every status change legal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(actionArbitrary, { minLength: 1, maxLength: 40, size: 'medium' }),
        async (actions) => {
          setToday(suite.db.clock, FIRST_DAY);
          const listing = await makeListing(fork(), realtor.user, { maxGuests: 2 });
          const bookingIds: number[] = [];
          const history = new Map<number, BookingStatus[]>();
          for (const action of actions) {
            await perform(action, listing, bookingIds);
            await observe(listing.id, history);
          }
          await checkInvariants(listing.id);
        },
      ),
      { numRuns: 25 },
    );
  }, 600_000);
});
