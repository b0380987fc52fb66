import { fromPromise } from 'xstate';
import { almatyMonthOf } from '../../domain/admin/periods.ts';
import { addDays, almatyToday } from '../../domain/dates.ts';
import type { Domain } from '../../domain/index.ts';
import {
  type BookingsExportContext,
  type BookingsExportOutput,
  bookingsExportMachine,
  type ExportPeriod,
  PERIOD_PRESETS,
} from '../../machines/bookings-export.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { Messages } from '../i18n/index.ts';
import { formatDate } from '../parse/date-range.ts';
import type { OutgoingMessage } from '../screen.ts';
import { bookingsCsv } from './admin/bookings-csv.ts';
import { errorText, navigationRow, withNotice } from './keyboards.ts';

/** A preset's days (both included) as of today in Almaty; typed dates as they are. */
function datesOf(period: ExportPeriod, now: Date): { from: string; to: string } {
  if ('from' in period) return period;
  const today = almatyToday(now);
  if (period.preset === 'last30') return { from: addDays(today, -29), to: today };
  const thisMonth = `${almatyMonthOf(now).month}-01`;
  if (period.preset === 'thisMonth') return { from: thisMonth, to: today };
  const lastMonth = `${addDays(thisMonth, -1).slice(0, 7)}-01`;
  return { from: lastMonth, to: addDays(thisMonth, -1) };
}

async function exportBookings(domain: Domain, period: ExportPeriod, agencyId: number | null) {
  const { em, actor } = flowServices();
  const result = await domain.agencyAdmin.exportBookings(em, actor, {
    ...datesOf(period, domain.deps.clock.now()),
    agencyId,
  });
  return {
    from: result.from,
    to: result.to,
    agencyName: result.agency?.name ?? null,
    rows: result.rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    total: result.total,
    truncated: result.truncated,
  };
}

function notice(t: Messages, context: BookingsExportContext): string | null {
  if (context.notice) return t.superAdmin.bookingsExport.badPeriod;
  return context.error ? errorText(t, context.error.code) : null;
}

/**
 * Bookings to CSV: the period as inline presets or typed dates; the file goes
 * out as a document when the flow ends. Started from «📊 Агентство» (a Super
 * Admin) or handed over to with `{ agencyId }` by a Superuser's flow.
 */
export const bookingsExportFlow: Flow = {
  id: 'bookingsExport',
  version: 1,
  audience: 'account',
  machine: bookingsExportMachine.provide({
    actors: {
      exportBookings: fromPromise(({ input }) =>
        exportBookings(flowServices().domain, input.period, input.agencyId),
      ),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as BookingsExportContext;
    const texts = t.superAdmin.bookingsExport;
    return [
      { text: withNotice(notice(t, context), texts.prompt(context.agencyName)), reply: [navigationRow(t)] },
      {
        text: texts.periodButtons,
        inline: PERIOD_PRESETS.map((preset) => [
          { text: texts.presets[preset], callback: { action: 'bperiod', id: 0, arg: preset } },
        ]),
      },
    ];
  },
  closing(output, { t }): OutgoingMessage[] {
    const result = output as BookingsExportOutput;
    if (result.outcome !== 'exported' || result.result.rows.length === 0) return [];
    const { from, to, rows, total, truncated } = result.result;
    const texts = t.superAdmin.bookingsExport;
    const caption = texts.caption(formatDate(from), formatDate(to), rows.length);
    return [
      {
        text: truncated ? `${caption}\n${texts.truncated(rows.length, total)}` : caption,
        document: {
          filename: texts.filename(from, to),
          contentType: 'text/csv',
          content: bookingsCsv(t, rows),
        },
      },
    ];
  },
  finish(output, { t }) {
    const result = output as BookingsExportOutput;
    if (result.outcome === 'cancelled') return t.common.cancelled;
    const { from, to, rows } = result.result;
    return rows.length > 0
      ? t.superAdmin.bookingsExport.done
      : t.superAdmin.bookingsExport.empty(formatDate(from), formatDate(to));
  },
};
