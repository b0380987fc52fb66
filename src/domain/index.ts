import type { JobQueue } from '../db/job-queue.ts';
import { createAccountService } from './accounts.service.ts';
import { createAgencyAdminService } from './agency-admin.service.ts';
import { createBookingService } from './bookings.service.ts';
import { createCalendarService } from './calendar.service.ts';
import type { Clock } from './clock.ts';
import type { DomainDeps } from './deps.ts';
import { createFavoriteService } from './favorites.service.ts';
import { createListingService } from './listings.service.ts';
import { createMailOutbox } from './mail/outbox.ts';
import { createNotificationService } from './notifications.service.ts';
import { createNotifier } from './notify.ts';
import { createPaymentService } from './payments.service.ts';
import { createPlatformService } from './platform.service.ts';
import { createReviewService } from './reviews.service.ts';
import { createSearchService } from './search.service.ts';
import type { Secrets } from './secrets.ts';

/**
 * Every domain operation. Each service method takes `(em, actor, input)`,
 * parses the input with zod, checks the actor's permission itself and fails
 * with a `DomainError`.
 */
export function createDomain(options: {
  clock: Clock;
  jobs: JobQueue;
  secrets: Secrets;
  /** Link-code generator; only replays set it (production codes stay crypto random). */
  linkCodes?: () => string;
}) {
  const deps: DomainDeps = {
    ...options,
    mail: createMailOutbox(options.jobs, options.secrets),
    notifier: createNotifier(options.jobs, options.clock),
  };
  return {
    deps,
    accounts: createAccountService(deps),
    listings: createListingService(deps),
    calendar: createCalendarService(deps),
    search: createSearchService(deps),
    bookings: createBookingService(deps),
    payments: createPaymentService(deps),
    favorites: createFavoriteService(deps),
    reviews: createReviewService(deps),
    notifications: createNotificationService(deps),
    agencyAdmin: createAgencyAdminService(deps),
    platform: createPlatformService(deps),
  };
}

export type Domain = ReturnType<typeof createDomain>;
