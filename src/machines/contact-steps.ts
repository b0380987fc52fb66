import { fromPromise } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import { normalizeKzPhone } from '../domain/phone.ts';
import { emailSchema } from '../domain/validation.ts';
import { assignFields } from './assign-fields.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';

/*
 * The email and phone steps of the flows that make or find an account
 * (/register, a Super Admin's «➕ Добавить» realtor, /link's email): the same
 * checks and the same way of keeping the answer, under the same names in
 * every machine that has the step.
 */

/** A typed phone or a shared contact's, in E.164; null when it is not a KZ phone. */
function phoneOf(event: FlowEvent): string | null {
  if (event.type === 'CONTACT') return normalizeKzPhone(event.phone);
  return event.type === 'TEXT' ? normalizeKzPhone(event.text) : null;
}

interface Step {
  notice: unknown;
  error: FlowError | null;
}

type EmailStep = Step & { email: string | null };
type PhoneStep = Step & { phone: string | null };

/** Whether a phone or an email has an account already (asked before the next step). */
export const checkAvailability = fromPromise<
  { phoneTaken: boolean; emailTaken: boolean },
  { phone?: string; email?: string }
>(notProvided('checkAvailability'));

/** The guards of the steps; a machine takes those of the steps it has. */
export const contactGuards = {
  /** A typed email the domain takes. */
  isEmail: ({ event }: { event: FlowEvent }) =>
    event.type === 'TEXT' && emailSchema.safeParse(event.text).success,
  /** A typed KZ phone, or a shared contact with one (whose contact it is, the machine decides). */
  isKzPhone: ({ event }: { event: FlowEvent }) => phoneOf(event) !== null,
  /** The account was refused: the email got taken meanwhile. */
  emailTakenError: ({ event }: { event: unknown }) => errorOf(event).field === 'email',
  /** The account was refused: the phone got taken meanwhile. */
  phoneTakenError: ({ event }: { event: unknown }) => errorOf(event).field === 'phone',
};

/** `rememberEmail`: the email typed (normalized as the domain stores it); the step's warning goes. */
export const rememberEmail = <TContext extends EmailStep>() =>
  assignFields<TContext, EmailStep>(({ event }) => ({
    email: event.type === 'TEXT' ? emailSchema.parse(event.text) : null,
    notice: null,
    error: null,
  }));

/** `rememberPhone`: the phone typed or shared, in E.164; the step's warning goes. */
export const rememberPhone = <TContext extends PhoneStep>() =>
  assignFields<TContext, PhoneStep>(({ event }) => ({ phone: phoneOf(event), notice: null, error: null }));
