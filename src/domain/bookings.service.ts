import type { DomainDeps } from './deps.ts';

// Placeholder until the service is written (foundation issue, in progress).
export function createBookingService(_deps: DomainDeps) {
  return {};
}
