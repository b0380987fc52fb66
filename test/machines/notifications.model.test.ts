/**
 * Model-based test of the `notifications` flow: `xstate/graph` paths over
 * every reachable state and transition drive the real machine, restored from
 * JSON at every settled step, with its screens rendered in both languages.
 */
import { expect } from 'vitest';
import type { AnyEventObject, AnyMachineSnapshot } from 'xstate';
import { notificationsFlow } from '../../src/bot/views/notifications.view.ts';
import { AccountRequired, NotFound } from '../../src/domain/errors.ts';
import {
  type NotificationItem,
  type NotificationsContext,
  notificationsMachine,
} from '../../src/machines/notifications.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { listPage } from '../support/pages.ts';

const script = new ActorScript();
const machine = notificationsMachine.provide({
  actors: {
    loadUnread: script.promise('loadUnread'),
    markRead: script.promise('markRead'),
    markAllRead: script.promise('markAllRead'),
  },
});

const confirmed = (id: number): NotificationItem => ({
  id,
  kind: 'booking_confirmed',
  data: {
    bookingId: 9,
    listingId: 3,
    listingTitle: 'Студия у Байтерека',
    checkIn: '2026-12-10',
    checkOut: '2026-12-12',
    by: 'realtor',
    total: 36_000,
  },
  createdAt: '2026-12-01T09:05:00.000Z',
});

/** What a person can do and the domain can answer; one value per kind keeps the model finite. */
const events: AnyEventObject[] = [
  doneEvent(machine, 'loading', listPage([confirmed(12)], 1, 6)),
  doneEvent(machine, 'loading', listPage([confirmed(7)], 2, 6)),
  doneEvent(machine, 'loading', listPage([], 1, 0)),
  errorEvent(machine, 'loading', new AccountRequired()),
  { type: 'cb.page', id: 2 },
  { type: 'cb.page', id: 0 },
  { type: 'cb.read', id: 12 },
  { type: 'cb.read', id: 0 },
  { type: 'cb.readall', id: 0 },
  { type: 'cb.close', id: 0 },
  { type: 'TEXT', text: 'привет' },
  { type: 'CANCEL' },
  doneEvent(machine, 'marking', undefined),
  errorEvent(machine, 'marking', new NotFound('notification', 12)),
  doneEvent(machine, 'markingAll', 6),
  errorEvent(machine, 'markingAll', new AccountRequired()),
];

/**
 * Each «Прочитано» counts up `read`, so the (state, context) graph never ends;
 * nothing reads the count but the closing line, which only tells none from
 * some. The model tells snapshots apart by what guards, screens and outputs use.
 */
function vertexKey(snapshot: AnyMachineSnapshot): string {
  const context = snapshot.context as NotificationsContext;
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    page: context.page,
    list: context.list,
    someRead: context.read > 0,
    notice: context.notice,
    error: context.error?.code ?? null,
  });
}

describeFlowModel({
  flow: notificationsFlow,
  machine,
  script,
  events,
  key: vertexKey,
  // One inline message edited in place (no reply keyboard), closed by its own «Закрыть».
  screens(_snapshot, messages, where, { t }) {
    expect(messages.length, where).toBe(1);
    expect(messages[0]!.reply, where).toBeUndefined();
    const inline = messages[0]!.inline?.flat() ?? [];
    expect(inline, where).toContainEqual({
      text: t.notificationsList.buttons.close,
      callback: { action: 'close', id: 0 },
    });
  },
  // Closing says nothing: the main menu with the unread count is the answer.
  quiet: ['closed'],
  timeout: 120_000,
});
