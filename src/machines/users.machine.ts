import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { USER_ROLES, type UserRole, type UserStatus } from '../db/entities/index.ts';
import type { Page } from '../domain/validation.ts';
import type { AgencyPickerInput, AgencyRef } from './agency-picker.machine.ts';
import { notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';
import { type ListLoaded, type PagedListContext, pagedListActions, pagedListGuards } from './paged-list.ts';

/** A user in «👥 Пользователи», as plain JSON. */
export interface UserItem {
  id: number;
  fullName: string;
  email: string;
  role: UserRole;
  status: UserStatus;
  agency: AgencyRef | null;
}

export type UsersPage = Page<UserItem>;

export type UsersLoaded = ListLoaded<UserItem>;

export interface UsersInput {
  page?: number;
}

/** What the last action did, said above the list. */
export type UsersDone =
  | { kind: 'role'; name: string; role: UserRole; agency: string | null }
  | { kind: 'status'; name: string; status: UserStatus };

export interface UsersContext extends PagedListContext<UserItem> {
  /** The user a press is about. */
  target: number | null;
  /** The role or status about to be set. */
  role: UserRole | null;
  status: UserStatus | null;
  done: UsersDone | null;
}

export type UsersOutput =
  | { outcome: 'closed' }
  /** A Realtor or Super Admin role for someone without an agency: the agency picker takes over. */
  | { outcome: 'pickAgency'; handoff: Handoff }
  | { outcome: 'failed'; code: string }
  | { outcome: 'cancelled' };

/** Roles that belong to an agency (the domain's rule: given with one). */
export const AGENCY_ROLES: readonly UserRole[] = ['realtor', 'super_admin'];

const output = <T>(event: unknown) => (event as { output: T }).output;

function pressedUser(context: UsersContext, event: FlowEvent): UserItem | undefined {
  if (!('id' in event)) return undefined;
  return context.list?.items.find((item) => item.id === event.id);
}

/** The role a `setrole` press asks for, when it is a role. */
function roleOf(event: FlowEvent): UserRole | null {
  const arg = 'arg' in event ? event.arg : undefined;
  return (USER_ROLES as readonly string[]).includes(arg ?? '') ? (arg as UserRole) : null;
}

/**
 * «👥 Пользователи» (Superuser): the newest users, 5 a page, with role and
 * status. «Роль» offers the other roles; Realtor or Super Admin for someone
 * without an agency hands over to the agency picker, anything else asks for a
 * confirmation and sets the role (the domain keeps a Realtor's or Super
 * Admin's agency and detaches it from a Guest or Superuser). «Заблокировать» /
 * «Разблокировать» ask first. After every action the page is loaded again.
 */
export const usersMachine = setup({
  types: {
    context: {} as UsersContext,
    input: {} as UsersInput | undefined,
    events: {} as FlowEvent,
    output: {} as UsersOutput,
  },
  actors: {
    load: fromPromise<UsersLoaded, { page: number }>(notProvided('load')),
    setRole: fromPromise<UsersDone, { userId: number; role: UserRole }>(notProvided('setRole')),
    setStatus: fromPromise<UsersDone, { userId: number; status: UserStatus }>(notProvided('setStatus')),
  },
  guards: {
    ...pagedListGuards,
    listed: ({ context, event }) => pressedUser(context, event) !== undefined,
    /** The status button of a listed user asks for the status they do not have. */
    otherStatus: ({ context, event }) => {
      const user = pressedUser(context, event);
      return (
        user !== undefined &&
        'arg' in event &&
        event.arg === (user.status === 'active' ? 'blocked' : 'active')
      );
    },
    /** Another role for the user whose roles are shown, one that needs an agency they do not have. */
    needsAgency: ({ context, event }) => {
      const user = pressedUser(context, event);
      const role = roleOf(event);
      return (
        user !== undefined &&
        user.id === context.target &&
        role !== null &&
        role !== user.role &&
        AGENCY_ROLES.includes(role) &&
        user.agency === null
      );
    },
    /** Another role for the user whose roles are shown. */
    anotherRole: ({ context, event }) => {
      const user = pressedUser(context, event);
      const role = roleOf(event);
      return user !== undefined && user.id === context.target && role !== null && role !== user.role;
    },
    theRole: ({ context, event }) =>
      event.type === 'cb.setroleok' && event.id === context.target && event.arg === context.role,
    theStatus: ({ context, event }) =>
      event.type === 'cb.userstatusok' && event.id === context.target && event.arg === context.status,
  },
  actions: {
    ...pagedListActions<UsersContext>('done'),
    target: assign({ target: ({ event }) => ('id' in event ? event.id : null) }),
    chooseRole: assign({ role: ({ event }) => roleOf(event) }),
    chooseStatus: assign({
      status: ({ event }) => ('arg' in event && event.arg === 'blocked' ? 'blocked' : 'active'),
    }),
    done: assign({ done: ({ event }) => output<UsersDone>(event), error: null }),
  },
}).createMachine({
  id: 'users',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => output<UsersOutput>(event),
  initial: 'loading',
  context: ({ input }) => ({
    page: input?.page && input.page > 0 ? input.page : 1,
    list: null,
    menu: null,
    fresh: true,
    target: null,
    role: null,
    status: null,
    done: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    loading: {
      invoke: {
        src: 'load',
        input: ({ context }) => ({ page: context.page }),
        onDone: { target: 'list', actions: 'loaded' },
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    list: {
      on: {
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
        'cb.userrole': { guard: 'listed', target: 'chooseRole', actions: ['pressed', 'target'] },
        'cb.userstatus': {
          guard: 'otherStatus',
          target: 'confirmStatus',
          actions: ['pressed', 'target', 'chooseStatus'],
        },
        'cb.close': 'closed',
      },
    },
    chooseRole: {
      on: {
        'cb.setrole': [
          { guard: 'needsAgency', target: 'pickAgency', actions: 'chooseRole' },
          { guard: 'anotherRole', target: 'confirmRole', actions: 'chooseRole' },
        ],
        // «Назад»: the list again, as it now is.
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
      },
    },
    confirmRole: {
      on: {
        'cb.setroleok': { guard: 'theRole', target: 'settingRole' },
        // «Нет»: the list again, as it now is.
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
      },
    },
    settingRole: {
      invoke: {
        src: 'setRole',
        input: ({ context }) => ({ userId: context.target!, role: context.role! }),
        onDone: { target: 'loading', actions: 'done' },
        onError: { target: 'loading', actions: 'rememberError' },
      },
    },
    confirmStatus: {
      on: {
        'cb.userstatusok': { guard: 'theStatus', target: 'settingStatus' },
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
      },
    },
    settingStatus: {
      invoke: {
        src: 'setStatus',
        input: ({ context }) => ({ userId: context.target!, status: context.status! }),
        onDone: { target: 'loading', actions: 'done' },
        onError: { target: 'loading', actions: 'rememberError' },
      },
    },
    pickAgency: {
      type: 'final',
      output: ({ context }): UsersOutput => {
        const user = context.list!.items.find((item) => item.id === context.target)!;
        const input: AgencyPickerInput = {
          purpose: 'role',
          userId: user.id,
          role: context.role as 'realtor' | 'super_admin',
          subject: user.fullName,
          currentAgency: null,
          returnTo: { flow: 'users', input: { page: context.page } satisfies UsersInput },
        };
        return { outcome: 'pickAgency', handoff: { flow: 'agencyPicker', input } };
      },
    },
    closed: { type: 'final', output: { outcome: 'closed' as const } },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, code: context.error?.code ?? 'not_found' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
