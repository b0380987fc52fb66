import { beforeAll, describe, expect, it } from 'vitest';
import { TelegramProfile, User } from '../../src/db/entities/index.ts';
import { type Actor, loadActor } from '../../src/domain/actor.ts';
import { expectRefusal, notificationsOf } from '../support/assertions.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeUser } from '../support/fixtures.ts';

describe('platform service: users', () => {
  const suite = useTestDatabase();
  const em = suite.fork;
  const platform = () => suite.db.domain.platform;

  let superuser: Actor;
  beforeAll(async () => {
    superuser = (await makeUser(em(), 'superuser')).actor;
  });

  /** Leaves `keep` the only active Superuser (blocks the others directly in the table). */
  async function onlyActiveSuperuser(keep: number) {
    await em().nativeUpdate(
      User,
      { role: 'superuser', status: 'active', id: { $ne: keep } },
      { status: 'blocked' },
    );
  }

  describe('findUser', () => {
    it('finds by email in any case and by phone in any common format', async () => {
      const agency = await makeAgency(em(), { name: 'Карточка' });
      const { user } = await makeUser(em(), 'realtor', { agency, email: 'card.owner@example.kz' });
      const profile = em();
      profile.create(TelegramProfile, { telegramId: 5_550_001, chatId: 5_550_001, user: user.id });
      await profile.flush();
      const local = user.phone.slice(2); // 701xxxxxxx
      const queries = [
        'CARD.Owner@Example.kz',
        user.phone,
        `8 ${local.slice(0, 3)} ${local.slice(3, 6)} ${local.slice(6, 8)} ${local.slice(8)}`,
        `+7 (${local.slice(0, 3)}) ${local.slice(3, 6)}-${local.slice(6, 8)}-${local.slice(8)}`,
        local,
      ];
      for (const query of queries) {
        expect(await platform().findUser(em(), superuser, { query })).toEqual({
          id: user.id,
          fullName: user.fullName,
          email: 'card.owner@example.kz',
          phone: user.phone,
          role: 'realtor',
          status: 'active',
          agency: { id: agency.id, name: 'Карточка' },
          telegramLinked: true,
          createdAt: user.createdAt,
        });
      }
      const guest = await makeUser(em(), 'guest');
      expect(await platform().findUser(em(), superuser, { query: guest.user.email })).toMatchObject({
        agency: null,
        telegramLinked: false,
      });
    });

    it('answers not_found for an unknown contact and validation_failed for neither email nor phone', async () => {
      await expect(
        platform().findUser(em(), superuser, { query: 'nobody@example.kz' }),
      ).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(platform().findUser(em(), superuser, { query: '+7 701 000 00 00' })).rejects.toMatchObject(
        {
          code: 'not_found',
        },
      );
      for (const query of ['Иван', 'a@b', '12345']) {
        await expect(platform().findUser(em(), superuser, { query })).rejects.toMatchObject({
          code: 'validation_failed',
          issues: [expect.objectContaining({ field: 'query' })],
        });
      }
    });
  });

  it('lists recent users newest first', async () => {
    const first = await makeUser(em(), 'guest');
    const second = await makeUser(em(), 'guest');
    const page = await platform().recentUsers(em(), superuser, { pageSize: 2 });
    expect(page.items.map((item) => item.id)).toEqual([second.user.id, first.user.id]);
    expect(page.total).toBe(await em().count(User));
  });

  describe('setRole', () => {
    it('makes a guest a realtor of the given agency and tells them and its active Super Admins', async () => {
      const agency = await makeAgency(em(), { name: 'Приёмная' });
      const admin = await makeUser(em(), 'super_admin', { agency });
      const blockedAdmin = await makeUser(em(), 'super_admin', { agency, status: 'blocked' });
      const { user } = await makeUser(em(), 'guest', { fullName: 'Новичок' });
      const card = await platform().setRole(em(), superuser, {
        userId: user.id,
        role: 'realtor',
        agencyId: agency.id,
      });
      expect(card).toMatchObject({
        id: user.id,
        role: 'realtor',
        agency: { id: agency.id, name: 'Приёмная' },
      });
      expect(await notificationsOf(em(), user.id)).toEqual([
        ['role_changed', { role: 'realtor', agencyName: 'Приёмная' }],
      ]);
      expect(await notificationsOf(em(), admin.user.id)).toEqual([
        [
          'agency_changed',
          {
            realtorId: user.id,
            realtorName: 'Новичок',
            fromAgency: null,
            toAgency: 'Приёмная',
            role: 'realtor',
          },
        ],
      ]);
      expect(await notificationsOf(em(), blockedAdmin.user.id)).toEqual([]);
    });

    it("keeps the user's agency when none is given, and says nothing to the agency", async () => {
      const agency = await makeAgency(em());
      const admin = await makeUser(em(), 'super_admin', { agency });
      const { user } = await makeUser(em(), 'realtor', { agency });
      const card = await platform().setRole(em(), superuser, { userId: user.id, role: 'super_admin' });
      expect(card).toMatchObject({ role: 'super_admin', agency: { id: agency.id } });
      expect(await notificationsOf(em(), user.id)).toEqual([
        ['role_changed', { role: 'super_admin', agencyName: agency.name }],
      ]);
      expect(await notificationsOf(em(), admin.user.id)).toEqual([]);
    });

    it('moves a realtor between agencies, telling the Super Admins of both', async () => {
      const from = await makeAgency(em());
      const to = await makeAgency(em());
      const fromAdmin = await makeUser(em(), 'super_admin', { agency: from });
      const toAdmin = await makeUser(em(), 'super_admin', { agency: to });
      const { user } = await makeUser(em(), 'realtor', { agency: from });
      await platform().setRole(em(), superuser, { userId: user.id, role: 'super_admin', agencyId: to.id });
      const change = {
        realtorId: user.id,
        realtorName: user.fullName,
        fromAgency: from.name,
        toAgency: to.name,
        role: 'super_admin',
      };
      expect(await notificationsOf(em(), fromAdmin.user.id)).toEqual([['agency_changed', change]]);
      expect(await notificationsOf(em(), toAdmin.user.id)).toEqual([['agency_changed', change]]);
    });

    it('detaches the agency of a user made guest or Superuser', async () => {
      const agency = await makeAgency(em());
      const admin = await makeUser(em(), 'super_admin', { agency });
      const realtor = await makeUser(em(), 'realtor', { agency });
      const promoted = await makeUser(em(), 'realtor', { agency });
      expect(
        await platform().setRole(em(), superuser, { userId: realtor.user.id, role: 'guest' }),
      ).toMatchObject({
        role: 'guest',
        agency: null,
      });
      expect(
        await platform().setRole(em(), superuser, { userId: promoted.user.id, role: 'superuser' }),
      ).toMatchObject({ role: 'superuser', agency: null });
      expect(await notificationsOf(em(), realtor.user.id)).toEqual([
        ['role_changed', { role: 'guest', agencyName: null }],
      ]);
      expect(
        (await notificationsOf(em(), admin.user.id)).map(([kind, data]) => [
          kind,
          (data as { toAgency: null }).toAgency,
        ]),
      ).toEqual([
        ['agency_changed', null],
        ['agency_changed', null],
      ]);
    });

    it('tells the agency a Super Admin left it as a Super Admin, not a realtor', async () => {
      const agency = await makeAgency(em());
      const admin = await makeUser(em(), 'super_admin', { agency });
      const leaving = await makeUser(em(), 'super_admin', { agency, fullName: 'Олжас' });
      await platform().setRole(em(), superuser, { userId: leaving.user.id, role: 'guest' });
      expect(await notificationsOf(em(), admin.user.id)).toEqual([
        [
          'agency_changed',
          {
            realtorId: leaving.user.id,
            realtorName: 'Олжас',
            fromAgency: agency.name,
            toAgency: null,
            role: 'super_admin',
          },
        ],
      ]);
    });

    it('refuses a realtor or Super Admin without any agency, and an agency for a guest', async () => {
      const { user } = await makeUser(em(), 'guest');
      for (const role of ['realtor', 'super_admin'] as const) {
        await expectRefusal(em(), () => platform().setRole(em(), superuser, { userId: user.id, role }), {
          code: 'validation_failed',
          issues: [expect.objectContaining({ field: 'agencyId' })],
        });
      }
      const agency = await makeAgency(em());
      await expectRefusal(
        em(),
        () => platform().setRole(em(), superuser, { userId: user.id, role: 'guest', agencyId: agency.id }),
        {
          code: 'validation_failed',
          issues: [expect.objectContaining({ field: 'agencyId' })],
        },
      );
    });

    it('refuses an unknown user or agency, a role that does not exist, and a change that changes nothing', async () => {
      const { user } = await makeUser(em(), 'guest');
      await expectRefusal(
        em(),
        () => platform().setRole(em(), superuser, { userId: 999_999, role: 'guest' }),
        { code: 'not_found', entity: 'user' },
      );
      await expectRefusal(
        em(),
        () => platform().setRole(em(), superuser, { userId: user.id, role: 'realtor', agencyId: 999_999 }),
        { code: 'not_found', entity: 'agency' },
      );
      await expectRefusal(
        em(),
        () => platform().setRole(em(), superuser, { userId: user.id, role: 'admin' as 'guest' }),
        { code: 'validation_failed' },
      );
      await expectRefusal(
        em(),
        () => platform().setRole(em(), superuser, { userId: user.id, role: 'guest' }),
        { code: 'invalid_state' },
      );
    });

    it('refuses demoting the last active Superuser, even oneself; a second one makes it possible', async () => {
      await onlyActiveSuperuser(superuser.id);
      await makeUser(em(), 'superuser', { status: 'blocked' });
      await expectRefusal(
        em(),
        () => platform().setRole(em(), superuser, { userId: superuser.id, role: 'guest' }),
        { code: 'last_superuser' },
      );
      const second = await makeUser(em(), 'superuser');
      await platform().setRole(em(), superuser, { userId: second.user.id, role: 'guest' });
      await expectRefusal(
        em(),
        () => platform().setRole(em(), superuser, { userId: superuser.id, role: 'guest' }),
        { code: 'last_superuser' },
      );
      const third = await makeUser(em(), 'superuser');
      const demoted = await platform().setRole(em(), third.actor, { userId: superuser.id, role: 'guest' });
      expect(demoted.role).toBe('guest');
      // Restore the suite's Superuser.
      await platform().setRole(em(), third.actor, { userId: superuser.id, role: 'superuser' });
    });

    it('lets only one of two Superusers demoting each other at once succeed', async () => {
      await onlyActiveSuperuser(superuser.id);
      const other = await makeUser(em(), 'superuser');
      const results = await Promise.allSettled([
        platform().setRole(em(), superuser, { userId: other.user.id, role: 'guest' }),
        platform().setRole(em(), other.actor, { userId: superuser.id, role: 'guest' }),
      ]);
      const refused = results.filter((result) => result.status === 'rejected');
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'last_superuser' });
      expect(await em().count(User, { role: 'superuser', status: 'active' })).toBe(1);
      const survivor = await em().findOneOrFail(User, { role: 'superuser', status: 'active' });
      if (survivor.id !== superuser.id) {
        const restorer = await loadActor(em(), survivor.id);
        await platform().setRole(em(), restorer, { userId: superuser.id, role: 'superuser' });
      }
    });
  });

  describe('setUserStatus', () => {
    it('blocks and unblocks a user, telling them each time; a repeated press is invalid_state', async () => {
      const { user } = await makeUser(em(), 'guest');
      expect(
        await platform().setUserStatus(em(), superuser, { userId: user.id, status: 'blocked' }),
      ).toMatchObject({
        id: user.id,
        status: 'blocked',
      });
      await expectRefusal(
        em(),
        () => platform().setUserStatus(em(), superuser, { userId: user.id, status: 'blocked' }),
        { code: 'invalid_state' },
      );
      await platform().setUserStatus(em(), superuser, { userId: user.id, status: 'active' });
      expect(await notificationsOf(em(), user.id)).toEqual([
        ['status_changed', { status: 'blocked', role: 'guest' }],
        ['status_changed', { status: 'active', role: 'guest' }],
      ]);
    });

    it('refuses blocking the last active Superuser and an unknown user', async () => {
      await onlyActiveSuperuser(superuser.id);
      await expectRefusal(
        em(),
        () => platform().setUserStatus(em(), superuser, { userId: superuser.id, status: 'blocked' }),
        { code: 'last_superuser' },
      );
      await expectRefusal(
        em(),
        () => platform().setUserStatus(em(), superuser, { userId: 999_999, status: 'blocked' }),
        { code: 'not_found' },
      );
      const other = await makeUser(em(), 'superuser');
      await platform().setUserStatus(em(), other.actor, { userId: superuser.id, status: 'blocked' });
      await platform().setUserStatus(em(), other.actor, { userId: superuser.id, status: 'active' });
    });
  });
});
