import { fromPromise } from 'xstate';
import type { PlatformRealtor } from '../../domain/admin/platform-realtors.ts';
import {
  type PlatformRealtorsContext,
  type PlatformRealtorsOutput,
  platformRealtorsMachine,
  type RealtorItem,
  type RealtorsDone,
  type RealtorsLoaded,
} from '../../machines/platform-realtors.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText } from './keyboards.ts';
import { withMenuOnFirst } from './menu-on-first.ts';
import { pageOrLast } from './paging.ts';
import {
  confirmDeactivateMessage,
  confirmDetachMessage,
  realtorsListMessage,
} from './platform/platform-realtors-screens.ts';

const itemOf = (realtor: PlatformRealtor): RealtorItem => ({
  id: realtor.id,
  fullName: realtor.fullName,
  email: realtor.email,
  phone: realtor.phone,
  status: realtor.status,
  agency: realtor.agency,
});

async function load(page: number): Promise<RealtorsLoaded> {
  const { em: update, domain, actor } = flowServices();
  // A fresh identity map in the update's transaction: an action just before changed rows
  // natively, and entities it loaded would otherwise show as they were.
  const em = update.fork({ keepTransactionContext: true });
  const found = await pageOrLast(page, (at) => domain.platform.listRealtors(em, actor, { page: at }));
  const unread = await domain.notifications.unreadCount(em, actor);
  return {
    list: { ...found, items: found.items.map(itemOf) },
    menu: { role: actor!.role, unread },
  };
}

/**
 * The Superuser's «👨‍💼 Риелторы»: every realtor with agency and status;
 * change agency (the agency picker), remove it, activate / deactivate.
 */
export const platformRealtorsFlow: Flow = {
  id: 'platformRealtors',
  version: 1,
  audience: 'account',
  machine: platformRealtorsMachine.provide({
    actors: {
      load: fromPromise(({ input }) => load(input.page)),
      removeAgency: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        await domain.platform.removeRealtorAgency(em, actor, input);
        return null;
      }),
      setStatus: fromPromise(async ({ input }): Promise<RealtorsDone> => {
        const { em, domain, actor } = flowServices();
        const realtor = await domain.platform.setRealtorStatus(em, actor, input);
        return { kind: 'status', name: realtor.fullName, status: realtor.status };
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as PlatformRealtorsContext;
    if (!context.list) return [{ text: t.platformRealtors.header }];
    if (snapshot.matches('confirmDetach')) return [confirmDetachMessage(t, context)];
    if (snapshot.matches('confirmDeactivate')) return [confirmDeactivateMessage(t, context)];
    const list = realtorsListMessage(t, context);
    // The first screen also puts the main menu back: the agency picker left its own keyboard.
    return withMenuOnFirst(t, context, t.platformRealtors.header, list);
  },
  finish(output, { t }) {
    const result = output as PlatformRealtorsOutput;
    if (result.outcome === 'failed') return errorText(t, result.code);
    if (result.outcome === 'cancelled') return t.common.cancelled;
    // Closing shows the main menu; «Сменить агентство» hands over to the picker.
    return null;
  },
};
