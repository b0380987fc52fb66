import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';

/** An agency as the picker shows it, as plain JSON. */
export interface AgencyOption {
  id: number;
  name: string;
  city: string;
  active: boolean;
}

/** `{ id, name }` of an agency someone belongs to. */
export interface AgencyRef {
  id: number;
  name: string;
}

/** One page of the agencies matching what was typed. */
export interface AgencyMatchPage {
  items: AgencyOption[];
  page: number;
  pageSize: number;
  pages: number;
  total: number;
  /** The search stops at its limit: there may be more, a narrower query finds them. */
  capped: boolean;
}

/** What the chosen agency is for: moving a realtor, or the agency of a role being given. */
export type AgencyPickerRequest =
  | { purpose: 'reassign'; realtorId: number }
  | { purpose: 'role'; userId: number; role: 'realtor' | 'super_admin' };

/** How a list hands over to the picker (plain JSON, it waits in the persisted context). */
export type AgencyPickerInput = AgencyPickerRequest & {
  /** The person's name, for the texts. */
  subject: string;
  /** Their agency now; picking it again is refused before the domain is asked. */
  currentAgency: AgencyRef | null;
  /** The list the picker came from: it is shown again when the picker is done. */
  returnTo: Handoff;
};

/** The longest query the domain takes (`platform.findAgencies`). */
export const MAX_AGENCY_QUERY = 100;

/** Agencies per page of matches. */
export const AGENCY_PAGE_SIZE = 5;

export type AgencyPickerNotice = 'noMatches' | 'badQuery' | 'sameAgency';

export interface AgencyPickerContext {
  request: AgencyPickerRequest;
  subject: string;
  currentAgency: AgencyRef | null;
  returnTo: Handoff;
  /** What was typed last (trimmed). */
  query: string;
  page: number;
  matches: AgencyMatchPage | null;
  chosen: AgencyOption | null;
  notice: AgencyPickerNotice | null;
  error: FlowError | null;
}

export type AgencyPickerOutput =
  | {
      outcome: 'assigned';
      request: AgencyPickerRequest;
      subject: string;
      agencyName: string;
      handoff: Handoff;
    }
  /** Back from the first step: the list again, nothing changed. */
  | { outcome: 'back'; handoff: Handoff }
  | { outcome: 'failed'; code: string }
  | { outcome: 'cancelled' };

/** Refusals no other agency would fix: the flow ends and says why. */
const FATAL = new Set(['forbidden', 'account_blocked', 'account_required', 'not_found', 'last_superuser']);

const typed = (event: FlowEvent) => (event.type === 'TEXT' ? event.text.trim() : '');

/** The initial context of a picker started with `input`. */
export function agencyPickerContext(input: AgencyPickerInput): AgencyPickerContext {
  const { subject, currentAgency, returnTo, ...request } = input;
  return {
    request: request as AgencyPickerRequest,
    subject,
    currentAgency,
    returnTo,
    query: '',
    page: 1,
    matches: null,
    chosen: null,
    notice: null,
    error: null,
  };
}

/**
 * The agency picker shared by «Сменить агентство» (a realtor moves) and by
 * giving someone the Realtor or Super Admin role: type an agency ID or part
 * of its name or city → the matches as buttons, a page at a time (none: say
 * so and ask again) → confirm → the domain assigns → the list the picker came
 * from is shown again. Typing another query while the matches are shown
 * searches again.
 */
export const agencyPickerMachine = setup({
  types: {
    context: {} as AgencyPickerContext,
    input: {} as AgencyPickerInput,
    events: {} as FlowEvent,
    output: {} as AgencyPickerOutput,
  },
  actors: {
    findAgencies: fromPromise<AgencyMatchPage, { query: string; page: number }>(notProvided('findAgencies')),
    assignAgency: fromPromise<unknown, { request: AgencyPickerRequest; agencyId: number }>(
      notProvided('assignAgency'),
    ),
  },
  guards: {
    aQuery: ({ event }) => {
      const query = typed(event);
      return query.length >= 1 && query.length <= MAX_AGENCY_QUERY;
    },
    noMatches: ({ event }) => (event as unknown as { output: AgencyMatchPage }).output.total === 0,
    onePage: ({ context, event }) =>
      event.type === 'cb.page' && event.id >= 1 && event.id <= (context.matches?.pages ?? 1),
    shown: ({ context, event }) =>
      event.type === 'cb.agencypick' && (context.matches?.items ?? []).some((item) => item.id === event.id),
    theCurrentAgency: ({ context, event }) =>
      event.type === 'cb.agencypick' && event.id === context.currentAgency?.id,
    fatal: ({ event }) => FATAL.has(errorOf(event).code),
  },
  actions: {
    search: assign({ query: ({ event }) => typed(event), page: 1, notice: null, error: null }),
    toPage: assign({
      page: ({ event }) => (event.type === 'cb.page' ? event.id : 1),
      notice: null,
      error: null,
    }),
    badQuery: assign({ notice: 'badQuery' as const, error: null }),
    noMatches: assign({ notice: 'noMatches' as const, error: null, matches: null }),
    found: assign({ matches: ({ event }) => (event as unknown as { output: AgencyMatchPage }).output }),
    sameAgency: assign({ notice: 'sameAgency' as const, error: null }),
    choose: assign({
      chosen: ({ context, event }) =>
        context.matches?.items.find((item) => 'id' in event && item.id === event.id) ?? null,
      notice: null,
      error: null,
    }),
    clear: assign({ notice: null, error: null }),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
  },
}).createMachine({
  id: 'agencyPicker',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: AgencyPickerOutput }).output,
  initial: 'askQuery',
  context: ({ input }) => agencyPickerContext(input),
  on: { CANCEL: '.cancelled' },
  states: {
    askQuery: {
      on: {
        TEXT: [{ guard: 'aQuery', target: 'searching', actions: 'search' }, { actions: 'badQuery' }],
        BACK: 'back',
      },
    },
    searching: {
      invoke: {
        src: 'findAgencies',
        input: ({ context }) => ({ query: context.query, page: context.page }),
        onDone: [
          { guard: 'noMatches', target: 'askQuery', actions: 'noMatches' },
          { target: 'choosing', actions: 'found' },
        ],
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    choosing: {
      on: {
        'cb.agencypick': [
          { guard: 'theCurrentAgency', actions: 'sameAgency' },
          { guard: 'shown', target: 'confirming', actions: 'choose' },
        ],
        'cb.page': { guard: 'onePage', target: 'searching', actions: 'toPage' },
        // Another query straight away, without going back.
        TEXT: [{ guard: 'aQuery', target: 'searching', actions: 'search' }, { actions: 'badQuery' }],
        BACK: { target: 'askQuery', actions: 'clear' },
      },
    },
    confirming: {
      on: {
        CONFIRM: { target: 'assigning', actions: 'clear' },
        BACK: { target: 'choosing', actions: 'clear' },
      },
    },
    assigning: {
      invoke: {
        src: 'assignAgency',
        input: ({ context }) => ({ request: context.request, agencyId: context.chosen!.id }),
        onDone: 'assigned',
        onError: [
          { guard: 'fatal', target: 'failed', actions: 'rememberError' },
          // E.g. the realtor moved meanwhile: say so, and let another agency be picked.
          { target: 'choosing', actions: 'rememberError' },
        ],
      },
    },
    assigned: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'assigned' as const,
        request: context.request,
        subject: context.subject,
        agencyName: context.chosen!.name,
        handoff: context.returnTo,
      }),
    },
    back: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'back' as const, handoff: context.returnTo }),
    },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, code: context.error?.code ?? 'not_found' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
