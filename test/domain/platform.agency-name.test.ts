import { beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { expectRefusal } from '../support/assertions.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeUser } from '../support/fixtures.ts';

describe('platform service: an agency name taken, changes inside the caller’s transaction', () => {
  const suite = useTestDatabase();
  const em = suite.fork;
  const platform = () => suite.db.domain.platform;

  let superuser: Actor;
  let dom: Agency;
  beforeAll(async () => {
    superuser = (await makeUser(em(), 'superuser')).actor;
    dom = await makeAgency(em(), { name: 'Дом Мечты' });
  });

  it('agencyNameTaken: another agency’s name in any case and spacing is taken; a new one or its own is free', async () => {
    for (const name of ['Дом Мечты', '  дом мечты ', 'ДОМ МЕЧТЫ']) {
      expect(await platform().agencyNameTaken(em(), superuser, { name }), name).toBe(true);
    }
    expect(await platform().agencyNameTaken(em(), superuser, { name: 'Дом Мечты 2' })).toBe(false);
    expect(await platform().agencyNameTaken(em(), superuser, { name: 'дом мечты', exceptId: dom.id })).toBe(
      false,
    );
  });

  it('agencyNameTaken: only for an active Superuser, and only a name of 2–100 characters', async () => {
    const admin = (await makeUser(em(), 'super_admin')).actor;
    await expectRefusal(em(), () => platform().agencyNameTaken(em(), admin, { name: 'Дом Мечты' }), {
      code: 'forbidden',
    });
    await expectRefusal(em(), () => platform().agencyNameTaken(em(), superuser, { name: 'Я' }), {
      code: 'validation_failed',
      issues: [expect.objectContaining({ field: 'name' })],
    });
  });

  it('setAgencyActive inside an open transaction (as the bot calls it) answers with the change it made', async () => {
    const agency = await makeAgency(em(), { name: 'Транзакция' });
    const view = await em().transactional((tx) =>
      platform().setAgencyActive(tx, superuser, { agencyId: agency.id, active: false }),
    );
    expect(view).toMatchObject({ id: agency.id, active: false });
    expect((await em().findOneOrFail(Agency, agency.id)).active).toBe(false);
  });

  it('setUserStatus inside an open transaction answers with the card as it now is', async () => {
    const guest = await makeUser(em(), 'guest');
    const card = await em().transactional((tx) =>
      platform().setUserStatus(tx, superuser, { userId: guest.user.id, status: 'blocked' }),
    );
    expect(card).toMatchObject({ id: guest.user.id, status: 'blocked' });
  });
});
