import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notification } from '../../src/db/entities/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { makeUser } from '../support/fixtures.ts';

describe('notifications service', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function notifyTwice(userId: number) {
    await db.orm.em.fork().transactional(async (em) => {
      await db.domain.deps.notifier.notify(em, userId, 'status_changed', { status: 'active' });
      await db.domain.deps.notifier.notify(em, userId, 'role_changed', {
        role: 'realtor',
        agencyName: 'Дом',
      });
    });
  }

  it('lists unread notifications newest first and counts them', async () => {
    const { actor } = await makeUser(db.orm.em.fork());
    await notifyTwice(actor.id);
    const page = await db.domain.notifications.listUnread(db.orm.em.fork(), actor, { pageSize: 1 });
    expect(page.total).toBe(2);
    expect(page.pages).toBe(2);
    expect(page.items[0]?.kind).toBe('role_changed');
    expect(await db.domain.notifications.unreadCount(db.orm.em.fork(), actor)).toBe(2);
  });

  it('queues a Telegram push for every notification, in the same transaction', async () => {
    const { actor } = await makeUser(db.orm.em.fork());
    await expect(
      db.orm.em.fork().transactional(async (em) => {
        await db.domain.deps.notifier.notify(em, actor.id, 'status_changed', { status: 'blocked' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.orm.em.fork().count(Notification, { user: actor.id })).toBe(0);

    const pushed: number[] = [];
    db.jobs.handle('notification.push', async ({ notificationId }) => {
      pushed.push(notificationId);
    });
    await notifyTwice(actor.id);
    const result = await db.jobs.runAvailable('notification.push');
    expect(result.failed).toBe(0);
    const ids = (await db.orm.em.fork().find(Notification, { user: actor.id })).map((n) => n.id);
    expect(pushed).toEqual(expect.arrayContaining(ids));
  });

  it('marks one and then all read, only for their owner', async () => {
    const { actor } = await makeUser(db.orm.em.fork());
    const { actor: stranger } = await makeUser(db.orm.em.fork());
    await notifyTwice(actor.id);
    const [first] = (await db.domain.notifications.listUnread(db.orm.em.fork(), actor)).items;
    await expect(
      db.domain.notifications.markRead(db.orm.em.fork(), stranger, { notificationId: first!.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await db.domain.notifications.markRead(db.orm.em.fork(), actor, { notificationId: first!.id });
    await db.domain.notifications.markRead(db.orm.em.fork(), actor, { notificationId: first!.id });
    expect(await db.domain.notifications.unreadCount(db.orm.em.fork(), actor)).toBe(1);
    expect(await db.domain.notifications.markAllRead(db.orm.em.fork(), actor)).toBe(1);
    expect(await db.domain.notifications.unreadCount(db.orm.em.fork(), actor)).toBe(0);
  });

  it('refuses blocked users and people without an account', async () => {
    const { actor } = await makeUser(db.orm.em.fork(), 'guest', { status: 'blocked' });
    await expect(db.domain.notifications.listUnread(db.orm.em.fork(), actor)).rejects.toMatchObject({
      code: 'account_blocked',
    });
    await expect(db.domain.notifications.unreadCount(db.orm.em.fork(), null)).rejects.toMatchObject({
      code: 'account_required',
    });
  });
});
