import { describe, expect, it } from 'vitest';
import { Listing } from '../../src/db/entities/index.ts';
import { pendingSchemaChanges } from '../../src/db/migration-create.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';

describe('database schema', () => {
  const suite = useTestDatabase();

  it('matches the entities once every migration is applied (no migration is missing)', async () => {
    expect(await pendingSchemaChanges(suite.db.orm)).toEqual([]);
  });

  it('holds the overlap guard, the extension it needs and the check constraints', async () => {
    const rows = await suite.fork().execute<{ conname: string; contype: string }[]>(
      `select conname, contype from pg_constraint where conrelid::regclass::text in
         ('occupancy', 'listing', 'booking', 'review', 'payment', 'app_user', 'verification_code')`,
    );
    const names = rows.map((row) => row.conname);
    expect(rows.find((row) => row.conname === 'occupancy_no_overlap')?.contype).toBe('x');
    expect(names).toEqual(
      expect.arrayContaining([
        'listing_price_per_night_check',
        'listing_max_guests_check',
        'booking_dates_order',
        'booking_guests_check',
        'booking_total_check',
        'review_rating_check',
        'review_booking_unique',
        'payment_idempotency_key_unique',
        'app_user_super_admin_has_agency',
        'verification_code_attempts_range',
      ]),
    );
    const extensions = await suite.db.orm.em
      .fork()
      .execute<{ extname: string }[]>('select extname from pg_extension');
    expect(extensions.map((row) => row.extname)).toContain('btree_gist');
  });

  it('refuses money, guests, ratings and dates that break the rules, whatever the code does', async () => {
    const em = suite.fork();
    const { user: realtor } = await makeUser(em, 'realtor');
    const listing = await makeListing(em, realtor);
    const { user: guest } = await makeUser(em, 'guest');
    const cases: [string, RegExp][] = [
      [`update listing set price_per_night = 0 where id = ${listing.id}`, /listing_price_per_night_check/],
      [`update listing set max_guests = 51 where id = ${listing.id}`, /listing_max_guests_check/],
      [
        `insert into booking (listing_id, guest_id, check_in, check_out, guests, total, created_at, updated_at)
         values (${listing.id}, ${guest.id}, '2026-12-10', '2026-12-10', 1, 1000, now(), now())`,
        /booking_dates_order/,
      ],
      [
        `insert into booking (listing_id, guest_id, check_in, check_out, guests, total, created_at, updated_at)
         values (${listing.id}, ${guest.id}, '2026-12-10', '2026-12-11', 0, 1000, now(), now())`,
        /booking_guests_check/,
      ],
      [
        `update app_user set role = 'super_admin', agency_id = null where id = ${guest.id}`,
        /super_admin_has_agency/,
      ],
    ];
    for (const [sql, constraint] of cases) {
      await expect(suite.fork().execute(sql)).rejects.toThrow(constraint);
    }
    expect((await suite.fork().findOneOrFail(Listing, listing.id)).pricePerNight).toBe(15000);
  });
});
