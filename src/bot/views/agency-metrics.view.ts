import { fromPromise } from 'xstate';
import {
  type AgencyMetricsContext,
  type AgencyMetricsOutput,
  agencyMetricsMachine,
} from '../../machines/agency-metrics.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { metricsScreen } from './admin/metrics-screens.ts';
import { errorText } from './keyboards.ts';

/** «📊 Агентство»: the Super Admin's figures, the chart of bookings per day and the CSV export. */
export const agencyMetricsFlow: Flow = {
  id: 'agencyMetrics',
  version: 1,
  audience: 'account',
  machine: agencyMetricsMachine.provide({
    actors: {
      load: fromPromise(async () => {
        const { em, domain, actor } = flowServices();
        const metrics = await domain.agencyAdmin.metrics(em, actor);
        const perDay = await domain.agencyAdmin.bookingsPerDay(em, actor, { days: 30 });
        return { metrics, perDay };
      }),
    },
  }),
  render(snapshot, { t, locale }): OutgoingMessage[] {
    const context = snapshot.context as AgencyMetricsContext;
    // Only the loaded state waits for the person; loading is never shown.
    return context.loaded
      ? metricsScreen(t, locale, context.loaded)
      : [{ text: t.superAdmin.metrics.allTime }];
  },
  finish(output, { t }) {
    const result = output as AgencyMetricsOutput;
    if (result.outcome === 'failed') return errorText(t, result.error);
    if (result.outcome === 'cancelled') return t.common.cancelled;
    // Closing shows the main menu; the export hands over to its flow.
    return null;
  },
};
