import { fromPromise } from 'xstate';
import { AGENCY_MATCH_LIMIT } from '../../domain/admin/platform-agencies.ts';
import {
  AGENCY_PAGE_SIZE,
  type AgencyMatchPage,
  type AgencyPickerContext,
  type AgencyPickerOutput,
  type AgencyPickerRequest,
  agencyPickerMachine,
} from '../../machines/agency-picker.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText } from './keyboards.ts';
import { askQueryMessage, choosingMessages, confirmMessage } from './platform/agency-picker-screens.ts';

/**
 * One page of the agencies matching `query`. The domain answers at most 50
 * (by name); the pages are cut here, and a page past the end shows the last.
 */
async function findAgencies(query: string, page: number): Promise<AgencyMatchPage> {
  const { em, domain, actor } = flowServices();
  const all = await domain.platform.findAgencies(em, actor, { query });
  const pages = Math.max(1, Math.ceil(all.length / AGENCY_PAGE_SIZE));
  const at = Math.min(Math.max(1, page), pages);
  return {
    items: all.slice((at - 1) * AGENCY_PAGE_SIZE, at * AGENCY_PAGE_SIZE),
    page: at,
    pageSize: AGENCY_PAGE_SIZE,
    pages,
    total: all.length,
    capped: all.length >= AGENCY_MATCH_LIMIT,
  };
}

/** Moves the realtor, or gives the role with the agency; the domain notifies everyone concerned. */
async function assignAgency(request: AgencyPickerRequest, agencyId: number): Promise<null> {
  const { em, domain, actor } = flowServices();
  if (request.purpose === 'reassign') {
    await domain.platform.changeRealtorAgency(em, actor, { realtorId: request.realtorId, agencyId });
  } else {
    await domain.platform.setRole(em, actor, { userId: request.userId, role: request.role, agencyId });
  }
  return null;
}

/**
 * The agency picker: started only by hand-over from «👥 Пользователи» (a role
 * that needs an agency) and «👨‍💼 Риелторы» («Сменить агентство»), and hands
 * back to that list when done.
 */
export const agencyPickerFlow: Flow = {
  id: 'agencyPicker',
  version: 1,
  audience: 'account',
  machine: agencyPickerMachine.provide({
    actors: {
      findAgencies: fromPromise(({ input }) => findAgencies(input.query, input.page)),
      assignAgency: fromPromise(({ input }) => assignAgency(input.request, input.agencyId)),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as AgencyPickerContext;
    if (snapshot.matches('choosing') && context.matches) return choosingMessages(t, context);
    if (snapshot.matches('confirming') && context.chosen) return [confirmMessage(t, context)];
    return [askQueryMessage(t, context)];
  },
  finish(output, { t }) {
    const result = output as AgencyPickerOutput;
    switch (result.outcome) {
      case 'assigned':
        return result.request.purpose === 'reassign'
          ? t.agencyPicker.reassigned(result.subject, result.agencyName)
          : t.agencyPicker.roleGiven(result.subject, result.request.role, result.agencyName);
      case 'back':
        return t.agencyPicker.unchanged;
      case 'failed':
        return errorText(t, result.code);
      default:
        return t.common.cancelled;
    }
  },
};
