import { z } from 'zod';
import { Agency, USER_STATUSES, User, type UserStatus } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import { type MaybeActor, requireRole } from '../actor.ts';
import type { DomainDeps } from '../deps.ts';
import { InvalidState, NotFound } from '../errors.ts';
import { idSchema, type Page, type PageInput, pageOf, pageSchema, parseInput } from '../validation.ts';
import { notifyAgencyChange } from './agency-notices.ts';
import { agencyRef } from './user-card.ts';
import { changeUserStatus } from './user-status.ts';

/** A row of the platform-wide «👨‍💼 Риелторы». */
export interface PlatformRealtor {
  id: number;
  fullName: string;
  email: string;
  phone: string;
  status: UserStatus;
  agency: { id: number; name: string } | null;
}

const moveSchema = z.object({ realtorId: idSchema, agencyId: idSchema });
const realtorIdSchema = z.object({ realtorId: idSchema });
const statusSchema = z.object({ realtorId: idSchema, status: z.enum(USER_STATUSES) });

function realtorView(user: User): PlatformRealtor {
  return {
    id: user.id,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    status: user.status,
    agency: agencyRef(user.agency),
  };
}

async function findRealtor(em: Em, realtorId: number): Promise<User> {
  const realtor = await em.findOne(User, { id: realtorId, role: 'realtor' }, { populate: ['agency'] });
  if (!realtor) throw new NotFound('realtor', realtorId);
  return realtor;
}

/** The realtor read fresh after a change, in `em`'s transaction (see `loadUserCard`). */
async function loadRealtor(em: Em, realtorId: number): Promise<PlatformRealtor> {
  return realtorView(await findRealtor(em.fork({ keepTransactionContext: true }), realtorId));
}

/**
 * Moves a realtor to `agency` (or out of any), conditional on the agency read,
 * and tells the realtor and the Super Admins of both agencies (agency_changed).
 */
async function moveRealtor(deps: DomainDeps, tx: Em, realtor: User, agency: Agency | null): Promise<void> {
  const from = realtor.agency ?? null;
  const affected = await tx.nativeUpdate(
    User,
    { id: realtor.id, role: 'realtor', agency: from?.id ?? null },
    { agency: agency?.id ?? null, updatedAt: deps.clock.now() },
  );
  if (affected === 0) throw new InvalidState('realtor', 'changed');
  await notifyAgencyChange(deps, tx, {
    realtorId: realtor.id,
    realtorName: realtor.fullName,
    fromAgency: from?.name ?? null,
    toAgency: agency?.name ?? null,
    role: 'realtor',
    agencyIds: [from?.id ?? null, agency?.id ?? null],
    notifyPerson: true,
  });
}

/** The Superuser's platform-wide realtor operations («👨‍💼 Риелторы»). */
export function createPlatformRealtorOps(deps: DomainDeps) {
  return {
    /** Every realtor with their agency and status, by name. */
    async listRealtors(em: Em, actor: MaybeActor, input: PageInput = {}): Promise<Page<PlatformRealtor>> {
      requireRole(actor, 'superuser');
      const { page, pageSize } = parseInput(pageSchema, input);
      const [realtors, total] = await em.findAndCount(
        User,
        { role: 'realtor' },
        {
          populate: ['agency'],
          orderBy: { fullName: 'asc', id: 'asc' },
          limit: pageSize,
          offset: (page - 1) * pageSize,
        },
      );
      return pageOf(realtors.map(realtorView), total, page, pageSize);
    },

    /** «Сменить агентство»: moves a realtor to another agency (invalid_state if already there). */
    async changeRealtorAgency(
      em: Em,
      actor: MaybeActor,
      input: z.input<typeof moveSchema>,
    ): Promise<PlatformRealtor> {
      requireRole(actor, 'superuser');
      const { realtorId, agencyId } = parseInput(moveSchema, input);
      await em.transactional(async (tx) => {
        const realtor = await findRealtor(tx, realtorId);
        const agency = await tx.findOne(Agency, agencyId);
        if (!agency) throw new NotFound('agency', agencyId);
        if (realtor.agency?.id === agency.id) throw new InvalidState('realtor', 'already_in_agency');
        await moveRealtor(deps, tx, realtor, agency);
      });
      return loadRealtor(em, realtorId);
    },

    /** «Убрать агентство»: detaches a realtor from their agency (invalid_state if they have none). */
    async removeRealtorAgency(
      em: Em,
      actor: MaybeActor,
      input: z.input<typeof realtorIdSchema>,
    ): Promise<PlatformRealtor> {
      requireRole(actor, 'superuser');
      const { realtorId } = parseInput(realtorIdSchema, input);
      await em.transactional(async (tx) => {
        const realtor = await findRealtor(tx, realtorId);
        if (!realtor.agency) throw new InvalidState('realtor', 'without_agency');
        await moveRealtor(deps, tx, realtor, null);
      });
      return loadRealtor(em, realtorId);
    },

    /** Blocks or unblocks a realtor (not_found for anyone who is not a realtor). */
    async setRealtorStatus(
      em: Em,
      actor: MaybeActor,
      input: z.input<typeof statusSchema>,
    ): Promise<PlatformRealtor> {
      requireRole(actor, 'superuser');
      const { realtorId, status } = parseInput(statusSchema, input);
      await em.transactional(async (tx) => {
        await changeUserStatus(deps, tx, await findRealtor(tx, realtorId), status);
      });
      return loadRealtor(em, realtorId);
    },
  };
}
