import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import type { UserStatus } from '../db/entities/index.ts';
import type { AgencyDetails, AgencyListItem } from '../domain/admin/platform-agencies.ts';
import type { Page } from '../domain/validation.ts';
import { type AgencyField, isAgencyField, readAgencyField } from './agency-input.ts';
import { errorOf, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';
import { type ListLoaded, type PagedListContext, pagedListActions, pagedListGuards } from './paged-list.ts';
import type { WithIsoDates } from './plain-json.ts';

/** A row of «🏢 Агентства»: the domain's row is plain JSON already. */
export type AgencyRow = AgencyListItem;

export type AgenciesPage = Page<AgencyRow>;

export type AgenciesLoaded = ListLoaded<AgencyRow>;

/** «Подробнее» of one agency, as plain JSON (`createdAt` an ISO instant), its Super Admins' status typed. */
export interface AgencyCard extends WithIsoDates<Omit<AgencyDetails, 'superAdmins'>> {
  superAdmins: { id: number; fullName: string; email: string; phone: string; status: UserStatus }[];
}

export interface AgencyLoaded {
  agency: AgencyCard;
  /** Cities offered as buttons when the city is edited. */
  cities: string[];
}

export interface AgenciesInput {
  page?: number;
  /** Open the page that has this agency and mark it (e.g. the one just created). */
  focus?: number;
}

export type AgenciesNotice =
  | 'activated'
  | 'deactivated'
  | 'saved'
  | 'useButtons'
  | 'badName'
  | 'badCity'
  | 'badPhone'
  | 'badEmail'
  | 'nameTaken';

export interface AgenciesContext extends PagedListContext<AgencyRow> {
  focus: number | null;
  /** The next screen also brings the main-menu keyboard back (first screen, after a typing step). */
  fresh: boolean;
  /** The agency a press is about. */
  target: number | null;
  /** Where a toggle was pressed, so its result shows there again. */
  from: 'list' | 'card';
  /** What the toggle sets. */
  makeActive: boolean;
  agency: AgencyCard | null;
  cities: string[];
  /** The field being edited and the value typed for it (as it will be stored). */
  field: AgencyField | null;
  value: string | null;
  /** The agency whose bookings «📥 Выгрузить брони (CSV)» exports; null for every agency. */
  exportOf: { agencyId: number; agencyName: string } | null;
  notice: AgenciesNotice | null;
  /** The agency the notice is about (its name). */
  subject: string | null;
}

export type AgenciesOutput =
  | { outcome: 'add'; handoff: Handoff }
  | { outcome: 'export'; handoff: Handoff }
  | { outcome: 'closed' }
  | { outcome: 'failed'; error: string }
  | { outcome: 'cancelled' };

const BAD_VALUE: Record<AgencyField, AgenciesNotice> = {
  name: 'badName',
  city: 'badCity',
  phone: 'badPhone',
  email: 'badEmail',
};

const idOf = (event: FlowEvent) => ('id' in event ? event.id : null);

// Its own `pressed` and `rememberError` also clear the focus and the subject.
const { toPage, loaded } = pagedListActions<AgenciesContext>('notice');

/**
 * «🏢 Агентства» (Superuser): every agency, 5 a page, each with «Подробнее» and
 * «Активировать» / «Деактивировать» (deactivating asks first: the agency's
 * listings leave search). «Подробнее» is the agency's card: figures, contacts,
 * Super Admins, and «Редактировать» — one field at a time, checked like the
 * add wizard checks it, a refused value keeping the step. «➕ Добавить
 * агентство» and «📥 Выгрузить брони (CSV)» (every agency's from the list,
 * one agency's from its card) hand over to their flows. After every change
 * the list or the card is loaded again, so a stale button ends in what is
 * true now.
 */
export const agenciesMachine = setup({
  types: {
    context: {} as AgenciesContext,
    input: {} as AgenciesInput | undefined,
    events: {} as FlowEvent,
    output: {} as AgenciesOutput,
  },
  actors: {
    load: fromPromise<AgenciesLoaded, { page: number; focus: number | null }>(notProvided('load')),
    loadAgency: fromPromise<AgencyLoaded, { agencyId: number }>(notProvided('loadAgency')),
    setActive: fromPromise<{ name: string }, { agencyId: number; active: boolean }>(notProvided('setActive')),
    update: fromPromise<{ name: string }, { agencyId: number; field: AgencyField; value: string }>(
      notProvided('update'),
    ),
  },
  guards: {
    ...pagedListGuards,
    listed: ({ context, event }) => context.list?.items.some((item) => item.id === idOf(event)) ?? false,
    theTarget: ({ context, event }) => idOf(event) === context.target,
    fromCard: ({ context }) => context.from === 'card',
    aField: ({ event }) => event.type === 'cb.field' && isAgencyField(event.arg),
    validValue: ({ context, event }) =>
      event.type === 'TEXT' &&
      context.field !== null &&
      readAgencyField(context.field, event.text, context.cities) !== null,
    nameTakenError: ({ event }) => errorOf(event).field === 'name',
    validationError: ({ event }) => errorOf(event).code === 'validation_failed',
  },
  // A notice or a refusal is shown once, on the screen right after it happened.
  actions: {
    pressed: assign({ fresh: false, focus: null, notice: null, subject: null, error: null }),
    target: assign({ target: ({ event }) => idOf(event) }),
    toPage,
    fromList: assign({ from: 'list' as const }),
    fromCard: assign({ from: 'card' as const }),
    activate: assign({ makeActive: true }),
    deactivate: assign({ makeActive: false }),
    loaded,
    agencyLoaded: assign(({ event }) => {
      const { agency, cities } = (event as unknown as { output: AgencyLoaded }).output;
      return { agency, cities };
    }),
    switched: assign(({ context, event }) => ({
      notice: context.makeActive ? ('activated' as const) : ('deactivated' as const),
      subject: (event as unknown as { output: { name: string } }).output.name,
      error: null,
    })),
    rememberField: assign({
      field: ({ event }) => (event.type === 'cb.field' ? (event.arg as AgencyField) : null),
    }),
    rememberValue: assign({
      value: ({ context, event }) =>
        event.type === 'TEXT' && context.field
          ? readAgencyField(context.field, event.text, context.cities)
          : null,
      notice: null,
      error: null,
    }),
    badValue: assign({
      notice: ({ context }) => BAD_VALUE[context.field ?? 'name'],
      error: null,
    }),
    nameTaken: assign({ notice: 'nameTaken' as const, error: null }),
    useButtons: assign({ notice: 'useButtons' as const, subject: null, error: null }),
    saved: assign(({ event }) => ({
      notice: 'saved' as const,
      subject: (event as unknown as { output: { name: string } }).output.name,
      error: null,
    })),
    // Leaving a typing step: its keyboard gives way to the main menu again.
    menuBack: assign({ fresh: true, notice: null, error: null }),
    rememberError: assign({ notice: null, subject: null, error: ({ event }) => errorOf(event) }),
    exportAll: assign({ exportOf: null }),
    exportThis: assign({
      exportOf: ({ context }) =>
        context.agency ? { agencyId: context.agency.id, agencyName: context.agency.name } : null,
    }),
  },
}).createMachine({
  id: 'agencies',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: AgenciesOutput }).output,
  initial: 'loading',
  context: ({ input }) => ({
    page: input?.page && input.page > 0 ? input.page : 1,
    focus: input?.focus ?? null,
    list: null,
    menu: null,
    fresh: true,
    target: null,
    from: 'list',
    makeActive: true,
    agency: null,
    cities: [],
    field: null,
    value: null,
    exportOf: null,
    notice: null,
    subject: null,
    error: null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    loading: {
      invoke: {
        src: 'load',
        input: ({ context }) => ({ page: context.page, focus: context.focus }),
        onDone: { target: 'list', actions: 'loaded' },
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    list: {
      on: {
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
        'cb.agon': {
          guard: 'listed',
          target: 'switching',
          actions: ['pressed', 'target', 'fromList', 'activate'],
        },
        'cb.agoff': {
          guard: 'listed',
          target: 'confirmDeactivate',
          actions: ['pressed', 'target', 'fromList'],
        },
        'cb.agmore': { guard: 'listed', target: 'loadingAgency', actions: ['pressed', 'target'] },
        'cb.agadd': 'adding',
        'cb.bexport': { target: 'exporting', actions: 'exportAll' },
        'cb.close': 'closed',
        TEXT: { actions: 'useButtons' },
      },
    },
    confirmDeactivate: {
      on: {
        'cb.agoffok': { guard: 'theTarget', target: 'switching', actions: ['pressed', 'deactivate'] },
        // «Нет»: back where the toggle was pressed, as it now is.
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
        'cb.agmore': { guard: 'theTarget', target: 'loadingAgency', actions: 'pressed' },
        BACK: [
          { guard: 'fromCard', target: 'loadingAgency', actions: 'pressed' },
          { target: 'loading', actions: 'pressed' },
        ],
        TEXT: { actions: 'useButtons' },
      },
    },
    switching: {
      invoke: {
        src: 'setActive',
        input: ({ context }) => ({ agencyId: context.target!, active: context.makeActive }),
        onDone: [
          { guard: 'fromCard', target: 'loadingAgency', actions: 'switched' },
          { target: 'loading', actions: 'switched' },
        ],
        onError: [
          { guard: 'fromCard', target: 'loadingAgency', actions: 'rememberError' },
          { target: 'loading', actions: 'rememberError' },
        ],
      },
    },
    loadingAgency: {
      invoke: {
        src: 'loadAgency',
        input: ({ context }) => ({ agencyId: context.target! }),
        onDone: { target: 'card', actions: 'agencyLoaded' },
        // Gone meanwhile: the list as it now is, saying so.
        onError: { target: 'loading', actions: 'rememberError' },
      },
    },
    card: {
      on: {
        'cb.agon': {
          guard: 'theTarget',
          target: 'switching',
          actions: ['pressed', 'fromCard', 'activate'],
        },
        'cb.agoff': { guard: 'theTarget', target: 'confirmDeactivate', actions: ['pressed', 'fromCard'] },
        'cb.agedit': { guard: 'theTarget', target: 'chooseField', actions: 'pressed' },
        'cb.bexport': { guard: 'theTarget', target: 'exporting', actions: 'exportThis' },
        // «⬅️ К списку»: the page the card was opened from, as it now is.
        'cb.page': { guard: 'onePage', target: 'loading', actions: ['pressed', 'toPage'] },
        BACK: { target: 'loading', actions: 'pressed' },
        TEXT: { actions: 'useButtons' },
      },
    },
    chooseField: {
      on: {
        'cb.field': { guard: 'aField', target: 'askValue', actions: ['pressed', 'rememberField'] },
        // «⬅️ Назад»: the card again.
        'cb.agmore': { guard: 'theTarget', target: 'loadingAgency', actions: 'pressed' },
        BACK: { target: 'card', actions: 'pressed' },
        TEXT: { actions: 'useButtons' },
      },
    },
    askValue: {
      on: {
        TEXT: [{ guard: 'validValue', target: 'saving', actions: 'rememberValue' }, { actions: 'badValue' }],
        BACK: { target: 'chooseField', actions: 'menuBack' },
      },
    },
    saving: {
      invoke: {
        src: 'update',
        input: ({ context }) => ({ agencyId: context.target!, field: context.field!, value: context.value! }),
        onDone: { target: 'loadingAgency', actions: ['menuBack', 'saved'] },
        onError: [
          { guard: 'nameTakenError', target: 'askValue', actions: 'nameTaken' },
          { guard: 'validationError', target: 'askValue', actions: 'rememberError' },
          { target: 'loadingAgency', actions: ['menuBack', 'rememberError'] },
        ],
      },
    },
    adding: {
      type: 'final',
      output: { outcome: 'add' as const, handoff: { flow: 'addAgency' } },
    },
    exporting: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'export' as const,
        handoff: { flow: 'bookingsExport', input: context.exportOf ?? {} },
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
