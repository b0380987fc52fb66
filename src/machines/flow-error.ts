import { DomainError } from '../domain/errors.ts';

/** A domain refusal as plain JSON, so it can live in a persisted machine context. */
export interface FlowError {
  code: string;
  field?: string;
  attemptsLeft?: number;
  retryAfterSeconds?: number;
}

/** Turns an error from a domain actor into JSON; anything else is a bug and is rethrown. */
export function flowError(error: unknown): FlowError {
  if (!(error instanceof DomainError)) throw error;
  const details = error as DomainError &
    Partial<Record<'field' | 'attemptsLeft' | 'retryAfterSeconds', unknown>>;
  const result: FlowError = { code: error.code };
  if (typeof details.field === 'string') result.field = details.field;
  if (typeof details.attemptsLeft === 'number') result.attemptsLeft = details.attemptsLeft;
  if (typeof details.retryAfterSeconds === 'number') result.retryAfterSeconds = details.retryAfterSeconds;
  return result;
}

/** The default implementation of every domain actor: the bot layer must provide the real one. */
export function notProvided(name: string): () => Promise<never> {
  return () => Promise.reject(new Error(`actor ${name} was not provided`));
}

/** The refusal carried by an actor's error event (`xstate.error.actor.*`), as JSON. */
export function errorOf(event: unknown): FlowError {
  return flowError((event as { error?: unknown }).error);
}
