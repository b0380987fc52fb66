import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import type { AgencyMetrics } from '../domain/agency-admin.service.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';

/** Bookings created on one Almaty day. */
export interface DayCount {
  date: string;
  count: number;
}

/** What «📊 Агентство» shows: the figures and the bookings of the last 30 days. */
export interface AgencyMetricsLoaded {
  metrics: AgencyMetrics;
  perDay: DayCount[];
}

export interface AgencyMetricsContext {
  loaded: AgencyMetricsLoaded | null;
  error: FlowError | null;
}

export type AgencyMetricsOutput =
  | { outcome: 'closed' }
  | { outcome: 'export'; handoff: Handoff }
  | { outcome: 'failed'; error: string }
  | { outcome: 'cancelled' };

/**
 * «📊 Агентство»: the agency's figures for this month and all time, the TOP
 * listings and realtors, and a chart of the bookings of the last 30 days;
 * «📥 Выгрузить брони (CSV)» hands over to the `bookingsExport` flow.
 */
export const agencyMetricsMachine = setup({
  types: {
    context: {} as AgencyMetricsContext,
    events: {} as FlowEvent,
    output: {} as AgencyMetricsOutput,
  },
  actors: {
    load: fromPromise<AgencyMetricsLoaded, void>(notProvided('load')),
  },
  actions: {
    loaded: assign({ loaded: ({ event }) => (event as unknown as { output: AgencyMetricsLoaded }).output }),
    rememberError: assign({ error: ({ event }) => errorOf(event) }),
  },
}).createMachine({
  id: 'agencyMetrics',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: AgencyMetricsOutput }).output,
  initial: 'loading',
  context: { loaded: null, error: null },
  on: { CANCEL: '.cancelled' },
  states: {
    loading: {
      invoke: {
        src: 'load',
        onDone: { target: 'shown', actions: 'loaded' },
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    shown: {
      on: {
        'cb.bexport': 'exporting',
        'cb.close': 'closed',
      },
    },
    exporting: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'export' as const,
        handoff: {
          flow: 'bookingsExport',
          input: {
            agencyId: context.loaded?.metrics.agency.id ?? null,
            agencyName: context.loaded?.metrics.agency.name ?? null,
          },
        },
      }),
    },
    closed: { type: 'final', output: { outcome: 'closed' as const } },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, error: context.error?.code ?? 'not_found' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
