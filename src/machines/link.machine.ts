import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import type { UserRole } from '../db/entities/index.ts';
import { contactGuards, rememberEmail } from './contact-steps.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff, ResumableInput } from './handoff.ts';

export type LinkNotice = 'badEmail' | 'badCodeFormat' | 'codeDead';

export interface LinkContext {
  email: string | null;
  role: UserRole | null;
  /** Where to go on success (the flow that sent the person here). */
  resume: Handoff | null;
  notice: LinkNotice | null;
  /** The last refusal: wrong code (attemptsLeft), rate limit (retryAfterSeconds) … */
  error: FlowError | null;
}

export type LinkOutput =
  | { outcome: 'linked'; role: UserRole; handoff?: Handoff }
  | { outcome: 'alreadyLinked' }
  | { outcome: 'cancelled' };

const CODE = /^\d{6}$/;
const digits = (text: string) => text.replace(/\s+/g, '');

/**
 * /link: email → a code is emailed (the answer is the same whether or not the
 * account exists) → the 6-digit code, 3 attempts, then a new code can be asked for.
 */
export const linkMachine = setup({
  types: {
    context: {} as LinkContext,
    input: {} as ResumableInput | undefined,
    events: {} as FlowEvent,
    output: {} as LinkOutput,
  },
  actors: {
    requestCode: fromPromise<{ expiresInMinutes: number }, { email: string }>(notProvided('requestCode')),
    confirmCode: fromPromise<{ userId: number; role: UserRole }, { code: string }>(
      notProvided('confirmCode'),
    ),
  },
  guards: {
    isEmail: contactGuards.isEmail,
    isCode: ({ event }) => event.type === 'TEXT' && CODE.test(digits(event.text)),
    refused: ({ event }, code: string) => errorOf(event).code === code,
    codeUsedUp: ({ event }) => errorOf(event).code === 'code_invalid' && errorOf(event).attemptsLeft === 0,
  },
  actions: {
    notice: assign((_, notice: LinkNotice) => ({ notice, error: null })),
    clear: assign({ notice: null, error: null }),
    rememberEmail: rememberEmail<LinkContext>(),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
  },
}).createMachine({
  id: 'link',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: LinkOutput }).output,
  initial: 'askEmail',
  context: ({ input }) => ({
    email: null,
    role: null,
    notice: null,
    error: null,
    resume: input?.resume ?? null,
  }),
  on: { CANCEL: '.cancelled' },
  states: {
    askEmail: {
      on: {
        TEXT: [
          { guard: 'isEmail', target: 'requesting', actions: 'rememberEmail' },
          { actions: { type: 'notice', params: 'badEmail' } },
        ],
      },
    },
    requesting: {
      invoke: {
        src: 'requestCode',
        input: ({ context }) => ({ email: context.email! }),
        onDone: { target: 'askCode', actions: 'clear' },
        onError: [
          { guard: { type: 'refused', params: 'already_linked' }, target: 'alreadyLinked' },
          { target: 'askEmail', actions: 'rememberError' },
        ],
      },
    },
    askCode: {
      on: {
        TEXT: [
          { guard: 'isCode', target: 'confirming' },
          { actions: { type: 'notice', params: 'badCodeFormat' } },
        ],
        RETRY: { target: 'requestingAgain', actions: 'clear' },
        BACK: { target: 'askEmail', actions: 'clear' },
      },
    },
    confirming: {
      invoke: {
        src: 'confirmCode',
        input: ({ event }) => ({ code: event.type === 'TEXT' ? digits(event.text) : '' }),
        onDone: { target: 'linked', actions: assign({ role: ({ event }) => event.output.role }) },
        onError: [
          { guard: 'codeUsedUp', target: 'codeDead', actions: 'rememberError' },
          {
            guard: { type: 'refused', params: 'code_expired' },
            target: 'codeDead',
            actions: 'rememberError',
          },
          { guard: { type: 'refused', params: 'already_linked' }, target: 'alreadyLinked' },
          { target: 'askCode', actions: 'rememberError' },
        ],
      },
    },
    codeDead: {
      on: {
        RETRY: { target: 'renewing', actions: 'clear' },
        BACK: { target: 'askEmail', actions: 'clear' },
        TEXT: { actions: { type: 'notice', params: 'codeDead' } },
      },
    },
    // A new code while the old one still works: a refusal (the cooldown) leaves the old one to type.
    requestingAgain: {
      invoke: {
        src: 'requestCode',
        input: ({ context }) => ({ email: context.email! }),
        onDone: { target: 'askCode', actions: 'clear' },
        onError: { target: 'askCode', actions: 'rememberError' },
      },
    },
    // A new code after the old one died: a refusal keeps the person at "request a new code",
    // not at a prompt for a code that was never sent.
    renewing: {
      invoke: {
        src: 'requestCode',
        input: ({ context }) => ({ email: context.email! }),
        onDone: { target: 'askCode', actions: 'clear' },
        onError: { target: 'codeDead', actions: 'rememberError' },
      },
    },
    linked: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'linked' as const,
        role: context.role ?? 'guest',
        ...(context.resume ? { handoff: context.resume } : {}),
      }),
    },
    alreadyLinked: { type: 'final', output: { outcome: 'alreadyLinked' as const } },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
