import {
  Booking,
  type BookingStatus,
  type Listing,
  Occupancy,
  Payment,
  type PaymentStatus,
  type User,
} from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import { nightsBetween } from '../../src/domain/dates.ts';

let sequence = 0;

export interface BookingFixture {
  listing: Listing;
  guest: User;
  checkIn: string;
  checkOut: string;
  status?: BookingStatus;
  /** When the booking was made (default: now). */
  createdAt?: Date;
  /** A payment of this amount (default: none). */
  paid?: number;
  /** Default: succeeded. */
  paymentStatus?: PaymentStatus;
  /** When the payment was made (default: `createdAt`). */
  paidAt?: Date;
}

/**
 * A booking written straight into the tables, as the booking and payment
 * services would leave it: a live booking holds its Occupancy row, a paid one
 * has a Payment.
 */
export async function makeBooking(em: Em, fixture: BookingFixture): Promise<Booking> {
  const status = fixture.status ?? 'confirmed';
  const createdAt = fixture.createdAt ?? new Date();
  const booking = em.create(Booking, {
    listing: fixture.listing,
    guest: fixture.guest,
    checkIn: fixture.checkIn,
    checkOut: fixture.checkOut,
    guests: 1,
    total: nightsBetween(fixture.checkIn, fixture.checkOut) * fixture.listing.pricePerNight,
    status,
    cancelledBy: status === 'cancelled' ? 'guest' : null,
    cancelReason: null,
    createdAt,
    confirmedAt: status === 'confirmed' || status === 'completed' ? createdAt : null,
    cancelledAt: status === 'cancelled' ? createdAt : null,
    completedAt: status === 'completed' ? createdAt : null,
  });
  if (status === 'pending' || status === 'confirmed') {
    em.create(Occupancy, {
      listing: fixture.listing,
      startsOn: fixture.checkIn,
      endsOn: fixture.checkOut,
      booking,
      block: null,
    });
  }
  if (fixture.paid !== undefined) {
    em.create(Payment, {
      booking,
      amount: fixture.paid,
      provider: 'demo',
      status: fixture.paymentStatus ?? 'succeeded',
      idempotencyKey: `fixture-${process.pid}-${++sequence}`,
      createdAt: fixture.paidAt ?? createdAt,
    });
  }
  await em.flush();
  return booking;
}

/**
 * Row count and a digest of the contents of every application table, and the
 * number of queued jobs (emails, pushes): equal snapshots before and after a
 * refused call show it wrote nothing, not even an in-place update.
 */
export async function databaseSnapshot(em: Em): Promise<Record<string, string>> {
  const tables = (await em.execute(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations'
      order by table_name`,
  )) as { name: string }[];
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = (await em.execute(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
         from "${name}" t`,
    )) as { n: number; digest: string }[];
    snapshot[name] = `${row!.n} rows, ${row!.digest}`;
  }
  const [jobs] = (await em.execute('select count(*)::int as n from pgboss.job')) as { n: number }[];
  snapshot['pgboss.job'] = `${jobs!.n} rows`;
  return snapshot;
}
