import { fromPromise } from 'xstate';
import type { AgencyDetails } from '../../domain/admin/platform-agencies.ts';
import type { Page, PageInput } from '../../domain/validation.ts';
import {
  type AgenciesContext,
  type AgenciesLoaded,
  type AgenciesOutput,
  type AgencyCard,
  type AgencyRow,
  agenciesMachine,
} from '../../machines/agencies.machine.ts';
import type { AgencyField } from '../../machines/agency-input.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText } from './keyboards.ts';
import { withMenuOnFirst } from './menu-on-first.ts';
import { mapPage, pageOrLast } from './paging.ts';
import {
  agenciesListMessage,
  agencyCardMessage,
  askValueMessage,
  chooseFieldMessage,
  confirmDeactivateMessage,
} from './platform/agencies-screens.ts';
import { agencyCities } from './platform/agency-cities.ts';

/** Agencies a page of the list holds (the domain's default page size). */
const PAGE_SIZE = 5;
/** How many agencies one look-up reads while finding the page of a focused agency. */
const SCAN_SIZE = 50;

function listAgencies(input: PageInput): Promise<Page<AgencyRow>> {
  const { em, domain, actor } = flowServices();
  return domain.platform.listAgencies(em, actor, input);
}

/** The list page that has `agencyId` (ordered by name), or null when it is not there. */
async function pageWith(agencyId: number): Promise<number | null> {
  for (let scan = 1; ; scan++) {
    const chunk = await listAgencies({ page: scan, pageSize: SCAN_SIZE });
    const index = chunk.items.findIndex((item) => item.id === agencyId);
    if (index >= 0) return Math.floor(((scan - 1) * SCAN_SIZE + index) / PAGE_SIZE) + 1;
    if (scan >= chunk.pages) return null;
  }
}

async function load(page: number, focus: number | null): Promise<AgenciesLoaded> {
  const { em, domain, actor } = flowServices();
  const at = focus === null ? page : ((await pageWith(focus)) ?? page);
  const found = await pageOrLast(at, (p) => listAgencies({ page: p, pageSize: PAGE_SIZE }));
  const unread = await domain.notifications.unreadCount(em, actor);
  return {
    list: mapPage(found, ({ id, name, city, active, realtorsCount, listingsCount }) => ({
      id,
      name,
      city,
      active,
      realtorsCount,
      listingsCount,
    })),
    menu: { role: actor!.role, unread },
  };
}

/** The card as plain JSON (dates as ISO strings). */
function cardOf(details: AgencyDetails): AgencyCard {
  return {
    id: details.id,
    name: details.name,
    city: details.city,
    phone: details.phone,
    email: details.email,
    active: details.active,
    createdAt: details.createdAt.toISOString(),
    realtors: details.realtors,
    listings: details.listings,
    bookings: details.bookings,
    revenue: details.revenue,
    superAdmins: details.superAdmins.map(({ id, fullName, email, phone, status }) => ({
      id,
      fullName,
      email,
      phone,
      status: status as AgencyCard['superAdmins'][number]['status'],
    })),
  };
}

/** «🏢 Агентства»: every agency, its card and edits, (de)activation; adding hands over to `addAgency`. */
export const agenciesFlow: Flow = {
  id: 'agencies',
  version: 1,
  audience: 'account',
  machine: agenciesMachine.provide({
    actors: {
      load: fromPromise(({ input }) => load(input.page, input.focus)),
      loadAgency: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const details = await domain.platform.agencyDetails(em, actor, input);
        return { agency: cardOf(details), cities: await agencyCities(em, domain) };
      }),
      setActive: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const agency = await domain.platform.setAgencyActive(em, actor, input);
        return { name: agency.name };
      }),
      update: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const change: Partial<Record<AgencyField, string>> = { [input.field]: input.value };
        const agency = await domain.platform.updateAgency(em, actor, { agencyId: input.agencyId, ...change });
        return { name: agency.name };
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as AgenciesContext;
    if (snapshot.matches('askValue')) return [askValueMessage(t, context)];
    if (!context.list) return [{ text: t.agencies.header }];
    let screen: OutgoingMessage;
    if (snapshot.matches('confirmDeactivate')) screen = confirmDeactivateMessage(t, context);
    else if (snapshot.matches('card') && context.agency) screen = agencyCardMessage(t, context);
    else if (snapshot.matches('chooseField') && context.agency) screen = chooseFieldMessage(t, context);
    else screen = agenciesListMessage(t, context);
    // The first screen, and the first after a typing step, also put the main menu back.
    return withMenuOnFirst(t, context, t.agencies.header, screen);
  },
  finish(output, { t }) {
    const result = output as AgenciesOutput;
    if (result.outcome === 'failed') return errorText(t, result.error);
    if (result.outcome === 'cancelled') return t.common.cancelled;
    // Closing shows the main menu; adding and exporting hand over to their flows.
    return null;
  },
};
