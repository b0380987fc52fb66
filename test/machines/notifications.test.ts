import { beforeEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { notificationsFlow } from '../../src/bot/views/notifications.view.ts';
import { NotFound, RateLimited } from '../../src/domain/errors.ts';
import { type NotificationItem, notificationsMachine } from '../../src/machines/notifications.machine.ts';
import type { ActorScript } from '../support/flows.ts';
import { type FlowChat, scriptedChat } from '../support/machine-harness.ts';
import { listPage } from '../support/pages.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

const ref = {
  bookingId: 9,
  listingId: 3,
  listingTitle: 'Студия у Байтерека',
  checkIn: '2026-12-10',
  checkOut: '2026-12-12',
};
const confirmed = (id: number): NotificationItem => ({
  id,
  kind: 'booking_confirmed',
  data: { ...ref, by: 'realtor', total: 36_000 },
  // 14:05 in Almaty (UTC+5).
  createdAt: '2026-12-01T09:05:00.000Z',
});
const completed = (id: number): NotificationItem => ({
  id,
  kind: 'booking_completed',
  data: ref,
  createdAt: '2026-11-30T04:00:00.000Z',
});

let script: ActorScript;
let chat: FlowChat;

beforeEach(() => {
  ({ script, chat } = scriptedChat(notificationsMachine, notificationsFlow, [
    'loadUnread',
    'markRead',
    'markAllRead',
  ]));
});

/** Opens the list: 2 of 7 unread on the first page. */
async function openList(): Promise<void> {
  script.resolve(listPage([confirmed(12), completed(11)], 1, 7));
  await chat.start();
  expect(chat.state).toBe('list');
}

describe('notifications: the unread list', () => {
  it('shows each notification with the push text, its time and a «Прочитано» button, in one inline message', async () => {
    await openList();
    expect(script.inputsOf('loadUnread')).toEqual([{ page: 1 }]);
    expect(chat.messages()).toHaveLength(1);
    expect(chat.messages()[0]?.reply).toBeUndefined();
    expect(chat.text()).toBe(
      [
        '🔔 7 непрочитанных уведомлений · стр. 1 из 2',
        `1. 🕑 01.12, 14:05\n${ru.notifications.booking_confirmed({ ...ref, by: 'realtor' })}`,
        `2. 🕑 30.11, 09:00\n${ru.notifications.booking_completed(ref)}`,
      ].join('\n\n'),
    );
    expect(chat.buttons()).toEqual([
      ['1 · Прочитано → read:12', '2 · Прочитано → read:11'],
      ['▶️ → page:2'],
      ['✅ Отметить все прочитанными → readall:0'],
      ['✖️ Закрыть → close:0'],
    ]);
    expect(chat.text('en')).toContain('🔔 7 unread notifications · page 1 of 2');
    expect(chat.text('en')).toContain(en.notifications.booking_completed(ref));
  });

  it('says «Новое уведомление» for a kind it has no text for', async () => {
    script.resolve(
      listPage([{ id: 1, kind: 'from_the_future', data: {}, createdAt: '2026-12-01T09:05:00.000Z' }]),
    );
    await chat.start();
    expect(chat.text()).toContain(`1. 🕑 01.12, 14:05\n${ru.notificationsList.other}`);
  });

  it('pages on, numbering on from the first page', async () => {
    await openList();
    script.resolve(listPage([completed(3), completed(2)], 2, 7));
    await chat.send({ type: 'cb.page', id: 2 });
    expect(script.inputsOf('loadUnread')).toEqual([{ page: 1 }, { page: 2 }]);
    expect(chat.text()).toContain('6. 🕑');
    expect(chat.buttons()[0]).toEqual(['6 · Прочитано → read:3', '7 · Прочитано → read:2']);
    expect(chat.buttons()[1]).toEqual(['◀️ → page:1']);
  });

  it('ends at once when nothing is unread', async () => {
    script.resolve(listPage([], 1, 0));
    await chat.start();
    expect(chat.output).toEqual({ outcome: 'empty', read: 0 });
    expect(chat.finish()).toBe(ru.notificationsList.empty);
  });

  it('keeps the list on typed text, pointing at the buttons', async () => {
    await openList();
    await chat.send({ type: 'TEXT', text: 'прочитал' });
    expect(chat.state).toBe('list');
    expect(chat.text()).toContain(`⚠️ ${ru.notificationsList.useButtons}`);
    expect(script.calls).toHaveLength(1);
  });

  it('ends saying what went wrong when the list cannot be loaded', async () => {
    script.reject(new RateLimited(5));
    await chat.start();
    expect(chat.finish()).toBe(ru.errors.rate_limited);
  });
});

describe('notifications: marking read', () => {
  it('marks one read and refreshes the same page', async () => {
    await openList();
    script.resolve(undefined).resolve(listPage([completed(11)], 1, 6));
    await chat.send({ type: 'cb.read', id: 12 });
    expect(script.inputsOf('markRead')).toEqual([{ notificationId: 12 }]);
    expect(script.inputsOf('loadUnread')).toEqual([{ page: 1 }, { page: 1 }]);
    expect(chat.state).toBe('list');
    expect(chat.text()).toContain('🔔 6 непрочитанных уведомлений');
    expect(chat.buttons()[0]).toEqual(['1 · Прочитано → read:11']);
  });

  it('ends when the last one is read, saying how many were read', async () => {
    script.resolve(listPage([completed(11)]));
    await chat.start();
    script.resolve(undefined).resolve(listPage([], 1, 0));
    await chat.send({ type: 'cb.read', id: 11 });
    expect(chat.output).toEqual({ outcome: 'empty', read: 1 });
    expect(chat.finish()).toBe('✅ Прочитано 1 уведомление. Непрочитанных больше нет.');
    expect(chat.finish('en')).toBe('✅ 1 notification read. Nothing unread is left.');
  });

  it('marks all read at once and ends, saying how many', async () => {
    await openList();
    script.resolve(7);
    await chat.send({ type: 'cb.readall', id: 0 });
    expect(script.inputsOf('markAllRead')).toHaveLength(1);
    expect(chat.output).toEqual({ outcome: 'allRead', count: 7 });
    expect(chat.finish()).toBe('✅ 7 уведомлений отмечены прочитанными.');
    expect(chat.finish('en')).toBe('✅ 7 notifications marked as read.');
  });

  it('keeps the list with the reason when a notification is not theirs or gone', async () => {
    await openList();
    script.reject(new NotFound('notification', 99));
    await chat.send({ type: 'cb.read', id: 99 });
    expect(chat.state).toBe('list');
    expect(chat.text()).toContain(`⚠️ ${ru.errors.not_found}`);
  });

  it('keeps the list when marking all fails', async () => {
    await openList();
    script.reject(new RateLimited(5));
    await chat.send({ type: 'cb.readall', id: 0 });
    expect(chat.state).toBe('list');
    expect(chat.text()).toContain(ru.errors.rate_limited);
  });

  it('takes no notification 0 (a forged button), closes and cancels', async () => {
    await openList();
    expect(await chat.send({ type: 'cb.read', id: 0 })).toBe(false);
    await chat.send({ type: 'cb.close', id: 0 });
    expect(chat.output).toEqual({ outcome: 'closed' });
    expect(chat.finish()).toBeNull();
    await openList();
    await chat.send({ type: 'CANCEL' });
    expect(chat.finish()).toBe(ru.common.cancelled);
  });
});
