import { fromPromise } from 'xstate';
import {
  type AgencyRealtorsContext,
  type AgencyRealtorsOutput,
  agencyRealtorsMachine,
} from '../../machines/agency-realtors.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { confirmStatusMessage, realtorsListMessage } from './admin/realtors-screens.ts';
import { errorText } from './keyboards.ts';
import { withMenuOnFirst } from './menu-on-first.ts';
import { pageOrLast } from './paging.ts';

async function load(page: number) {
  const { em, domain, actor } = flowServices();
  const list = await pageOrLast(page, (at) => domain.agencyAdmin.listRealtors(em, actor, { page: at }));
  const unread = await domain.notifications.unreadCount(em, actor);
  return { list, menu: { role: actor!.role, unread } };
}

/** «👥 Риелторы»: the Super Admin's realtors with (de)activation and «➕ Добавить». */
export const agencyRealtorsFlow: Flow = {
  id: 'agencyRealtors',
  version: 1,
  audience: 'account',
  machine: agencyRealtorsMachine.provide({
    actors: {
      load: fromPromise(({ input }) => load(input.page)),
      setStatus: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const realtor = await domain.agencyAdmin.setRealtorStatus(em, actor, input);
        return { fullName: realtor.fullName, status: realtor.status };
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as AgencyRealtorsContext;
    if (!context.list) return [{ text: t.superAdmin.realtors.header }];
    if (snapshot.matches('confirmStatus')) return [confirmStatusMessage(t, context)];
    const list = realtorsListMessage(t, context);
    // The first screen also puts the main menu back: the add-realtor wizard leaves its own keyboard.
    return withMenuOnFirst(t, context, t.superAdmin.realtors.header, list);
  },
  finish(output, { t }) {
    const result = output as AgencyRealtorsOutput;
    if (result.outcome === 'failed') return errorText(t, result.error);
    if (result.outcome === 'cancelled') return t.common.cancelled;
    // Closing shows the main menu; «➕ Добавить» hands over to its wizard.
    return null;
  },
};
