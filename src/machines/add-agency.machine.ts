import { and, assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { type AgencyField, readAgencyField } from './agency-input.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';

export type AddAgencyNotice = 'badName' | 'badCity' | 'badPhone' | 'badEmail' | 'nameTaken';

export interface AddAgencyContext {
  /** Cities offered as buttons at the city step. */
  cities: string[];
  name: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  /** A field is being changed from the summary: its step goes back there. */
  editing: boolean;
  /** The agency once created. */
  createdId: number | null;
  notice: AddAgencyNotice | null;
  error: FlowError | null;
}

export type AddAgencyOutput =
  | { outcome: 'created'; name: string; handoff: Handoff }
  | { outcome: 'failed'; error: string }
  | { outcome: 'cancelled' };

/** `field` as typed in `event`, the way the domain will store it; null when it would refuse it. */
const read = (field: AgencyField, context: AddAgencyContext, event: FlowEvent) =>
  event.type === 'TEXT' ? readAgencyField(field, event.text, context.cities) : null;

/**
 * «➕ Добавить агентство» (Superuser): name (2–100 characters, not another
 * agency's; a taken one is refused at its step) → city (known cities as
 * buttons, or typed) → phone (a KZ number in any common format) → email →
 * summary with Confirm / Edit (one field, then back to the summary) /
 * Cancel → the agency is created active, and the conversation goes back to
 * «🏢 Агентства» showing it. A refused value is explained and the step stays.
 */
export const addAgencyMachine = setup({
  types: {
    context: {} as AddAgencyContext,
    events: {} as FlowEvent,
    output: {} as AddAgencyOutput,
  },
  actors: {
    loadCities: fromPromise<string[]>(notProvided('loadCities')),
    checkName: fromPromise<{ taken: boolean }, { name: string }>(notProvided('checkName')),
    create: fromPromise<
      { id: number; name: string },
      { name: string; city: string; phone: string; email: string }
    >(notProvided('create')),
  },
  guards: {
    validName: ({ context, event }) => read('name', context, event) !== null,
    validCity: ({ context, event }) => read('city', context, event) !== null,
    validPhone: ({ context, event }) => read('phone', context, event) !== null,
    validEmail: ({ context, event }) => read('email', context, event) !== null,
    editing: ({ context }) => context.editing,
    nameTaken: ({ event }) => (event as unknown as { output: { taken: boolean } }).output.taken,
    nameTakenError: ({ event }) => errorOf(event).field === 'name',
    picked: ({ event }, field: unknown) => event.type === 'cb.field' && event.arg === field,
  },
  // A notice or a refusal is shown once, on the screen right after it happened.
  actions: {
    citiesLoaded: assign({ cities: ({ event }) => (event as unknown as { output: string[] }).output }),
    rememberName: assign({
      name: ({ context, event }) => read('name', context, event),
      notice: null,
      error: null,
    }),
    rememberCity: assign({
      city: ({ context, event }) => read('city', context, event),
      notice: null,
      error: null,
    }),
    rememberPhone: assign({
      phone: ({ context, event }) => read('phone', context, event),
      notice: null,
      error: null,
    }),
    rememberEmail: assign({
      email: ({ context, event }) => read('email', context, event),
      notice: null,
      error: null,
    }),
    notice: assign((_, notice: AddAgencyNotice) => ({ notice, error: null })),
    clearNotice: assign({ notice: null, error: null }),
    editField: assign({ editing: true, notice: null, error: null }),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
  },
}).createMachine({
  id: 'addAgency',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: AddAgencyOutput }).output,
  initial: 'preparing',
  context: {
    cities: [],
    name: null,
    city: null,
    phone: null,
    email: null,
    editing: false,
    createdId: null,
    notice: null,
    error: null,
  },
  on: { CANCEL: '.cancelled' },
  states: {
    preparing: {
      invoke: {
        src: 'loadCities',
        onDone: { target: 'askName', actions: 'citiesLoaded' },
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    askName: {
      on: {
        TEXT: [
          { guard: 'validName', target: 'checkingName', actions: 'rememberName' },
          { actions: { type: 'notice', params: 'badName' } },
        ],
        BACK: { guard: 'editing', target: 'summary', actions: 'clearNotice' },
      },
    },
    checkingName: {
      invoke: {
        src: 'checkName',
        input: ({ context }) => ({ name: context.name! }),
        onDone: [
          { guard: 'nameTaken', target: 'askName', actions: { type: 'notice', params: 'nameTaken' } },
          { guard: 'editing', target: 'summary' },
          { target: 'askCity' },
        ],
        onError: { target: 'askName', actions: 'rememberError' },
      },
    },
    askCity: {
      on: {
        TEXT: [
          { guard: and(['validCity', 'editing']), target: 'summary', actions: 'rememberCity' },
          { guard: 'validCity', target: 'askPhone', actions: 'rememberCity' },
          { actions: { type: 'notice', params: 'badCity' } },
        ],
        BACK: [
          { guard: 'editing', target: 'summary', actions: 'clearNotice' },
          { target: 'askName', actions: 'clearNotice' },
        ],
      },
    },
    askPhone: {
      on: {
        TEXT: [
          { guard: and(['validPhone', 'editing']), target: 'summary', actions: 'rememberPhone' },
          { guard: 'validPhone', target: 'askEmail', actions: 'rememberPhone' },
          { actions: { type: 'notice', params: 'badPhone' } },
        ],
        BACK: [
          { guard: 'editing', target: 'summary', actions: 'clearNotice' },
          { target: 'askCity', actions: 'clearNotice' },
        ],
      },
    },
    askEmail: {
      on: {
        TEXT: [
          { guard: 'validEmail', target: 'summary', actions: 'rememberEmail' },
          { actions: { type: 'notice', params: 'badEmail' } },
        ],
        BACK: [
          { guard: 'editing', target: 'summary', actions: 'clearNotice' },
          { target: 'askPhone', actions: 'clearNotice' },
        ],
      },
    },
    summary: {
      on: {
        CONFIRM: { target: 'creating', actions: 'clearNotice' },
        EDIT: { target: 'choosingField', actions: 'clearNotice' },
        BACK: { target: 'askEmail', actions: 'clearNotice' },
      },
    },
    choosingField: {
      on: {
        'cb.field': [
          { guard: { type: 'picked', params: 'name' }, target: 'askName', actions: 'editField' },
          { guard: { type: 'picked', params: 'city' }, target: 'askCity', actions: 'editField' },
          { guard: { type: 'picked', params: 'phone' }, target: 'askPhone', actions: 'editField' },
          { guard: { type: 'picked', params: 'email' }, target: 'askEmail', actions: 'editField' },
        ],
        BACK: { target: 'summary', actions: 'clearNotice' },
      },
    },
    creating: {
      invoke: {
        src: 'create',
        input: ({ context }) => ({
          name: context.name!,
          city: context.city!,
          phone: context.phone!,
          email: context.email!,
        }),
        onDone: {
          target: 'created',
          actions: assign({
            name: ({ event }) => event.output.name,
            createdId: ({ event }) => event.output.id,
            error: null,
          }),
        },
        onError: [
          // Taken meanwhile (another Superuser was quicker): a new name, then the summary again.
          {
            guard: 'nameTakenError',
            target: 'askName',
            actions: ['editField', { type: 'notice', params: 'nameTaken' }],
          },
          { target: 'summary', actions: 'rememberError' },
        ],
      },
    },
    created: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'created' as const,
        name: context.name!,
        handoff: { flow: 'agencies', input: { focus: context.createdId } },
      }),
    },
    failed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'failed' as const, error: context.error?.code ?? 'forbidden' }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
