import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import type { UserStatus } from '../db/entities/index.ts';
import type { AgencyRealtor } from '../domain/agency-admin.service.ts';
import type { Page } from '../domain/validation.ts';
import { notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';
import { type ListLoaded, type PagedListContext, pagedListActions, pagedListGuards } from './paged-list.ts';

/** One realtor of the list: the domain's row is plain JSON already. */
export type AgencyRealtorItem = AgencyRealtor;

export type AgencyRealtorsPage = Page<AgencyRealtorItem>;

export type AgencyRealtorsLoaded = ListLoaded<AgencyRealtorItem>;

export interface AgencyRealtorsInput {
  page?: number;
}

/** What the last press did: the realtor's new status and name. */
export interface AgencyRealtorsNotice {
  status: UserStatus;
  name: string;
}

export interface AgencyRealtorsContext extends PagedListContext<AgencyRealtorItem> {
  /** The realtor a press is about, and the status asked for. */
  target: { id: number; status: UserStatus } | null;
  notice: AgencyRealtorsNotice | null;
}

export type AgencyRealtorsOutput =
  | { outcome: 'closed' }
  | { outcome: 'add'; handoff: Handoff }
  | { outcome: 'failed'; error: string }
  | { outcome: 'cancelled' };

const statusOf = (arg: string | undefined): UserStatus | null =>
  arg === 'active' || arg === 'blocked' ? arg : null;

/**
 * «👥 Риелторы» of a Super Admin: the agency's realtors a page at a time, each
 * with «Активировать» / «Деактивировать» after a confirmation, and «➕ Добавить»
 * handing over to the `addRealtor` flow. After every change the page is loaded
 * again, so a stale button ends in the list as it now is. The domain checks
 * every press (a realtor of another agency is not found).
 */
export const agencyRealtorsMachine = setup({
  types: {
    context: {} as AgencyRealtorsContext,
    input: {} as AgencyRealtorsInput | undefined,
    events: {} as FlowEvent,
    output: {} as AgencyRealtorsOutput,
  },
  actors: {
    load: fromPromise<AgencyRealtorsLoaded, { page: number }>(notProvided('load')),
    setStatus: fromPromise<
      { fullName: string; status: UserStatus },
      { realtorId: number; status: UserStatus }
    >(notProvided('setStatus')),
  },
  guards: {
    ...pagedListGuards,
    aStatus: ({ event }) => event.type === 'cb.rstatus' && event.id > 0 && statusOf(event.arg) !== null,
    theTarget: ({ context, event }) =>
      event.type === 'cb.rstatusok' && event.id === context.target?.id && event.arg === context.target.status,
  },
  actions: {
    ...pagedListActions<AgencyRealtorsContext>('notice'),
    target: assign({
      target: ({ event }) =>
        event.type === 'cb.rstatus' ? { id: event.id, status: statusOf(event.arg) ?? 'active' } : null,
    }),
    changed: assign({
      notice: ({ event }) => {
        const { fullName, status } = (
          event as unknown as { output: { fullName: string; status: UserStatus } }
        ).output;
        return { name: fullName, status };
      },
    }),
  },
}).createMachine({
  id: 'agencyRealtors',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: AgencyRealtorsOutput }).output,
  initial: 'loading',
  context: ({ input }) => ({
    page: input?.page && input.page > 0 ? input.page : 1,
    list: null,
    menu: null,
    fresh: true,
    target: null,
    notice: null,
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
        'cb.rstatus': { guard: 'aStatus', target: 'confirmStatus', actions: ['pressed', 'target'] },
        'cb.radd': 'adding',
        'cb.close': 'closed',
      },
    },
    confirmStatus: {
      on: {
        'cb.rstatusok': { guard: 'theTarget', target: 'settingStatus', actions: 'pressed' },
        // «Нет»: the list again, as it now is.
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
        BACK: { target: 'list', actions: 'pressed' },
      },
    },
    settingStatus: {
      invoke: {
        src: 'setStatus',
        input: ({ context }) => ({ realtorId: context.target!.id, status: context.target!.status }),
        onDone: { target: 'loading', actions: 'changed' },
        onError: { target: 'loading', actions: 'rememberError' },
      },
    },
    adding: {
      type: 'final',
      output: { outcome: 'add' as const, handoff: { flow: 'addRealtor' } },
    },
    closed: { type: 'final', output: { outcome: 'closed' as const } },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, error: context.error?.code ?? 'not_found' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
