/** PostgreSQL error codes the domain turns into typed errors. */
const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';

function sqlState(error: unknown): { code?: string; constraint?: string; message: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        constraint: typeof candidate.constraint === 'string' ? candidate.constraint : undefined,
        message: String(candidate.message ?? ''),
      } as { code?: string; constraint?: string; message: string };
    }
    current = candidate.cause;
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/** True when `error` is the overlap exclusion constraint firing (23P01), optionally a named one. */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const state = sqlState(error);
  if (state.code !== EXCLUSION_VIOLATION) return false;
  return !constraint || state.constraint === constraint || state.message.includes(constraint);
}

/** True when `error` is a unique violation (23505), optionally of the named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const state = sqlState(error);
  if (state.code !== UNIQUE_VIOLATION) return false;
  return !constraint || state.constraint === constraint || state.message.includes(constraint);
}
