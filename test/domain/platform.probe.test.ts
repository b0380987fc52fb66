import { expect, it } from 'vitest';
import { Booking } from '../../src/db/entities/index.ts';
import { createTestDatabase } from '../support/database.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';

it('probe', async () => {
  const db = await createTestDatabase();
  const em = db.orm.em.fork();
  console.log(await em.execute(`select lower('ЁЛКА Алматы') as l, replace(lower('ЁЛКА'), 'ё', 'е') as r, 'Ёлка' ilike '%ёл%' as il, current_setting('TimeZone') as tz, datcollate from pg_database where datname = current_database()`));
  console.log(await em.execute(`select table_schema, table_name from information_schema.tables where table_schema not in ('pg_catalog','information_schema') order by 1,2`));
  const { user } = await makeUser(em, 'realtor');
  const listing = await makeListing(em, user);
  const b = em.create(Booking, { listing, guest: user, checkIn: '2026-12-10', checkOut: '2026-12-12', guests: 1, total: 100, status: 'pending', cancelledBy: null, cancelReason: null, createdAt: new Date('2020-01-01T00:00:00Z'), confirmedAt: null, cancelledAt: null, completedAt: null });
  await em.flush();
  console.log(await em.execute(`select created_at, check_in, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') c from booking`));
  console.log(await em.execute(`select count(*)::int n from booking where created_at >= ?::timestamptz`, [new Date('2019-01-01T00:00:00Z').toISOString()]));
  console.log(await em.execute(`select count(*)::int n from booking where created_at >= ?`, [new Date('2019-01-01T00:00:00Z')]));
  console.log(b.createdAt);
  await db.close();
  expect(1).toBe(1);
});
