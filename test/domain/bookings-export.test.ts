import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_DAYS } from '../../src/domain/admin/bookings-export.ts';
import { addDays } from '../../src/domain/dates.ts';
import { makeBooking } from '../support/admin.fixtures.ts';
import { expectRefusal } from '../support/assertions.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';

/** An instant given as Almaty wall-clock time (UTC+5). */
const almaty = (dateTime: string) => new Date(`${dateTime}+05:00`);

describe('bookings export (agencyAdmin.exportBookings)', () => {
  const suite = useTestDatabase();
  const em = suite.fork;
  const exportBookings = (...args: Parameters<typeof suite.db.domain.agencyAdmin.exportBookings>) =>
    suite.db.domain.agencyAdmin.exportBookings(...args);

  /** Two agencies with a realtor and a listing each, a realtor without an agency, and a guest. */
  async function platform() {
    const almatyAgency = await makeAgency(em());
    const astanaAgency = await makeAgency(em(), { city: 'Астана' });
    const admin = await makeUser(em(), 'super_admin', { agency: almatyAgency });
    const otherAdmin = await makeUser(em(), 'super_admin', { agency: astanaAgency });
    const owner = await makeUser(em(), 'superuser');
    const asel = await makeUser(em(), 'realtor', { agency: almatyAgency, fullName: 'Асель Нурланова' });
    const ruslan = await makeUser(em(), 'realtor', { agency: astanaAgency, fullName: 'Руслан Беков' });
    const loner = await makeUser(em(), 'realtor', { agency: null, fullName: 'Олжас Без Агентства' });
    const guest = await makeUser(em(), 'guest', { fullName: 'Алия Серикова' });
    const medeu = await makeListing(em(), asel.user, { title: 'Студия у Медеу', pricePerNight: 12_000 });
    const expo = await makeListing(em(), ruslan.user, { title: 'Апартаменты у EXPO', city: 'Астана' });
    const lonely = await makeListing(em(), loner.user, { title: 'Квартира без агентства' });
    return { almatyAgency, astanaAgency, admin, otherAdmin, owner, asel, guest, medeu, expo, lonely };
  }

  it("gives a Super Admin their agency's bookings created in the period, Almaty days inclusive, oldest first", async () => {
    const p = await platform();
    let stays = 0;
    /** A two-night stay of its own (live stays of one listing never overlap). */
    const book = (listing: typeof p.medeu, createdAt: Date, status: 'pending' | 'cancelled' = 'pending') => {
      const checkIn = addDays('2027-02-01', 2 * stays++);
      return makeBooking(em(), {
        listing,
        guest: p.guest.user,
        checkIn,
        checkOut: addDays(checkIn, 2),
        status,
        createdAt,
      });
    };
    // October in Almaty: from 00:00 on the 1st to 23:59:59 on the 31st.
    const before = await book(p.medeu, almaty('2026-09-30T23:59:59'));
    const first = await book(p.medeu, almaty('2026-10-01T00:00:00'), 'cancelled');
    const last = await book(p.medeu, almaty('2026-10-31T23:59:59'));
    const after = await book(p.medeu, almaty('2026-11-01T00:00:00'));
    await book(p.expo, almaty('2026-10-15T12:00:00'));

    const result = await exportBookings(em(), p.admin.actor, { from: '2026-10-01', to: '2026-10-31' });
    expect(result).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-31',
      agency: { id: p.almatyAgency.id, name: p.almatyAgency.name },
      total: 2,
      truncated: false,
    });
    expect(result.rows.map((row) => row.id)).toEqual([first.id, last.id]);
    expect(result.rows.map((row) => row.id)).not.toContain(before.id);
    expect(result.rows.map((row) => row.id)).not.toContain(after.id);
    expect(result.rows[0]).toEqual({
      id: first.id,
      listing: 'Студия у Медеу',
      city: 'Алматы',
      realtor: 'Асель Нурланова',
      agency: p.almatyAgency.name,
      guest: 'Алия Серикова',
      phone: p.guest.user.phone,
      checkIn: '2027-02-03',
      checkOut: '2027-02-05',
      nights: 2,
      guests: 1,
      total: 24_000,
      status: 'cancelled',
      createdAt: almaty('2026-10-01T00:00:00'),
    });
  });

  it('gives a Superuser one agency, or every booking of the platform (also of realtors without an agency)', async () => {
    const p = await platform();
    const when = almaty('2026-08-10T10:00:00');
    for (const listing of [p.medeu, p.expo, p.lonely]) {
      await makeBooking(em(), {
        listing,
        guest: p.guest.user,
        checkIn: '2027-03-01',
        checkOut: '2027-03-03',
        createdAt: when,
      });
    }
    const period = { from: '2026-08-10', to: '2026-08-10' };
    const astana = await exportBookings(em(), p.owner.actor, { ...period, agencyId: p.astanaAgency.id });
    expect(astana.agency?.name).toBe(p.astanaAgency.name);
    expect(astana.rows.map((row) => row.listing)).toEqual(['Апартаменты у EXPO']);
    const all = await exportBookings(em(), p.owner.actor, period);
    expect(all.agency).toBeNull();
    // Other suites' bookings on the same day are none: every test uses its own dates.
    expect(all.rows.map((row) => [row.listing, row.agency]).sort()).toEqual(
      [
        ['Апартаменты у EXPO', p.astanaAgency.name],
        ['Квартира без агентства', null],
        ['Студия у Медеу', p.almatyAgency.name],
      ].sort(),
    );
  });

  it("refuses a Super Admin another agency's bookings, and everyone below Super Admin", async () => {
    const p = await platform();
    const period = { from: '2026-10-01', to: '2026-10-31' };
    await expectRefusal(
      em(),
      () => exportBookings(em(), p.otherAdmin.actor, { ...period, agencyId: p.almatyAgency.id }),
      { code: 'forbidden' },
    );
    await expectRefusal(em(), () => exportBookings(em(), p.asel.actor, period), { code: 'forbidden' });
    await expectRefusal(em(), () => exportBookings(em(), p.guest.actor, period), { code: 'forbidden' });
    await expectRefusal(em(), () => exportBookings(em(), null, period), { code: 'account_required' });
    const blocked = await makeUser(em(), 'super_admin', { agency: p.almatyAgency, status: 'blocked' });
    await expectRefusal(em(), () => exportBookings(em(), blocked.actor, period), { code: 'account_blocked' });
    await expectRefusal(em(), () => exportBookings(em(), p.owner.actor, { ...period, agencyId: 999_999 }), {
      code: 'not_found',
    });
  });

  it('refuses a period that ends before it starts, a non-date and one longer than a year', async () => {
    const { admin } = await platform();
    for (const period of [
      { from: '2026-10-31', to: '2026-10-01' },
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-01-01', to: addDays('2026-01-01', EXPORT_MAX_DAYS) },
    ]) {
      await expect(exportBookings(em(), admin.actor, period)).rejects.toMatchObject({
        code: 'validation_failed',
      });
    }
    const year = await exportBookings(em(), admin.actor, {
      from: '2026-01-01',
      to: addDays('2026-01-01', EXPORT_MAX_DAYS - 1),
    });
    expect(year.truncated).toBe(false);
  });
});
