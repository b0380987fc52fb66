import type { Actor } from '../domain/actor.ts';
import { DomainError, ValidationFailed } from '../domain/errors.ts';

/**
 * Who the operator's commands act as: a Superuser, so they go through the
 * same domain services, rules and validation as a Superuser in the bot. It is
 * no account (id 0): nothing is recorded as done by it.
 */
export const OPERATOR: Actor = { id: 0, role: 'superuser', status: 'active', agencyId: null };

/** A failed command: what to print on stderr and the exit code (2 = bad usage, 1 = refused). */
export interface CommandFailure {
  message: string;
  exitCode: 1 | 2;
}

/** Bad usage: a missing or malformed option. */
export const usage = (message: string): CommandFailure => ({ message, exitCode: 2 });

/** The domain said no. */
export const refused = (message: string): CommandFailure => ({ message: `Refused: ${message}`, exitCode: 1 });

/**
 * A domain refusal in the words of the command line: each invalid field named
 * by its option (`fieldMessages` says it better when it knows the field).
 */
export function describeRefusal(
  error: unknown,
  fieldMessages: Record<string, (message: string) => string>,
): CommandFailure {
  if (!(error instanceof DomainError)) throw error;
  if (error instanceof ValidationFailed) {
    const lines = error.issues.map((issue) => {
      const explain = fieldMessages[issue.field];
      return explain ? explain(issue.message) : `${issue.field || 'input'}: ${issue.message}`;
    });
    return refused(lines.join('; '));
  }
  return refused(`${error.message} (${error.code})`);
}
