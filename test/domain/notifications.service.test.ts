import { describe, expect, it } from 'vitest';
import { Notification } from '../../src/db/entities/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeUser } from '../support/fixtures.ts';

describe('notifications service', () => {
  const suite = useTestDatabase();

  async function notifyTwice(userId: number) {
    await suite.fork().transactional(async (em) => {
      await suite.db.domain.deps.notifier.notify(em, userId, 'status_changed', { status: 'active' });
      await suite.db.domain.deps.notifier.notify(em, userId, 'role_changed', {
        role: 'realtor',
        agencyName: 'Дом',
      });
    });
  }

  it('lists unread notifications newest first and counts them', async () => {
    const { actor } = await makeUser(suite.fork());
    await notifyTwice(actor.id);
    const page = await suite.db.domain.notifications.listUnread(suite.fork(), actor, { pageSize: 1 });
    expect(page.total).toBe(2);
    expect(page.pages).toBe(2);
    expect(page.items[0]?.kind).toBe('role_changed');
    expect(await suite.db.domain.notifications.unreadCount(suite.fork(), actor)).toBe(2);
  });

  it('queues a Telegram push for every notification, in the same transaction', async () => {
    const { actor } = await makeUser(suite.fork());
    await expect(
      suite.fork().transactional(async (em) => {
        await suite.db.domain.deps.notifier.notify(em, actor.id, 'status_changed', { status: 'blocked' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await suite.fork().count(Notification, { user: actor.id })).toBe(0);

    const pushed: number[] = [];
    suite.db.jobs.handle('notification.push', async ({ notificationId }) => {
      pushed.push(notificationId);
    });
    await notifyTwice(actor.id);
    const result = await suite.db.jobs.runAvailable('notification.push');
    expect(result.failed).toBe(0);
    const ids = (await suite.fork().find(Notification, { user: actor.id })).map((n) => n.id);
    expect(pushed).toEqual(expect.arrayContaining(ids));
  });

  it('marks one and then all read, only for their owner', async () => {
    const { actor } = await makeUser(suite.fork());
    const { actor: stranger } = await makeUser(suite.fork());
    await notifyTwice(actor.id);
    const [first] = (await suite.db.domain.notifications.listUnread(suite.fork(), actor)).items;
    await expect(
      suite.db.domain.notifications.markRead(suite.fork(), stranger, { notificationId: first!.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await suite.db.domain.notifications.markRead(suite.fork(), actor, { notificationId: first!.id });
    await suite.db.domain.notifications.markRead(suite.fork(), actor, { notificationId: first!.id });
    expect(await suite.db.domain.notifications.unreadCount(suite.fork(), actor)).toBe(1);
    expect(await suite.db.domain.notifications.markAllRead(suite.fork(), actor)).toBe(1);
    expect(await suite.db.domain.notifications.unreadCount(suite.fork(), actor)).toBe(0);
  });

  it('refuses blocked users and people without an account', async () => {
    const { actor } = await makeUser(suite.fork(), 'guest', { status: 'blocked' });
    await expect(suite.db.domain.notifications.listUnread(suite.fork(), actor)).rejects.toMatchObject({
      code: 'account_blocked',
    });
    await expect(suite.db.domain.notifications.unreadCount(suite.fork(), null)).rejects.toMatchObject({
      code: 'account_required',
    });
  });
});
