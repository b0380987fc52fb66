import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { fullNameSchema, passwordSchema } from '../domain/validation.ts';
import { checkAvailability, contactGuards, rememberEmail, rememberPhone } from './contact-steps.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { Handoff } from './handoff.ts';

export type AddRealtorNotice =
  | 'badEmail'
  | 'emailTaken'
  | 'badPhone'
  | 'phoneTaken'
  | 'badName'
  | 'badPassword';

export interface AddRealtorContext {
  email: string | null;
  phone: string | null;
  fullName: string | null;
  /**
   * The password until the account is made, sealed with the app secret: the
   * context is the chat's persisted session, so the plain text never enters
   * it (the person's message with it is deleted from the chat too). Only the
   * `addRealtor` actor opens it; it goes once the account is made and the
   * domain stores a hash.
   */
  sealedPassword: string | null;
  notice: AddRealtorNotice | null;
  error: FlowError | null;
}

export type AddRealtorOutput =
  | { outcome: 'added'; fullName: string; handoff: Handoff }
  | { outcome: 'cancelled' };

const textOf = (event: FlowEvent) => (event.type === 'TEXT' ? event.text : '');

/**
 * «➕ Добавить» a realtor to the Super Admin's agency: email → phone → full
 * name → password (≥ 8; the message is deleted from the chat, the text kept
 * only sealed) → summary with the password masked → the account, after which
 * the realtors list comes back.
 * A taken email or phone is said at its step (and again if it got taken
 * before the account was made) and that step is asked again.
 */
export const addRealtorMachine = setup({
  types: {
    context: {} as AddRealtorContext,
    events: {} as FlowEvent,
    output: {} as AddRealtorOutput,
  },
  actors: {
    checkAvailability,
    /** Seals the typed password (the plain text reaches only this actor's input, never the context). */
    sealPassword: fromPromise<string, { password: string }>(notProvided('sealPassword')),
    addRealtor: fromPromise<
      { id: number; fullName: string },
      { email: string; phone: string; fullName: string; sealedPassword: string }
    >(notProvided('addRealtor')),
  },
  // A shared contact is fine at the phone step: the realtor's card from the admin's phonebook.
  guards: {
    ...contactGuards,
    isName: ({ event }) => fullNameSchema.safeParse(textOf(event)).success,
    isPassword: ({ event }) => event.type === 'TEXT' && passwordSchema.safeParse(event.text).success,
  },
  // A notice is shown once, on the screen right after it happened: every step forward clears it.
  actions: {
    notice: assign((_, notice: AddRealtorNotice) => ({ notice, error: null })),
    clearNotice: assign({ notice: null, error: null }),
    rememberEmail: rememberEmail<AddRealtorContext>(),
    rememberPhone: rememberPhone<AddRealtorContext>(),
    rememberName: assign({
      fullName: ({ event }) => fullNameSchema.parse(textOf(event)),
      notice: null,
      error: null,
    }),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
  },
}).createMachine({
  id: 'addRealtor',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: AddRealtorOutput }).output,
  initial: 'askEmail',
  context: { email: null, phone: null, fullName: null, sealedPassword: null, notice: null, error: null },
  on: { CANCEL: '.cancelled' },
  states: {
    askEmail: {
      on: {
        TEXT: [
          { guard: 'isEmail', target: 'checkingEmail', actions: 'rememberEmail' },
          { actions: { type: 'notice', params: 'badEmail' } },
        ],
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
          { target: 'askPhone' },
        ],
        onError: { target: 'askEmail', actions: 'rememberError' },
      },
    },
    askPhone: {
      on: {
        TEXT: [
          { guard: 'isKzPhone', target: 'checkingPhone', actions: 'rememberPhone' },
          { actions: { type: 'notice', params: 'badPhone' } },
        ],
        CONTACT: [
          { guard: 'isKzPhone', target: 'checkingPhone', actions: 'rememberPhone' },
          { actions: { type: 'notice', params: 'badPhone' } },
        ],
        BACK: { target: 'askEmail', actions: 'clearNotice' },
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
          { target: 'askName' },
        ],
        onError: { target: 'askPhone', actions: 'rememberError' },
      },
    },
    askName: {
      on: {
        TEXT: [
          { guard: 'isName', target: 'askPassword', actions: 'rememberName' },
          { actions: { type: 'notice', params: 'badName' } },
        ],
        BACK: { target: 'askPhone', actions: 'clearNotice' },
      },
    },
    askPassword: {
      on: {
        TEXT: [
          { guard: 'isPassword', target: 'sealingPassword' },
          { actions: { type: 'notice', params: 'badPassword' } },
        ],
        BACK: { target: 'askName', actions: 'clearNotice' },
      },
    },
    sealingPassword: {
      invoke: {
        src: 'sealPassword',
        // The accepted text comes straight from the event that led here.
        input: ({ event }) => ({ password: textOf(event) }),
        onDone: {
          target: 'summary',
          actions: assign({ sealedPassword: ({ event }) => event.output, notice: null, error: null }),
        },
        // Sealing cannot be refused: a failure is a bug, and the update fails as one.
      },
    },
    summary: {
      on: {
        CONFIRM: { target: 'submitting', actions: 'clearNotice' },
        EDIT: { target: 'askEmail', actions: 'clearNotice' },
        BACK: { target: 'askPassword', actions: 'clearNotice' },
      },
    },
    submitting: {
      invoke: {
        src: 'addRealtor',
        input: ({ context }) => ({
          email: context.email!,
          phone: context.phone!,
          fullName: context.fullName!,
          sealedPassword: context.sealedPassword!,
        }),
        onDone: {
          target: 'added',
          actions: assign({ fullName: ({ event }) => event.output.fullName, sealedPassword: null }),
        },
        onError: [
          // Taken meanwhile by someone else: that step again, the rest kept.
          { guard: 'emailTakenError', target: 'askEmail', actions: { type: 'notice', params: 'emailTaken' } },
          { guard: 'phoneTakenError', target: 'askPhone', actions: { type: 'notice', params: 'phoneTaken' } },
          { target: 'summary', actions: 'rememberError' },
        ],
      },
    },
    added: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'added' as const,
        fullName: context.fullName ?? '',
        handoff: { flow: 'agencyRealtors' },
      }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
