import { User } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import type { DomainDeps } from '../deps.ts';
import type { NotificationPayloads } from '../notification-kinds.ts';

type AgencyChanged = NotificationPayloads['agency_changed'];

/**
 * Tells a person who moved between agencies (or left one) and the active
 * Super Admins of every agency involved. Call inside the change's transaction.
 */
export async function notifyAgencyChange(
  deps: DomainDeps,
  tx: Em,
  change: AgencyChanged & { agencyIds: (number | null)[]; notifyPerson: boolean },
): Promise<void> {
  const { agencyIds, notifyPerson, ...payload } = change;
  const ids = agencyIds.filter((id): id is number => id !== null);
  const admins =
    ids.length === 0
      ? []
      : await tx.find(
          User,
          { role: 'super_admin', status: 'active', agency: { $in: ids }, id: { $ne: payload.realtorId } },
          { orderBy: { id: 'asc' } },
        );
  const recipients = [...(notifyPerson ? [payload.realtorId] : []), ...admins.map((admin) => admin.id)];
  for (const userId of recipients) await deps.notifier.notify(tx, userId, 'agency_changed', payload);
}
