import { z } from 'zod';
import { Agency, USER_ROLES, USER_STATUSES, User, type UserRole } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import { type MaybeActor, requireRole } from '../actor.ts';
import type { DomainDeps } from '../deps.ts';
import { InvalidState, NotFound, ValidationFailed } from '../errors.ts';
import type { AgencyRole } from '../notification-kinds.ts';
import { normalizeKzPhone } from '../phone.ts';
import {
  emailSchema,
  idSchema,
  type Page,
  type PageInput,
  pageOf,
  pageSchema,
  parseInput,
} from '../validation.ts';
import { notifyAgencyChange } from './agency-notices.ts';
import { type UserCard, userCards } from './user-card.ts';
import { assertAnotherActiveSuperuser, changeUserStatus } from './user-status.ts';

/** Roles that belong to an agency. */
const AGENCY_ROLES: readonly UserRole[] = ['realtor', 'super_admin'];

/** `role` when it belongs to an agency, else undefined. */
function agencyRole(role: UserRole): AgencyRole | undefined {
  return role === 'realtor' || role === 'super_admin' ? role : undefined;
}

const findSchema = z.object({ query: z.string().trim().min(1, 'empty').max(254, 'too long') });
const roleSchema = z.object({ userId: idSchema, role: z.enum(USER_ROLES), agencyId: idSchema.optional() });
const statusSchema = z.object({ userId: idSchema, status: z.enum(USER_STATUSES) });

/**
 * The card of one user, read fresh after a change (a native update the
 * identity map has not seen). The fork stays in `em`'s transaction: outside
 * it, it would wait for that transaction (PGlite has one connection) or read
 * the row as it was before the change (PostgreSQL).
 */
export async function loadUserCard(em: Em, userId: number): Promise<UserCard> {
  const fork = em.fork({ keepTransactionContext: true });
  const user = await fork.findOne(User, userId, { populate: ['agency'] });
  if (!user) throw new NotFound('user', userId);
  const [card] = await userCards(fork, [user]);
  return card!;
}

/** The user behind an email or a KZ phone in any common format, or null. */
async function findByContact(em: Em, query: string): Promise<User | null> {
  if (query.includes('@')) {
    const email = emailSchema.safeParse(query);
    if (!email.success) throw new ValidationFailed([{ field: 'query', message: 'invalid email' }]);
    return em.findOne(User, { email: email.data }, { populate: ['agency'] });
  }
  const phone = normalizeKzPhone(query);
  if (!phone) throw new ValidationFailed([{ field: 'query', message: 'enter an email or a phone' }]);
  return em.findOne(User, { phone }, { populate: ['agency'] });
}

/** The agency a user of `role` will belong to; null for guests and Superusers. */
async function agencyForRole(
  tx: Em,
  user: User,
  role: UserRole,
  agencyId: number | undefined,
): Promise<Agency | null> {
  if (!AGENCY_ROLES.includes(role)) {
    if (agencyId !== undefined) {
      throw new ValidationFailed([{ field: 'agencyId', message: `a ${role} belongs to no agency` }]);
    }
    return null;
  }
  if (agencyId !== undefined) {
    const agency = await tx.findOne(Agency, agencyId);
    if (!agency) throw new NotFound('agency', agencyId);
    return agency;
  }
  if (!user.agency) throw new ValidationFailed([{ field: 'agencyId', message: `a ${role} needs an agency` }]);
  return user.agency;
}

/** The Superuser's user operations («🔎 Пользователь», «👥 Пользователи»). */
export function createPlatformUserOps(deps: DomainDeps) {
  return {
    /** A user by email (any case) or phone (any common KZ format); not_found when none. */
    async findUser(em: Em, actor: MaybeActor, input: z.input<typeof findSchema>): Promise<UserCard> {
      requireRole(actor, 'superuser');
      const { query } = parseInput(findSchema, input);
      const user = await findByContact(em, query);
      if (!user) throw new NotFound('user');
      const [card] = await userCards(em, [user]);
      return card!;
    },

    /** Users, newest first. */
    async recentUsers(em: Em, actor: MaybeActor, input: PageInput = {}): Promise<Page<UserCard>> {
      requireRole(actor, 'superuser');
      const { page, pageSize } = parseInput(pageSchema, input);
      const [users, total] = await em.findAndCount(
        User,
        {},
        {
          populate: ['agency'],
          orderBy: { createdAt: 'desc', id: 'desc' },
          limit: pageSize,
          offset: (page - 1) * pageSize,
        },
      );
      return pageOf(await userCards(em, users), total, page, pageSize);
    },

    /**
     * Gives a user a role. Realtors and Super Admins belong to an agency: the
     * given one or the user's current one (else validation_failed on agencyId);
     * guests and Superusers to none. Refuses demoting the last active Superuser
     * (last_superuser) and a change that changes nothing (invalid_state).
     * Tells the user (role_changed) and, when the agency changes, the Super
     * Admins of both agencies (agency_changed).
     */
    async setRole(em: Em, actor: MaybeActor, input: z.input<typeof roleSchema>): Promise<UserCard> {
      requireRole(actor, 'superuser');
      const { userId, role, agencyId } = parseInput(roleSchema, input);
      await em.transactional(async (tx) => {
        const user = await tx.findOne(User, userId, { populate: ['agency'] });
        if (!user) throw new NotFound('user', userId);
        const agency = await agencyForRole(tx, user, role, agencyId);
        const fromAgency = user.agency ?? null;
        if (user.role === role && fromAgency?.id === agency?.id) throw new InvalidState('user', user.role);
        if (user.role === 'superuser' && role !== 'superuser' && user.status === 'active') {
          await assertAnotherActiveSuperuser(tx, user.id);
        }
        const affected = await tx.nativeUpdate(
          User,
          { id: user.id, role: user.role, agency: fromAgency?.id ?? null },
          { role, agency: agency?.id ?? null, updatedAt: deps.clock.now() },
        );
        if (affected === 0) throw new InvalidState('user', 'changed');
        await deps.notifier.notify(tx, user.id, 'role_changed', { role, agencyName: agency?.name ?? null });
        if (fromAgency?.id !== agency?.id) {
          await notifyAgencyChange(deps, tx, {
            realtorId: user.id,
            realtorName: user.fullName,
            fromAgency: fromAgency?.name ?? null,
            toAgency: agency?.name ?? null,
            // Joining: the role they join with; leaving the agencies: the role they had there.
            role: agencyRole(role) ?? agencyRole(user.role),
            agencyIds: [fromAgency?.id ?? null, agency?.id ?? null],
            notifyPerson: false,
          });
        }
      });
      return loadUserCard(em, userId);
    },

    /**
     * Blocks or unblocks a user and tells them (status_changed). Refuses
     * blocking the last active Superuser and setting the status they have.
     */
    async setUserStatus(em: Em, actor: MaybeActor, input: z.input<typeof statusSchema>): Promise<UserCard> {
      requireRole(actor, 'superuser');
      const { userId, status } = parseInput(statusSchema, input);
      await em.transactional(async (tx) => {
        const user = await tx.findOne(User, userId);
        if (!user) throw new NotFound('user', userId);
        await changeUserStatus(deps, tx, user, status);
      });
      return loadUserCard(em, userId);
    },
  };
}
