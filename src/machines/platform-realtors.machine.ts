import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import type { UserStatus } from '../db/entities/index.ts';
import type { Page } from '../domain/validation.ts';
import type { AgencyPickerInput, AgencyRef } from './agency-picker.machine.ts';
import { notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';
import { type ListLoaded, type PagedListContext, pagedListActions, pagedListGuards } from './paged-list.ts';

/** A realtor in the platform-wide «👨‍💼 Риелторы», as plain JSON. */
export interface RealtorItem {
  id: number;
  fullName: string;
  email: string;
  phone: string;
  status: UserStatus;
  agency: AgencyRef | null;
}

export type RealtorsPage = Page<RealtorItem>;

export type RealtorsLoaded = ListLoaded<RealtorItem>;

export interface PlatformRealtorsInput {
  page?: number;
}

/** What the last action did, said above the list. */
export type RealtorsDone =
  | { kind: 'detached'; name: string; agency: string }
  | { kind: 'status'; name: string; status: UserStatus };

export interface PlatformRealtorsContext extends PagedListContext<RealtorItem> {
  /** The realtor a press is about. */
  target: number | null;
  /** The status about to be set. */
  status: UserStatus | null;
  done: RealtorsDone | null;
}

export type PlatformRealtorsOutput =
  | { outcome: 'closed' }
  /** «Сменить агентство»: the agency picker takes over. */
  | { outcome: 'reassign'; handoff: Handoff }
  | { outcome: 'failed'; code: string }
  | { outcome: 'cancelled' };

const output = <T>(event: unknown) => (event as { output: T }).output;

function pressedRealtor(context: PlatformRealtorsContext, event: FlowEvent): RealtorItem | undefined {
  if (!('id' in event)) return undefined;
  return context.list?.items.find((item) => item.id === event.id);
}

const askedStatus = (event: FlowEvent) => ('arg' in event ? event.arg : undefined);

/**
 * The Superuser's «👨‍💼 Риелторы»: every realtor, 5 a page, with agency and
 * status. «Сменить агентство» hands over to the agency picker; «Убрать
 * агентство» and «Деактивировать» ask first, «Активировать» acts at once.
 * After every action the page is loaded again.
 */
export const platformRealtorsMachine = setup({
  types: {
    context: {} as PlatformRealtorsContext,
    input: {} as PlatformRealtorsInput | undefined,
    events: {} as FlowEvent,
    output: {} as PlatformRealtorsOutput,
  },
  actors: {
    load: fromPromise<RealtorsLoaded, { page: number }>(notProvided('load')),
    removeAgency: fromPromise<unknown, { realtorId: number }>(notProvided('removeAgency')),
    setStatus: fromPromise<RealtorsDone, { realtorId: number; status: UserStatus }>(notProvided('setStatus')),
  },
  guards: {
    ...pagedListGuards,
    listed: ({ context, event }) => pressedRealtor(context, event) !== undefined,
    withAgency: ({ context, event }) => Boolean(pressedRealtor(context, event)?.agency),
    /** «Активировать» on a deactivated realtor. */
    activates: ({ context, event }) =>
      pressedRealtor(context, event)?.status === 'blocked' && askedStatus(event) === 'active',
    /** «Деактивировать» on an active realtor. */
    deactivates: ({ context, event }) =>
      pressedRealtor(context, event)?.status === 'active' && askedStatus(event) === 'blocked',
    theTarget: ({ context, event }) => 'id' in event && event.id === context.target,
    theDeactivation: ({ context, event }) =>
      event.type === 'cb.prstatusok' && event.id === context.target && event.arg === 'blocked',
  },
  actions: {
    ...pagedListActions<PlatformRealtorsContext>('done'),
    target: assign({ target: ({ event }) => ('id' in event ? event.id : null) }),
    activating: assign({ status: 'active' as const }),
    deactivating: assign({ status: 'blocked' as const }),
    done: assign({ done: ({ event }) => output<RealtorsDone>(event), error: null }),
    /** The agency as the Superuser saw it when they confirmed. */
    detached: assign({
      done: ({ context }): RealtorsDone => {
        const realtor = context.list!.items.find((item) => item.id === context.target)!;
        return { kind: 'detached', name: realtor.fullName, agency: realtor.agency?.name ?? '' };
      },
      error: null,
    }),
  },
}).createMachine({
  id: 'platformRealtors',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => output<PlatformRealtorsOutput>(event),
  initial: 'loading',
  context: ({ input }) => ({
    page: input?.page && input.page > 0 ? input.page : 1,
    list: null,
    menu: null,
    fresh: true,
    target: null,
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
        'cb.prmove': { guard: 'listed', target: 'reassign', actions: 'target' },
        'cb.prdetach': { guard: 'withAgency', target: 'confirmDetach', actions: ['pressed', 'target'] },
        'cb.prstatus': [
          { guard: 'activates', target: 'settingStatus', actions: ['pressed', 'target', 'activating'] },
          {
            guard: 'deactivates',
            target: 'confirmDeactivate',
            actions: ['pressed', 'target', 'deactivating'],
          },
        ],
        'cb.close': 'closed',
      },
    },
    confirmDetach: {
      on: {
        'cb.prdetachok': { guard: 'theTarget', target: 'detaching' },
        // «Нет»: the list again, as it now is.
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
      },
    },
    detaching: {
      invoke: {
        src: 'removeAgency',
        input: ({ context }) => ({ realtorId: context.target! }),
        onDone: { target: 'loading', actions: 'detached' },
        onError: { target: 'loading', actions: 'rememberError' },
      },
    },
    confirmDeactivate: {
      on: {
        'cb.prstatusok': { guard: 'theDeactivation', target: 'settingStatus' },
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
      },
    },
    settingStatus: {
      invoke: {
        src: 'setStatus',
        input: ({ context }) => ({ realtorId: context.target!, status: context.status! }),
        onDone: { target: 'loading', actions: 'done' },
        onError: { target: 'loading', actions: 'rememberError' },
      },
    },
    reassign: {
      type: 'final',
      output: ({ context }): PlatformRealtorsOutput => {
        const realtor = context.list!.items.find((item) => item.id === context.target)!;
        const input: AgencyPickerInput = {
          purpose: 'reassign',
          realtorId: realtor.id,
          subject: realtor.fullName,
          currentAgency: realtor.agency,
          returnTo: {
            flow: 'platformRealtors',
            input: { page: context.page } satisfies PlatformRealtorsInput,
          },
        };
        return { outcome: 'reassign', handoff: { flow: 'agencyPicker', input } };
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
