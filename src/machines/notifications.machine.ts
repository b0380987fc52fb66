import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';

/** One unread notification, as plain JSON (its payload is already JSON). */
export interface NotificationItem {
  id: number;
  kind: string;
  data: unknown;
  /** ISO timestamp. */
  createdAt: string;
}

export interface NotificationsPage {
  items: NotificationItem[];
  page: number;
  pageSize: number;
  pages: number;
  total: number;
}

export interface NotificationsContext {
  page: number;
  list: NotificationsPage | null;
  /** How many this visit marked read (said when the list runs empty). */
  read: number;
  notice: 'useButtons' | null;
  error: FlowError | null;
}

export type NotificationsOutput =
  /** Nothing unread (any more); `read` of them were marked read in this visit. */
  | { outcome: 'empty'; read: number }
  | { outcome: 'allRead'; count: number }
  | { outcome: 'closed' }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; code: string };

/**
 * «🔔 Уведомления»: unread notifications newest first, page by page; each is
 * marked read from its button (the list refreshes), or all at once. The flow
 * ends when nothing unread is left, so the main menu shows the new count.
 */
export const notificationsMachine = setup({
  types: {
    context: {} as NotificationsContext,
    events: {} as FlowEvent,
    output: {} as NotificationsOutput,
  },
  actors: {
    loadUnread: fromPromise<NotificationsPage, { page: number }>(notProvided('loadUnread')),
    markRead: fromPromise<void, { notificationId: number }>(notProvided('markRead')),
    markAllRead: fromPromise<number, void>(notProvided('markAllRead')),
  },
  guards: {
    isEmpty: ({ event }) => (event as unknown as { output: NotificationsPage }).output.total === 0,
    isId: ({ event }) => 'id' in event && event.id >= 1,
  },
  actions: {
    useButtons: assign({ notice: 'useButtons' as const, error: null }),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
  },
}).createMachine({
  id: 'notifications',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: NotificationsOutput }).output,
  initial: 'loading',
  context: { page: 1, list: null, read: 0, notice: null, error: null },
  on: { CANCEL: '.cancelled' },
  states: {
    loading: {
      invoke: {
        src: 'loadUnread',
        input: ({ context }) => ({ page: context.page }),
        onDone: [
          { guard: 'isEmpty', target: 'empty' },
          {
            target: 'list',
            actions: assign({
              list: ({ event }) => event.output,
              page: ({ event }) => event.output.page,
            }),
          },
        ],
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    list: {
      on: {
        'cb.page': {
          guard: 'isId',
          target: 'loading',
          actions: assign({ page: ({ event }) => event.id, notice: null, error: null }),
        },
        'cb.read': {
          guard: 'isId',
          target: 'marking',
          actions: assign({ notice: null, error: null }),
        },
        'cb.readall': { target: 'markingAll', actions: assign({ notice: null, error: null }) },
        'cb.close': 'closed',
        TEXT: { actions: 'useButtons' },
      },
    },
    marking: {
      invoke: {
        src: 'markRead',
        input: ({ event }) => ({ notificationId: 'id' in event ? event.id : 0 }),
        onDone: { target: 'loading', actions: assign({ read: ({ context }) => context.read + 1 }) },
        onError: { target: 'list', actions: 'rememberError' },
      },
    },
    markingAll: {
      invoke: {
        src: 'markAllRead',
        onDone: { target: 'allRead', actions: assign({ read: ({ event }) => event.output }) },
        onError: { target: 'list', actions: 'rememberError' },
      },
    },
    empty: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'empty' as const, read: context.read }),
    },
    allRead: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'allRead' as const, count: context.read }),
    },
    closed: { type: 'final', output: { outcome: 'closed' as const } },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, code: context.error?.code ?? 'unknown' }),
    },
  },
});
