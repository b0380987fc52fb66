import type { DomainDeps } from './deps.ts';

// Placeholder until the service is written (foundation issue, in progress).
export function createPlatformService(_deps: DomainDeps) {
  return {};
}
