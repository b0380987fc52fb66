/**
 * Domain errors: small named classes with a stable `code` the bot maps to a
 * translated message. Anything else reaching the bot is a bug.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export interface FieldIssue {
  /** Dotted path of the offending input field ('' for the whole input). */
  field: string;
  message: string;
}

/** Input did not pass its schema. */
export class ValidationFailed extends DomainError {
  readonly code = 'validation_failed';
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(
      `invalid input: ${issues.map((issue) => `${issue.field || 'input'}: ${issue.message}`).join('; ')}`,
    );
    this.issues = issues;
  }
}

/** The thing does not exist, or the actor may not know it exists. */
export class NotFound extends DomainError {
  readonly code = 'not_found';
  readonly entity: string;
  constructor(entity: string, id?: number | string) {
    super(`${entity}${id === undefined ? '' : ` ${id}`} not found`);
    this.entity = entity;
  }
}

/** The actor's role or ownership does not allow this. */
export class Forbidden extends DomainError {
  readonly code = 'forbidden';
}

/** The acting account is blocked (or has no account when one is needed). */
export class AccountBlocked extends DomainError {
  readonly code = 'account_blocked';
  constructor() {
    super('account is blocked');
  }
}

/** An account is required (the person must /register or /link first). */
export class AccountRequired extends DomainError {
  readonly code = 'account_required';
  constructor() {
    super('an account is required');
  }
}

/** The dates overlap a live booking or a block of the listing. */
export class DatesTaken extends DomainError {
  readonly code = 'dates_taken';
  /** The live booking in the way, when it is one (for realtors adding a block). */
  readonly conflictingBookingId: number | null;
  constructor(conflictingBookingId: number | null = null) {
    super('the dates are taken');
    this.conflictingBookingId = conflictingBookingId;
  }
}

/** The record is not in a state that allows the operation (stale button, double press). */
export class InvalidState extends DomainError {
  readonly code = 'invalid_state';
  readonly currentState: string;
  constructor(entity: string, currentState: string) {
    super(`${entity} is ${currentState}`);
    this.currentState = currentState;
  }
}

/** A unique value (email, phone, agency name) is already used. */
export class AlreadyExists extends DomainError {
  readonly code = 'already_exists';
  readonly field: string;
  constructor(field: string) {
    super(`${field} is already taken`);
    this.field = field;
  }
}

/** The Telegram user already has a linked account. */
export class AlreadyLinked extends DomainError {
  readonly code = 'already_linked';
  constructor() {
    super('this Telegram account is already linked');
  }
}

/** Too many requests of this kind; try again later. */
export class RateLimited extends DomainError {
  readonly code = 'rate_limited';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(`rate limited, retry in ${retryAfterSeconds}s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A wrong link code; `attemptsLeft` more tries on this code. */
export class CodeInvalid extends DomainError {
  readonly code = 'code_invalid';
  readonly attemptsLeft: number;
  constructor(attemptsLeft: number) {
    super(`wrong code, ${attemptsLeft} attempts left`);
    this.attemptsLeft = attemptsLeft;
  }
}

/** The link code expired, was used up, or never existed: request a new one. */
export class CodeExpired extends DomainError {
  readonly code = 'code_expired';
  constructor() {
    super('the code has expired; request a new one');
  }
}

/** The action needs the acting user's agency (or the agency) to be active. */
export class AgencyInactive extends DomainError {
  readonly code = 'agency_inactive';
  constructor() {
    super('the agency is inactive');
  }
}

/** Refused because it would leave the platform without an active Superuser. */
export class LastSuperuser extends DomainError {
  readonly code = 'last_superuser';
  constructor() {
    super('the last active superuser cannot be demoted or blocked');
  }
}
