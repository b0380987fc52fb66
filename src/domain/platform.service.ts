import { createPlatformAgencyOps } from './admin/platform-agencies.ts';
import { createPlatformRealtorOps } from './admin/platform-realtors.ts';
import { createPlatformUserOps } from './admin/platform-users.ts';
import type { DomainDeps } from './deps.ts';

/**
 * What the Superuser runs: agencies, users (roles and status) and realtors
 * across the platform. Every method requires an active Superuser.
 */
export function createPlatformService(deps: DomainDeps) {
  return {
    ...createPlatformAgencyOps(deps),
    ...createPlatformUserOps(deps),
    ...createPlatformRealtorOps(deps),
  };
}

export type PlatformService = ReturnType<typeof createPlatformService>;
