import { describe, expect, it } from 'vitest';
import { Listing, Notification, User } from '../../src/db/entities/index.ts';
import { verifyPassword } from '../../src/domain/secrets.ts';
import { makeBooking } from '../support/admin.fixtures.ts';
import { expectRefusal } from '../support/assertions.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';

/** An instant given as Almaty wall-clock time (UTC+5). */
const almaty = (dateTime: string) => new Date(`${dateTime}+05:00`);

describe('agency admin service', () => {
  const suite = useTestDatabase();

  const em = suite.fork;
  const service = () => suite.db.domain.agencyAdmin;

  /** An agency with its Super Admin, and a second agency with a realtor of its own. */
  async function twoAgencies() {
    const agency = await makeAgency(em());
    const admin = await makeUser(em(), 'super_admin', { agency });
    const otherAgency = await makeAgency(em());
    const stranger = await makeUser(em(), 'realtor', { agency: otherAgency });
    return { agency, admin, otherAgency, stranger };
  }

  describe('listRealtors', () => {
    it("lists only the agency's realtors with their listings and this Almaty month's bookings", async () => {
      const { agency, admin, stranger } = await twoAgencies();
      const anna = await makeUser(em(), 'realtor', { agency, fullName: 'Анна Ахметова' });
      const boris = await makeUser(em(), 'realtor', { agency, fullName: 'Борис Беков', status: 'blocked' });
      const guest = await makeUser(em(), 'guest');
      const flat = await makeListing(em(), anna.user);
      await makeListing(em(), anna.user, { published: false });
      const strangerFlat = await makeListing(em(), stranger.user);
      // 00:00 on 1 December in Almaty is this month; one second earlier is November.
      await makeBooking(em(), {
        listing: flat,
        guest: guest.user,
        checkIn: '2026-12-10',
        checkOut: '2026-12-12',
        createdAt: almaty('2026-12-01T00:00:00'),
      });
      await makeBooking(em(), {
        listing: flat,
        guest: guest.user,
        checkIn: '2026-12-20',
        checkOut: '2026-12-22',
        createdAt: almaty('2026-11-30T23:59:59'),
      });
      await makeBooking(em(), {
        listing: strangerFlat,
        guest: guest.user,
        checkIn: '2026-12-10',
        checkOut: '2026-12-12',
        createdAt: almaty('2026-12-01T09:00:00'),
      });

      const page = await service().listRealtors(em(), admin.actor, { pageSize: 10 });
      expect(page.total).toBe(2);
      expect(page.items).toEqual([
        {
          id: anna.user.id,
          fullName: 'Анна Ахметова',
          email: anna.user.email,
          phone: anna.user.phone,
          status: 'active',
          listingsCount: 2,
          bookingsThisMonth: 1,
        },
        {
          id: boris.user.id,
          fullName: 'Борис Беков',
          email: boris.user.email,
          phone: boris.user.phone,
          status: 'blocked',
          listingsCount: 0,
          bookingsThisMonth: 0,
        },
      ]);
      const second = await service().listRealtors(em(), admin.actor, { page: 2, pageSize: 1 });
      expect(second).toMatchObject({ page: 2, pages: 2, total: 2, items: [{ id: boris.user.id }] });
    });

    it('refuses a page size over 50', async () => {
      const { admin } = await twoAgencies();
      await expect(service().listRealtors(em(), admin.actor, { pageSize: 51 })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });

  describe('addRealtor', () => {
    it('creates an active realtor in the actor agency with a hashed password and emails them to /link', async () => {
      const { agency, admin } = await twoAgencies();
      const realtor = await service().addRealtor(em(), admin.actor, {
        email: '  New.Realtor@Example.KZ ',
        phone: '8 (701) 555-12-34',
        fullName: ' Дана Серикова ',
        password: 'correct horse',
      });
      expect(realtor).toMatchObject({
        email: 'new.realtor@example.kz',
        phone: '+77015551234',
        fullName: 'Дана Серикова',
        status: 'active',
      });
      const stored = await em().findOneOrFail(User, realtor.id, { populate: ['agency'] });
      expect(stored.role).toBe('realtor');
      expect(stored.agency?.id).toBe(agency.id);
      expect(stored.passwordHash).not.toContain('correct horse');
      expect(await verifyPassword('correct horse', stored.passwordHash!)).toBe(true);

      suite.db.mail.sent.length = 0;
      expect(await suite.db.deliverEmails()).toEqual({ done: 1, failed: 0 });
      expect(suite.db.mail.sent).toHaveLength(1);
      expect(suite.db.mail.sent[0]).toMatchObject({ to: 'new.realtor@example.kz' });
      expect(suite.db.mail.sent[0]?.subject).toContain(agency.name);
      expect(suite.db.mail.sent[0]?.text).toContain('/link');

      const page = await service().listRealtors(em(), admin.actor);
      expect(page.items.map((item) => item.id)).toContain(realtor.id);
    });

    it('refuses an email or phone that any account already has, writing nothing', async () => {
      const { admin, stranger } = await twoAgencies();
      const valid = {
        email: 'free@example.kz',
        phone: '+77015550001',
        fullName: 'Ерлан',
        password: '12345678',
      };
      await expectRefusal(
        em(),
        () => service().addRealtor(em(), admin.actor, { ...valid, email: stranger.user.email.toUpperCase() }),
        { code: 'already_exists' },
      );
      await expect(
        service().addRealtor(em(), admin.actor, { ...valid, phone: stranger.user.phone }),
      ).rejects.toMatchObject({ code: 'already_exists', field: 'phone' });
      await expect(
        service().addRealtor(em(), admin.actor, { ...valid, email: stranger.user.email }),
      ).rejects.toMatchObject({ code: 'already_exists', field: 'email' });
    });

    it('refuses invalid input, naming each field, writing nothing', async () => {
      const { admin } = await twoAgencies();
      await expectRefusal(
        em(),
        () =>
          service().addRealtor(em(), admin.actor, {
            email: 'not-an-email',
            phone: '123',
            fullName: 'Ж',
            password: 'short',
          }),
        {
          code: 'validation_failed',
          issues: expect.arrayContaining([
            expect.objectContaining({ field: 'email' }),
            expect.objectContaining({ field: 'phone' }),
            expect.objectContaining({ field: 'fullName' }),
            expect.objectContaining({ field: 'password' }),
          ]),
        },
      );
    });

    it('refuses while the agency is inactive', async () => {
      const agency = await makeAgency(em(), { active: false });
      const admin = await makeUser(em(), 'super_admin', { agency });
      await expectRefusal(
        em(),
        () =>
          service().addRealtor(em(), admin.actor, {
            email: 'inactive@example.kz',
            phone: '+77015550002',
            fullName: 'Гульнара',
            password: '12345678',
          }),
        { code: 'agency_inactive' },
      );
    });
  });

  describe('setRealtorStatus', () => {
    it('blocks and unblocks a realtor of the agency and tells them each time', async () => {
      const { agency, admin } = await twoAgencies();
      const realtor = await makeUser(em(), 'realtor', { agency });
      const blocked = await service().setRealtorStatus(em(), admin.actor, {
        realtorId: realtor.user.id,
        status: 'blocked',
      });
      expect(blocked).toMatchObject({ id: realtor.user.id, status: 'blocked' });
      expect((await em().findOneOrFail(User, realtor.user.id)).status).toBe('blocked');
      await service().setRealtorStatus(em(), admin.actor, { realtorId: realtor.user.id, status: 'active' });
      const notifications = await em().find(
        Notification,
        { user: realtor.user.id },
        { orderBy: { id: 'asc' } },
      );
      expect(notifications.map((n) => [n.kind, n.data])).toEqual([
        ['status_changed', { status: 'blocked', role: 'realtor' }],
        ['status_changed', { status: 'active', role: 'realtor' }],
      ]);
    });

    it('answers the new status inside a caller’s transaction (the bot runs every update in one)', async () => {
      const { agency, admin } = await twoAgencies();
      const realtor = await makeUser(em(), 'realtor', { agency });
      const answered = await em().transactional((tx) =>
        service().setRealtorStatus(tx, admin.actor, { realtorId: realtor.user.id, status: 'blocked' }),
      );
      expect(answered).toMatchObject({
        id: realtor.user.id,
        status: 'blocked',
        fullName: realtor.user.fullName,
      });
    });

    it('refuses a second press with invalid_state and tells nobody twice', async () => {
      const { agency, admin } = await twoAgencies();
      const realtor = await makeUser(em(), 'realtor', { agency });
      await service().setRealtorStatus(em(), admin.actor, { realtorId: realtor.user.id, status: 'blocked' });
      await expectRefusal(
        em(),
        () =>
          service().setRealtorStatus(em(), admin.actor, { realtorId: realtor.user.id, status: 'blocked' }),
        { code: 'invalid_state' },
      );
      expect(await em().count(Notification, { user: realtor.user.id })).toBe(1);
    });

    it("answers not_found for another agency's realtor and for people who are not realtors", async () => {
      const { agency, admin, stranger } = await twoAgencies();
      const guest = await makeUser(em(), 'guest');
      const coAdmin = await makeUser(em(), 'super_admin', { agency });
      for (const target of [stranger, guest, coAdmin, admin]) {
        await expectRefusal(
          em(),
          () =>
            service().setRealtorStatus(em(), admin.actor, { realtorId: target.user.id, status: 'blocked' }),
          { code: 'not_found' },
        );
      }
      expect((await em().findOneOrFail(User, stranger.user.id)).status).toBe('active');
    });

    it('refuses a status outside active/blocked', async () => {
      const { agency, admin } = await twoAgencies();
      const realtor = await makeUser(em(), 'realtor', { agency });
      await expectRefusal(
        em(),
        () =>
          service().setRealtorStatus(em(), admin.actor, {
            realtorId: realtor.user.id,
            status: 'deleted' as 'active',
          }),
        { code: 'validation_failed' },
      );
    });
  });

  describe('metrics and bookingsPerDay', () => {
    /**
     * Agency «M» on 2026-12-01 (the test clock): realtors Ra (active) and Rb
     * (blocked); listings La1 (Ra, 4.5★), La2 (Ra, unpublished), Lb1 (Rb, 3.5★).
     */
    async function agencyWithHistory() {
      const { agency, admin, stranger } = await twoAgencies();
      const ra = await makeUser(em(), 'realtor', { agency, fullName: 'Ra' });
      const rb = await makeUser(em(), 'realtor', { agency, fullName: 'Rb', status: 'blocked' });
      const guest = (await makeUser(em(), 'guest')).user;
      const la1 = await makeListing(em(), ra.user, { title: 'La1', pricePerNight: 15_000 });
      const la2 = await makeListing(em(), ra.user, { title: 'La2', pricePerNight: 15_000, published: false });
      const lb1 = await makeListing(em(), rb.user, { title: 'Lb1', pricePerNight: 10_000 });
      await em().nativeUpdate(Listing, { id: la1.id }, { ratingAvg: 4.5, ratingCount: 2 });
      await em().nativeUpdate(Listing, { id: lb1.id }, { ratingAvg: 3.5, ratingCount: 1 });
      // 5 nights in the last 30 days, paid in November.
      await makeBooking(em(), {
        listing: la1,
        guest,
        checkIn: '2026-11-10',
        checkOut: '2026-11-15',
        status: 'completed',
        createdAt: almaty('2026-11-01T12:00:00'),
        paid: 75_000,
      });
      // 3 of its nights (28–30 Nov) are in the last 30 days; made and paid this month.
      await makeBooking(em(), {
        listing: la1,
        guest,
        checkIn: '2026-11-28',
        checkOut: '2026-12-03',
        status: 'confirmed',
        createdAt: almaty('2026-12-01T00:30:00'),
        paid: 75_000,
      });
      // Cancelled: no nights, no revenue (its payment was refunded).
      await makeBooking(em(), {
        listing: lb1,
        guest,
        checkIn: '2026-11-20',
        checkOut: '2026-11-25',
        status: 'cancelled',
        createdAt: almaty('2026-11-15T12:00:00'),
        paid: 50_000,
        paymentStatus: 'refunded',
      });
      // Pending, made this month, in the future.
      await makeBooking(em(), {
        listing: lb1,
        guest,
        checkIn: '2026-12-05',
        checkOut: '2026-12-07',
        status: 'pending',
        createdAt: almaty('2026-12-01T09:00:00'),
      });
      // 2 of its nights (1–2 Nov) are in the last 30 days; paid in October.
      await makeBooking(em(), {
        listing: la2,
        guest,
        checkIn: '2026-10-25',
        checkOut: '2026-11-03',
        status: 'completed',
        createdAt: almaty('2026-10-01T12:00:00'),
        paid: 135_000,
      });
      // Made one second before December began in Almaty.
      await makeBooking(em(), {
        listing: lb1,
        guest,
        checkIn: '2026-12-10',
        checkOut: '2026-12-12',
        status: 'cancelled',
        createdAt: almaty('2026-11-30T23:59:59'),
      });
      // Another agency's booking counts nowhere here.
      const strangerFlat = await makeListing(em(), stranger.user);
      await makeBooking(em(), {
        listing: strangerFlat,
        guest,
        checkIn: '2026-11-20',
        checkOut: '2026-11-29',
        status: 'completed',
        createdAt: almaty('2026-12-01T01:00:00'),
        paid: 999_000,
      });
      return { agency, admin, ra, la1, la2 };
    }

    it("reports this month's and all-time figures, occupancy, rating and the TOP lists", async () => {
      const { agency, admin, ra, la1, la2 } = await agencyWithHistory();
      const metrics = await service().metrics(em(), admin.actor);
      expect(metrics).toEqual({
        agency: { id: agency.id, name: agency.name, active: true },
        today: '2026-12-01',
        realtors: { active: 1, total: 2 },
        listings: { published: 2, total: 3 },
        thisMonth: {
          month: '2026-12',
          bookings: { pending: 1, confirmed: 1, cancelled: 0, completed: 0, total: 2 },
          revenue: 75_000,
        },
        allTime: {
          bookings: { pending: 1, confirmed: 1, cancelled: 2, completed: 2, total: 6 },
          revenue: 285_000,
        },
        occupancy: 10 / 90,
        averageRating: 4,
        topListings: [
          { listingId: la1.id, title: 'La1', realtorName: 'Ra', revenue: 150_000, bookings: 2 },
          { listingId: la2.id, title: 'La2', realtorName: 'Ra', revenue: 135_000, bookings: 1 },
        ],
        topRealtors: [{ realtorId: ra.user.id, fullName: 'Ra', revenue: 285_000, bookings: 3 }],
      });

      const november = await service().metrics(em(), admin.actor, { now: almaty('2026-11-20T12:00:00') });
      expect(november.thisMonth).toEqual({
        month: '2026-11',
        bookings: { pending: 0, confirmed: 0, cancelled: 2, completed: 1, total: 3 },
        revenue: 75_000,
      });
    });

    it('reports zeros and no rating for an agency with no history', async () => {
      const { admin } = await twoAgencies();
      const metrics = await service().metrics(em(), admin.actor);
      expect(metrics).toMatchObject({
        realtors: { active: 0, total: 0 },
        listings: { published: 0, total: 0 },
        allTime: { bookings: { total: 0 }, revenue: 0 },
        occupancy: 0,
        averageRating: null,
        topListings: [],
        topRealtors: [],
      });
    });

    it('counts bookings made per Almaty day, oldest first, zero days included', async () => {
      const { admin } = await agencyWithHistory();
      const days = await service().bookingsPerDay(em(), admin.actor);
      expect(days).toHaveLength(30);
      expect(days[0]).toEqual({ date: '2026-11-02', count: 0 });
      expect(days.at(-1)).toEqual({ date: '2026-12-01', count: 2 });
      expect(days.find((day) => day.date === '2026-11-30')).toEqual({ date: '2026-11-30', count: 1 });
      expect(days.find((day) => day.date === '2026-11-15')).toEqual({ date: '2026-11-15', count: 1 });
      expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(4);

      const week = await service().bookingsPerDay(em(), admin.actor, { days: 31 });
      expect(week[0]).toEqual({ date: '2026-11-01', count: 1 });
      await expect(service().bookingsPerDay(em(), admin.actor, { days: 0 })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });

  it('serves Super Admins only: a Superuser, who runs no agency, is forbidden', async () => {
    const { actor } = await makeUser(em(), 'superuser');
    await expect(service().listRealtors(em(), actor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service().metrics(em(), actor)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
