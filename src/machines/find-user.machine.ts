import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import type { UserStatus } from '../db/entities/index.ts';
import type { UserCard } from '../domain/admin/user-card.ts';
import { normalizeKzPhone } from '../domain/phone.ts';
import { emailSchema } from '../domain/validation.ts';
import { errorOf, type FlowError, notProvided } from './flow-error.ts';
import type { WithIsoDates } from './plain-json.ts';

/** The found user's card, as plain JSON (`createdAt` an ISO instant). */
export type FoundUser = WithIsoDates<UserCard>;

export type FindUserNotice = 'badQuery' | 'notFound' | 'blocked' | 'unblocked' | 'useButtons';

export interface FindUserContext {
  /** What was typed last (trimmed), as the domain is asked it. */
  query: string | null;
  card: FoundUser | null;
  /** The status the press asks for. */
  wanted: UserStatus | null;
  notice: FindUserNotice | null;
  error: FlowError | null;
}

export type FindUserOutput = { outcome: 'closed' } | { outcome: 'cancelled' };

/** An email, or a KZ phone in any common format (what the domain can look up). */
export function isUserQuery(text: string): boolean {
  const query = text.trim();
  return query.includes('@') ? emailSchema.safeParse(query).success : normalizeKzPhone(query) !== null;
}

const idOf = (event: FlowEvent) => ('id' in event ? event.id : null);

/**
 * «🔎 Пользователь» (Superuser): an email or a phone (+7 701 123 45 67,
 * 87011234567, 7011234567 …) → the user's card with «Заблокировать» (asks
 * first) or «Разблокировать». Not found, or not an email or phone: said so,
 * and the step stays. On the card, typing another email or phone, or
 * «🔎 Искать ещё», looks up the next one. A refused change (the last active
 * Superuser, a status changed meanwhile) shows the card as it now is, saying why.
 */
export const findUserMachine = setup({
  types: {
    context: {} as FindUserContext,
    events: {} as FlowEvent,
    output: {} as FindUserOutput,
  },
  actors: {
    find: fromPromise<FoundUser, { query: string }>(notProvided('find')),
    setStatus: fromPromise<FoundUser, { userId: number; status: UserStatus }>(notProvided('setStatus')),
  },
  guards: {
    aQuery: ({ event }) => event.type === 'TEXT' && isUserQuery(event.text),
    theCard: ({ context, event }) => context.card !== null && idOf(event) === context.card.id,
    activeCard: ({ context, event }) =>
      context.card !== null && idOf(event) === context.card.id && context.card.status === 'active',
    blockedCard: ({ context, event }) =>
      context.card !== null && idOf(event) === context.card.id && context.card.status === 'blocked',
    notFound: ({ event }) => errorOf(event).code === 'not_found',
  },
  // A notice or a refusal is shown once, on the screen right after it happened.
  actions: {
    rememberQuery: assign({
      query: ({ event }) => (event.type === 'TEXT' ? event.text.trim() : null),
      notice: null,
      error: null,
    }),
    pressed: assign({ notice: null, error: null }),
    notice: assign((_, notice: FindUserNotice) => ({ notice, error: null })),
    found: assign({ card: ({ event }) => (event as unknown as { output: FoundUser }).output }),
    forget: assign({ card: null, query: null, notice: null, error: null }),
    block: assign({ wanted: 'blocked' as const }),
    unblock: assign({ wanted: 'active' as const }),
    changed: assign(({ event }) => {
      const card = (event as unknown as { output: FoundUser }).output;
      return { card, notice: card.status === 'blocked' ? ('blocked' as const) : ('unblocked' as const) };
    }),
    // The card is read again by its email, so the refusal shows above the card as it now is.
    refused: assign({
      error: ({ event }) => errorOf(event),
      notice: null,
      query: ({ context }) => context.card?.email ?? context.query,
    }),
    rememberError: assign({ notice: null, error: ({ event }) => errorOf(event) }),
  },
}).createMachine({
  id: 'findUser',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: FindUserOutput }).output,
  initial: 'askQuery',
  context: { query: null, card: null, wanted: null, notice: null, error: null },
  on: { CANCEL: '.cancelled' },
  states: {
    askQuery: {
      on: {
        TEXT: [
          { guard: 'aQuery', target: 'searching', actions: 'rememberQuery' },
          { actions: { type: 'notice', params: 'badQuery' } },
        ],
      },
    },
    searching: {
      invoke: {
        src: 'find',
        input: ({ context }) => ({ query: context.query! }),
        onDone: { target: 'card', actions: 'found' },
        onError: [
          { guard: 'notFound', target: 'askQuery', actions: { type: 'notice', params: 'notFound' } },
          { target: 'askQuery', actions: 'rememberError' },
        ],
      },
    },
    card: {
      on: {
        'cb.fublock': { guard: 'activeCard', target: 'confirmBlock', actions: 'pressed' },
        'cb.fuunblock': { guard: 'blockedCard', target: 'changingStatus', actions: ['pressed', 'unblock'] },
        'cb.fuagain': { target: 'askQuery', actions: 'forget' },
        'cb.close': 'closed',
        // Typing another email or phone looks it up straight away.
        TEXT: [
          { guard: 'aQuery', target: 'searching', actions: 'rememberQuery' },
          { actions: { type: 'notice', params: 'badQuery' } },
        ],
      },
    },
    confirmBlock: {
      on: {
        'cb.fublockok': { guard: 'theCard', target: 'changingStatus', actions: ['pressed', 'block'] },
        // «Нет»: the card again.
        'cb.fucard': { guard: 'theCard', target: 'card', actions: 'pressed' },
        BACK: { target: 'card', actions: 'pressed' },
        TEXT: { actions: { type: 'notice', params: 'useButtons' } },
      },
    },
    changingStatus: {
      invoke: {
        src: 'setStatus',
        input: ({ context }) => ({ userId: context.card!.id, status: context.wanted! }),
        onDone: { target: 'card', actions: 'changed' },
        onError: { target: 'searching', actions: 'refused' },
      },
    },
    closed: { type: 'final', output: { outcome: 'closed' as const } },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
