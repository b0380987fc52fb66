import type { DomainDeps } from './deps.ts';

// Placeholder until the service is written (foundation issue, in progress).
export function createFavoriteService(_deps: DomainDeps) {
  return {};
}
