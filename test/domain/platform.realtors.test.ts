import { beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { expectRefusal, notificationsOf } from '../support/assertions.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeUser } from '../support/fixtures.ts';

describe('platform service: realtors', () => {
  const suite = useTestDatabase();
  const em = suite.fork;
  const platform = () => suite.db.domain.platform;

  let superuser: Actor;
  beforeAll(async () => {
    superuser = (await makeUser(em(), 'superuser')).actor;
  });

  /** A realtor in agency «from» and an agency «to», each with an active Super Admin. */
  async function realtorAndTwoAgencies() {
    const from = await makeAgency(em());
    const to = await makeAgency(em());
    const fromAdmin = await makeUser(em(), 'super_admin', { agency: from });
    const toAdmin = await makeUser(em(), 'super_admin', { agency: to });
    const realtor = await makeUser(em(), 'realtor', { agency: from });
    return { from, to, fromAdmin, toAdmin, realtor };
  }

  it('lists every realtor of the platform by name, with agency and status, and nobody else', async () => {
    const agency = await makeAgency(em(), { name: 'Список' });
    const anna = await makeUser(em(), 'realtor', { agency, fullName: 'ААА Анна' });
    const boris = await makeUser(em(), 'realtor', { agency: null, fullName: 'ААБ Борис', status: 'blocked' });
    await makeUser(em(), 'super_admin', { agency, fullName: 'ААА Админ' });
    await makeUser(em(), 'guest', { fullName: 'ААА Гость' });
    const page = await platform().listRealtors(em(), superuser, { pageSize: 2 });
    expect(page.items).toEqual([
      {
        id: anna.user.id,
        fullName: 'ААА Анна',
        email: anna.user.email,
        phone: anna.user.phone,
        status: 'active',
        agency: { id: agency.id, name: 'Список' },
      },
      {
        id: boris.user.id,
        fullName: 'ААБ Борис',
        email: boris.user.email,
        phone: boris.user.phone,
        status: 'blocked',
        agency: null,
      },
    ]);
    expect(page.total).toBe(await em().count(User, { role: 'realtor' }));
  });

  describe('changeRealtorAgency', () => {
    it('moves the realtor and tells them and the Super Admins of both agencies', async () => {
      const { from, to, fromAdmin, toAdmin, realtor } = await realtorAndTwoAgencies();
      const moved = await platform().changeRealtorAgency(em(), superuser, {
        realtorId: realtor.user.id,
        agencyId: to.id,
      });
      expect(moved).toMatchObject({ id: realtor.user.id, agency: { id: to.id, name: to.name } });
      const change = {
        realtorId: realtor.user.id,
        realtorName: realtor.user.fullName,
        fromAgency: from.name,
        toAgency: to.name,
        role: 'realtor',
      };
      for (const userId of [realtor.user.id, fromAdmin.user.id, toAdmin.user.id]) {
        expect(await notificationsOf(em(), userId)).toEqual([['agency_changed', change]]);
      }
    });

    it('refuses the agency the realtor is in, an unknown agency, and anyone who is not a realtor', async () => {
      const { from, to, fromAdmin, realtor } = await realtorAndTwoAgencies();
      await expectRefusal(
        em(),
        () =>
          platform().changeRealtorAgency(em(), superuser, { realtorId: realtor.user.id, agencyId: from.id }),
        { code: 'invalid_state' },
      );
      await expectRefusal(
        em(),
        () =>
          platform().changeRealtorAgency(em(), superuser, { realtorId: realtor.user.id, agencyId: 999_999 }),
        { code: 'not_found', entity: 'agency' },
      );
      const guest = await makeUser(em(), 'guest');
      for (const target of [guest.user.id, fromAdmin.user.id, 999_999]) {
        await expectRefusal(
          em(),
          () => platform().changeRealtorAgency(em(), superuser, { realtorId: target, agencyId: to.id }),
          { code: 'not_found', entity: 'realtor' },
        );
      }
    });

    it('gives a realtor without an agency one', async () => {
      const agency = await makeAgency(em());
      const admin = await makeUser(em(), 'super_admin', { agency });
      const realtor = await makeUser(em(), 'realtor', { agency: null });
      await platform().changeRealtorAgency(em(), superuser, {
        realtorId: realtor.user.id,
        agencyId: agency.id,
      });
      expect(await notificationsOf(em(), admin.user.id)).toEqual([
        [
          'agency_changed',
          {
            realtorId: realtor.user.id,
            realtorName: realtor.user.fullName,
            fromAgency: null,
            toAgency: agency.name,
            role: 'realtor',
          },
        ],
      ]);
    });
  });

  describe('removeRealtorAgency', () => {
    it('detaches the realtor and tells them and the old agency; a second press is invalid_state', async () => {
      const { from, fromAdmin, toAdmin, realtor } = await realtorAndTwoAgencies();
      const detached = await platform().removeRealtorAgency(em(), superuser, { realtorId: realtor.user.id });
      expect(detached).toMatchObject({ id: realtor.user.id, agency: null });
      const change = {
        realtorId: realtor.user.id,
        realtorName: realtor.user.fullName,
        fromAgency: from.name,
        toAgency: null,
        role: 'realtor',
      };
      expect(await notificationsOf(em(), realtor.user.id)).toEqual([['agency_changed', change]]);
      expect(await notificationsOf(em(), fromAdmin.user.id)).toEqual([['agency_changed', change]]);
      expect(await notificationsOf(em(), toAdmin.user.id)).toEqual([]);
      await expectRefusal(
        em(),
        () => platform().removeRealtorAgency(em(), superuser, { realtorId: realtor.user.id }),
        { code: 'invalid_state' },
      );
      await expectRefusal(
        em(),
        () => platform().removeRealtorAgency(em(), superuser, { realtorId: fromAdmin.user.id }),
        { code: 'not_found' },
      );
    });
  });

  describe('setRealtorStatus', () => {
    it('blocks and unblocks a realtor, telling them; refuses a repeat and non-realtors', async () => {
      const { realtor, fromAdmin } = await realtorAndTwoAgencies();
      expect(
        await platform().setRealtorStatus(em(), superuser, { realtorId: realtor.user.id, status: 'blocked' }),
      ).toMatchObject({ id: realtor.user.id, status: 'blocked' });
      await expectRefusal(
        em(),
        () => platform().setRealtorStatus(em(), superuser, { realtorId: realtor.user.id, status: 'blocked' }),
        { code: 'invalid_state' },
      );
      await platform().setRealtorStatus(em(), superuser, { realtorId: realtor.user.id, status: 'active' });
      expect(await notificationsOf(em(), realtor.user.id)).toEqual([
        ['status_changed', { status: 'blocked', role: 'realtor' }],
        ['status_changed', { status: 'active', role: 'realtor' }],
      ]);
      await expectRefusal(
        em(),
        () =>
          platform().setRealtorStatus(em(), superuser, { realtorId: fromAdmin.user.id, status: 'blocked' }),
        { code: 'not_found' },
      );
    });
  });
});
