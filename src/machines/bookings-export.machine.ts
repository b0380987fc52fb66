import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { parsePeriod } from '../bot/parse/period.ts';
import type { ExportedBooking } from '../domain/admin/bookings-export.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { WithIsoDates } from './plain-json.ts';

export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'last30'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** A preset (resolved against today by the domain actor) or typed dates, both days included. */
export type ExportPeriod = { preset: PeriodPreset } | { from: string; to: string };

/** Where the export starts: a Superuser may name an agency or none (all); a Super Admin gets their own. */
export interface BookingsExportInput {
  agencyId?: number | null;
  /** Shown in the prompt; null = the whole platform or not known. */
  agencyName?: string | null;
}

/** One exported booking as plain JSON (`createdAt` as an ISO instant). */
export type ExportRow = WithIsoDates<ExportedBooking>;

export interface ExportResult {
  from: string;
  to: string;
  agencyName: string | null;
  rows: ExportRow[];
  total: number;
  truncated: boolean;
}

export interface BookingsExportContext {
  agencyId: number | null;
  agencyName: string | null;
  period: ExportPeriod | null;
  notice: 'badPeriod' | null;
  error: FlowError | null;
}

/** The file is made from `result` when the flow ends (it never sits in the persisted session). */
export type BookingsExportOutput = { outcome: 'exported'; result: ExportResult } | { outcome: 'cancelled' };

const presetOf = (arg: string | undefined): PeriodPreset | null =>
  (PERIOD_PRESETS as readonly string[]).includes(arg ?? '') ? (arg as PeriodPreset) : null;

/**
 * Bookings to CSV, for a Super Admin (their agency) and a Superuser (an agency
 * or all — other flows hand over to `bookingsExport` with that input): a
 * period preset or typed dates → the domain's export → the flow ends with the
 * rows, which the view sends as a CSV document. The domain decides the scope.
 */
export const bookingsExportMachine = setup({
  types: {
    context: {} as BookingsExportContext,
    input: {} as BookingsExportInput | undefined,
    events: {} as FlowEvent,
    output: {} as BookingsExportOutput,
  },
  actors: {
    exportBookings: fromPromise<ExportResult, { period: ExportPeriod; agencyId: number | null }>(
      notProvided('exportBookings'),
    ),
  },
  guards: {
    aPreset: ({ event }) => event.type === 'cb.bperiod' && presetOf(event.arg) !== null,
    aPeriod: ({ event }) => event.type === 'TEXT' && parsePeriod(event.text) !== null,
  },
  actions: {
    preset: assign({
      period: ({ event }) => ({
        preset: presetOf(event.type === 'cb.bperiod' ? event.arg : '') ?? 'thisMonth',
      }),
      notice: null,
      error: null,
    }),
    typed: assign({
      period: ({ event }) => parsePeriod(event.type === 'TEXT' ? event.text : ''),
      notice: null,
      error: null,
    }),
    badPeriod: assign({ notice: 'badPeriod' as const, error: null }),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
  },
}).createMachine({
  id: 'bookingsExport',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: BookingsExportOutput }).output,
  initial: 'choosePeriod',
  context: ({ input }) => ({
    agencyId: input?.agencyId ?? null,
    agencyName: input?.agencyName ?? null,
    period: null,
    notice: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    choosePeriod: {
      on: {
        'cb.bperiod': { guard: 'aPreset', target: 'exporting', actions: 'preset' },
        TEXT: [{ guard: 'aPeriod', target: 'exporting', actions: 'typed' }, { actions: 'badPeriod' }],
      },
    },
    exporting: {
      invoke: {
        src: 'exportBookings',
        input: ({ context }) => ({ period: context.period!, agencyId: context.agencyId }),
        onDone: { target: 'exported' },
        onError: { target: 'choosePeriod', actions: 'rememberError' },
      },
    },
    exported: {
      type: 'final',
      output: ({ event }) => ({
        outcome: 'exported' as const,
        result: (event as unknown as { output: ExportResult }).output,
      }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
