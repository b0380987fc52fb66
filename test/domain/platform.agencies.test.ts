import { beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { makeBooking } from '../support/admin.fixtures.ts';
import { expectRefusal } from '../support/assertions.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';

describe('platform service: agencies', () => {
  const suite = useTestDatabase();
  const em = suite.fork;
  const platform = () => suite.db.domain.platform;

  let superuser: Actor;
  beforeAll(async () => {
    superuser = (await makeUser(em(), 'superuser')).actor;
  });

  describe('createAgency', () => {
    it('creates an active agency with tidied fields', async () => {
      const agency = await platform().createAgency(em(), superuser, {
        name: '  Жилстрой  ',
        city: ' астана ',
        phone: '8 701 222 33 44',
        email: 'Office@Zhilstroy.KZ',
      });
      expect(agency).toMatchObject({
        name: 'Жилстрой',
        city: 'Астана',
        phone: '+77012223344',
        email: 'office@zhilstroy.kz',
        active: true,
      });
      expect(await em().findOneOrFail(Agency, agency.id)).toMatchObject({ name: 'Жилстрой', active: true });
    });

    it('refuses a name another agency has, in any case', async () => {
      await makeAgency(em(), { name: 'Дом Мечты' });
      const input = { city: 'Алматы', phone: '+77012223345', email: 'a@example.kz' };
      for (const name of ['Дом Мечты', 'ДОМ МЕЧТЫ']) {
        await expectRefusal(em(), () => platform().createAgency(em(), superuser, { ...input, name }), {
          code: 'already_exists',
          field: 'name',
        });
      }
    });

    it('refuses a name out of 2–100 characters, a bad phone and a bad email', async () => {
      const valid = { name: 'Годное', city: 'Алматы', phone: '+77012223346', email: 'ok@example.kz' };
      const cases = [
        [{ name: 'Я' }, 'name'],
        [{ name: 'Я'.repeat(101) }, 'name'],
        [{ phone: '+1 202 555 0100' }, 'phone'],
        [{ email: 'nope' }, 'email'],
        [{ city: ' ' }, 'city'],
      ] as const;
      for (const [change, field] of cases) {
        await expectRefusal(em(), () => platform().createAgency(em(), superuser, { ...valid, ...change }), {
          code: 'validation_failed',
          issues: [expect.objectContaining({ field })],
        });
      }
    });
  });

  describe('updateAgency', () => {
    it('changes only the given fields', async () => {
      const agency = await makeAgency(em(), { name: 'Старое имя', city: 'Алматы' });
      const updated = await platform().updateAgency(em(), superuser, {
        agencyId: agency.id,
        city: 'шымкент',
        phone: '+7 701 999 00 11',
      });
      expect(updated).toMatchObject({
        id: agency.id,
        name: 'Старое имя',
        city: 'Шымкент',
        phone: '+77019990011',
        email: agency.email,
      });
      // Keeping its own name (in another case) is no conflict.
      const renamed = await platform().updateAgency(em(), superuser, {
        agencyId: agency.id,
        name: 'СТАРОЕ ИМЯ',
      });
      expect(renamed.name).toBe('СТАРОЕ ИМЯ');
    });

    it("refuses another agency's name, an unknown agency and an empty change", async () => {
      const taken = await makeAgency(em());
      const agency = await makeAgency(em());
      await expectRefusal(
        em(),
        () => platform().updateAgency(em(), superuser, { agencyId: agency.id, name: taken.name }),
        { code: 'already_exists', field: 'name' },
      );
      await expectRefusal(
        em(),
        () => platform().updateAgency(em(), superuser, { agencyId: 999_999, city: 'Астана' }),
        { code: 'not_found' },
      );
      await expectRefusal(em(), () => platform().updateAgency(em(), superuser, { agencyId: agency.id }), {
        code: 'validation_failed',
      });
    });
  });

  describe('listAgencies and agencyDetails', () => {
    it('lists every agency by name with its realtor and listing counts', async () => {
      const aa = await makeAgency(em(), { name: 'АААА первое', city: 'Караганда' });
      await makeAgency(em(), { name: 'АААБ второе', active: false });
      const realtor = await makeUser(em(), 'realtor', { agency: aa });
      await makeUser(em(), 'realtor', { agency: aa, status: 'blocked' });
      const admin = await makeUser(em(), 'super_admin', { agency: aa });
      await makeListing(em(), realtor.user);
      await makeListing(em(), realtor.user, { published: false });
      await makeListing(em(), admin.user);

      const page = await platform().listAgencies(em(), superuser, { pageSize: 2 });
      expect(page.items).toEqual([
        {
          id: aa.id,
          name: 'АААА первое',
          city: 'Караганда',
          active: true,
          realtorsCount: 2,
          listingsCount: 3,
        },
        expect.objectContaining({ name: 'АААБ второе', active: false, realtorsCount: 0, listingsCount: 0 }),
      ]);
      expect(page.total).toBe(await em().count(Agency));
    });

    it('details an agency: counts, bookings by status, revenue of succeeded payments, contacts', async () => {
      const agency = await makeAgency(em(), { name: 'Подробное' });
      const admin = await makeUser(em(), 'super_admin', { agency, fullName: 'Айгерим Админ' });
      const realtor = await makeUser(em(), 'realtor', { agency });
      const guest = (await makeUser(em(), 'guest')).user;
      const flat = await makeListing(em(), realtor.user);
      await makeBooking(em(), {
        listing: flat,
        guest,
        checkIn: '2026-12-10',
        checkOut: '2026-12-12',
        paid: 30_000,
      });
      await makeBooking(em(), {
        listing: flat,
        guest,
        checkIn: '2026-12-12',
        checkOut: '2026-12-14',
        status: 'pending',
      });
      await makeBooking(em(), {
        listing: flat,
        guest,
        checkIn: '2026-12-20',
        checkOut: '2026-12-21',
        status: 'cancelled',
        paid: 15_000,
        paymentStatus: 'refunded',
      });

      const details = await platform().agencyDetails(em(), superuser, { agencyId: agency.id });
      expect(details).toMatchObject({
        id: agency.id,
        name: 'Подробное',
        phone: agency.phone,
        email: agency.email,
        active: true,
        realtors: { active: 1, total: 1 },
        listings: { published: 1, total: 1 },
        bookings: { pending: 1, confirmed: 1, cancelled: 1, completed: 0, total: 3 },
        revenue: 30_000,
        superAdmins: [
          {
            id: admin.user.id,
            fullName: 'Айгерим Админ',
            email: admin.user.email,
            phone: admin.user.phone,
            status: 'active',
          },
        ],
      });
      await expect(platform().agencyDetails(em(), superuser, { agencyId: 999_999 })).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });

  describe('setAgencyActive', () => {
    it('deactivates and reactivates; a repeated press is invalid_state', async () => {
      const agency = await makeAgency(em());
      expect(
        await platform().setAgencyActive(em(), superuser, { agencyId: agency.id, active: false }),
      ).toMatchObject({ id: agency.id, active: false });
      await expectRefusal(
        em(),
        () => platform().setAgencyActive(em(), superuser, { agencyId: agency.id, active: false }),
        { code: 'invalid_state', currentState: 'inactive' },
      );
      await platform().setAgencyActive(em(), superuser, { agencyId: agency.id, active: true });
      expect((await em().findOneOrFail(Agency, agency.id)).active).toBe(true);
      await expectRefusal(
        em(),
        () => platform().setAgencyActive(em(), superuser, { agencyId: 999_999, active: true }),
        { code: 'not_found' },
      );
    });
  });

  describe('findAgencies', () => {
    it('finds by exact id when the query is a number', async () => {
      const agency = await makeAgency(em());
      expect(await platform().findAgencies(em(), superuser, { query: ` ${agency.id} ` })).toEqual([
        { id: agency.id, name: agency.name, city: agency.city, active: true },
      ]);
      expect(await platform().findAgencies(em(), superuser, { query: '99999999999' })).toEqual([]);
    });

    it('finds by part of the name or city, ignoring case and ё, inactive ones too, by name', async () => {
      const tree = await makeAgency(em(), { name: 'Ёлочка Риэлти', city: 'Алматы', active: false });
      const north = await makeAgency(em(), { name: 'Северное Жильё', city: 'Петропавловск' });
      const byName = await platform().findAgencies(em(), superuser, { query: 'ЕЛОЧ' });
      expect(byName.map((agency) => agency.id)).toEqual([tree.id]);
      expect(byName[0]?.active).toBe(false);
      expect((await platform().findAgencies(em(), superuser, { query: 'жилье' })).map((a) => a.id)).toEqual([
        north.id,
      ]);
      expect(
        (await platform().findAgencies(em(), superuser, { query: 'петропав' })).map((a) => a.id),
      ).toEqual([north.id]);
      // LIKE wildcards typed by the user match literally.
      expect(await platform().findAgencies(em(), superuser, { query: '%' })).toEqual([]);
    });

    it('returns at most 50 matches, sorted by name', async () => {
      const fork = em();
      for (let n = 0; n < 55; n++) {
        fork.create(Agency, {
          name: `Зеркало ${String(n).padStart(2, '0')}`,
          city: 'Актобе',
          phone: '+77010000000',
          email: `mirror${n}@example.kz`,
          active: true,
        });
      }
      await fork.flush();
      const found = await platform().findAgencies(em(), superuser, { query: 'зеркало' });
      expect(found).toHaveLength(50);
      expect(found[0]?.name).toBe('Зеркало 00');
      expect(found.at(-1)?.name).toBe('Зеркало 49');
      await expect(platform().findAgencies(em(), superuser, { query: '   ' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });
});
