import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import type { UserRole } from '../db/entities/index.ts';
import { checkAvailability, contactGuards, rememberEmail, rememberPhone } from './contact-steps.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff, ResumableInput } from './handoff.ts';

export type RegisterNotice = 'badPhone' | 'foreignContact' | 'badEmail' | 'phoneTaken' | 'emailTaken';

export interface RegisterContext {
  phone: string | null;
  email: string | null;
  role: UserRole | null;
  /** Where to go on success (the flow that sent the person here). */
  resume: Handoff | null;
  notice: RegisterNotice | null;
  error: FlowError | null;
}

export type RegisterOutput =
  | { outcome: 'registered'; role: UserRole; handoff?: Handoff }
  | { outcome: 'alreadyLinked' }
  | { outcome: 'cancelled' };

/**
 * /register: phone (shared contact or typed) → email → summary → account.
 * Every step answers CANCEL; BACK returns to the previous step.
 */
export const registerMachine = setup({
  types: {
    context: {} as RegisterContext,
    input: {} as ResumableInput | undefined,
    events: {} as FlowEvent,
    output: {} as RegisterOutput,
  },
  actors: {
    checkAvailability,
    registerAccount: fromPromise<{ userId: number; role: UserRole }, { phone: string; email: string }>(
      notProvided('registerAccount'),
    ),
  },
  guards: {
    isForeignContact: ({ event }) => event.type === 'CONTACT' && !event.own,
    ...contactGuards,
    alreadyLinkedError: ({ event }) => errorOf(event).code === 'already_linked',
  },
  // A notice or a refusal is shown once, on the screen right after it happened:
  // every step forward clears both, so an old warning never sits above a new prompt.
  actions: {
    notice: assign((_, notice: RegisterNotice) => ({ notice, error: null })),
    clearNotice: assign({ notice: null, error: null }),
    rememberPhone: rememberPhone<RegisterContext>(),
    rememberEmail: rememberEmail<RegisterContext>(),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
  },
}).createMachine({
  id: 'register',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: RegisterOutput }).output,
  initial: 'askPhone',
  context: ({ input }) => ({
    phone: null,
    email: null,
    role: null,
    notice: null,
    error: null,
    resume: input?.resume ?? null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    askPhone: {
      on: {
        CONTACT: [
          { guard: 'isForeignContact', actions: { type: 'notice', params: 'foreignContact' } },
          { guard: 'isKzPhone', target: 'checkingPhone', actions: 'rememberPhone' },
          { actions: { type: 'notice', params: 'badPhone' } },
        ],
        TEXT: [
          { guard: 'isKzPhone', target: 'checkingPhone', actions: 'rememberPhone' },
          { actions: { type: 'notice', params: 'badPhone' } },
        ],
      },
    },
    checkingPhone: {
      invoke: {
        src: 'checkAvailability',
        input: ({ context }) => ({ phone: context.phone! }),
        onDone: [
          {
            guard: ({ event }) => event.output.phoneTaken,
            target: 'askPhone',
            actions: { type: 'notice', params: 'phoneTaken' },
          },
          { target: 'askEmail' },
        ],
        onError: { target: 'askPhone', actions: 'rememberError' },
      },
    },
    askEmail: {
      on: {
        TEXT: [
          { guard: 'isEmail', target: 'checkingEmail', actions: 'rememberEmail' },
          { actions: { type: 'notice', params: 'badEmail' } },
        ],
        BACK: { target: 'askPhone', actions: 'clearNotice' },
      },
    },
    checkingEmail: {
      invoke: {
        src: 'checkAvailability',
        input: ({ context }) => ({ email: context.email! }),
        onDone: [
          {
            guard: ({ event }) => event.output.emailTaken,
            target: 'askEmail',
            actions: { type: 'notice', params: 'emailTaken' },
          },
          { target: 'summary' },
        ],
        onError: { target: 'askEmail', actions: 'rememberError' },
      },
    },
    summary: {
      on: {
        CONFIRM: { target: 'submitting', actions: 'clearNotice' },
        EDIT: { target: 'askPhone', actions: 'clearNotice' },
        BACK: { target: 'askEmail', actions: 'clearNotice' },
      },
    },
    submitting: {
      invoke: {
        src: 'registerAccount',
        input: ({ context }) => ({ phone: context.phone!, email: context.email! }),
        onDone: {
          target: 'registered',
          actions: assign({ role: ({ event }) => event.output.role, error: null }),
        },
        onError: [
          // Linked meanwhile (another device finished /link or /register): nothing left to do here.
          { guard: 'alreadyLinkedError', target: 'alreadyLinked' },
          { guard: 'emailTakenError', target: 'askEmail', actions: { type: 'notice', params: 'emailTaken' } },
          { guard: 'phoneTakenError', target: 'askPhone', actions: { type: 'notice', params: 'phoneTaken' } },
          { target: 'summary', actions: 'rememberError' },
        ],
      },
    },
    registered: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'registered' as const,
        role: context.role ?? 'guest',
        ...(context.resume ? { handoff: context.resume } : {}),
      }),
    },
    alreadyLinked: { type: 'final', output: { outcome: 'alreadyLinked' as const } },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
