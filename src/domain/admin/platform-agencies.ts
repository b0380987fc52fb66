import { z } from 'zod';
import { Agency, User } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import { type MaybeActor, requireRole } from '../actor.ts';
import { cityKey, citySqlKey } from '../cities.ts';
import { isUniqueViolation } from '../db-errors.ts';
import type { DomainDeps } from '../deps.ts';
import { AlreadyExists, InvalidState, NotFound } from '../errors.ts';
import {
  emailSchema,
  idSchema,
  type Page,
  type PageInput,
  pageOf,
  pageSchema,
  parseInput,
  phoneSchema,
} from '../validation.ts';
import { agencyCitySchema, agencyNameSchema } from './agency-fields.ts';
import { type BookingCounts, bookingCounts, listingCounts, realtorCounts, revenue } from './agency-stats.ts';
import { likeContains, queryOne, queryRows } from './sql.ts';

/** An agency's own fields. */
export interface AgencyView {
  id: number;
  name: string;
  city: string;
  phone: string;
  email: string;
  active: boolean;
  createdAt: Date;
}

/** A row of «🏢 Агентства». */
export interface AgencyListItem {
  id: number;
  name: string;
  city: string;
  active: boolean;
  realtorsCount: number;
  listingsCount: number;
}

/** «Подробнее» of an agency card. */
export interface AgencyDetails extends AgencyView {
  realtors: { active: number; total: number };
  listings: { published: number; total: number };
  bookings: BookingCounts;
  /** Succeeded payments of all time, integer tenge. */
  revenue: number;
  superAdmins: { id: number; fullName: string; email: string; phone: string; status: string }[];
}

/** A match of «Сменить агентство»'s search. */
export interface AgencyMatch {
  id: number;
  name: string;
  city: string;
  active: boolean;
}

/** The most agencies `findAgencies` returns. */
export const AGENCY_MATCH_LIMIT = 50;

const nameSchema = agencyNameSchema;
const citySchema = agencyCitySchema;

const createSchema = z.object({ name: nameSchema, city: citySchema, phone: phoneSchema, email: emailSchema });
const updateSchema = z
  .object({
    agencyId: idSchema,
    name: nameSchema.optional(),
    city: citySchema.optional(),
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
  })
  .refine(
    (input) => [input.name, input.city, input.phone, input.email].some((value) => value !== undefined),
    {
      message: 'nothing to change',
    },
  );
const agencyIdSchema = z.object({ agencyId: idSchema });
const activeSchema = z.object({ agencyId: idSchema, active: z.boolean() });
const querySchema = z.object({ query: z.string().trim().min(1, 'empty').max(100, 'too long') });
const nameCheckSchema = z.object({ name: nameSchema, exceptId: idSchema.optional() });

/** The plain view of an agency entity. */
export function agencyView(agency: Agency): AgencyView {
  return {
    id: agency.id,
    name: agency.name,
    city: agency.city,
    phone: agency.phone,
    email: agency.email,
    active: agency.active,
    createdAt: agency.createdAt,
  };
}

/** Whether an agency other than `exceptId` has `name`, ignoring case (the unique constraint is exact). */
async function nameTaken(em: Em, name: string, exceptId?: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(em, 'select id from agency where lower(name) = lower(?)', [
    name,
  ]);
  return rows.some((row) => row.id !== exceptId);
}

/** Refuses a name another agency has, ignoring case. */
async function assertNameFree(em: Em, name: string, exceptId?: number): Promise<void> {
  if (await nameTaken(em, name, exceptId)) throw new AlreadyExists('name');
}

async function flushAgency(em: Em): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (isUniqueViolation(error, 'agency_name_unique')) throw new AlreadyExists('name');
    throw error;
  }
}

/** The Superuser's agency operations («🏢 Агентства»). */
export function createPlatformAgencyOps(deps: DomainDeps) {
  return {
    /** Creates an active agency. Refuses a taken name (already_exists, field name). */
    async createAgency(em: Em, actor: MaybeActor, input: z.input<typeof createSchema>): Promise<AgencyView> {
      requireRole(actor, 'superuser');
      const data = parseInput(createSchema, input);
      return em.transactional(async (tx) => {
        await assertNameFree(tx, data.name);
        const agency = tx.create(Agency, { ...data, active: true, createdAt: deps.clock.now() });
        await flushAgency(tx);
        return agencyView(agency);
      });
    },

    /**
     * Whether another agency (not `exceptId`) already has `name`, ignoring case:
     * lets a wizard refuse a taken name at its own step. Creating and renaming
     * check again.
     */
    async agencyNameTaken(
      em: Em,
      actor: MaybeActor,
      input: z.input<typeof nameCheckSchema>,
    ): Promise<boolean> {
      requireRole(actor, 'superuser');
      const { name, exceptId } = parseInput(nameCheckSchema, input);
      return nameTaken(em, name, exceptId);
    },

    /** Changes some of an agency's name, city, phone, email. */
    async updateAgency(em: Em, actor: MaybeActor, input: z.input<typeof updateSchema>): Promise<AgencyView> {
      requireRole(actor, 'superuser');
      const { agencyId, ...changes } = parseInput(updateSchema, input);
      return em.transactional(async (tx) => {
        const agency = await tx.findOne(Agency, agencyId);
        if (!agency) throw new NotFound('agency', agencyId);
        if (changes.name !== undefined) await assertNameFree(tx, changes.name, agencyId);
        tx.assign(
          agency,
          Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
        );
        await flushAgency(tx);
        return agencyView(agency);
      });
    },

    /** Every agency, active or not, by name, with its realtor and listing counts. */
    async listAgencies(em: Em, actor: MaybeActor, input: PageInput = {}): Promise<Page<AgencyListItem>> {
      requireRole(actor, 'superuser');
      const { page, pageSize } = parseInput(pageSchema, input);
      const { total } = await queryOne<{ total: number }>(em, 'select count(*)::int as total from agency');
      const items = await queryRows<AgencyListItem>(
        em,
        `select a.id, a.name, a.city, a.active,
                (select count(*)::int from app_user u where u.agency_id = a.id and u.role = 'realtor')
                  as "realtorsCount",
                (select count(*)::int from listing l join app_user u on u.id = l.realtor_id
                  where u.agency_id = a.id) as "listingsCount"
           from agency a order by ${citySqlKey('a.name')}, a.id limit ? offset ?`,
        [pageSize, (page - 1) * pageSize],
      );
      return pageOf(items, total, page, pageSize);
    },

    /** An agency's figures and contacts, including its Super Admins. */
    async agencyDetails(
      em: Em,
      actor: MaybeActor,
      input: z.input<typeof agencyIdSchema>,
    ): Promise<AgencyDetails> {
      requireRole(actor, 'superuser');
      const { agencyId } = parseInput(agencyIdSchema, input);
      const agency = await em.findOne(Agency, agencyId);
      if (!agency) throw new NotFound('agency', agencyId);
      const superAdmins = await em.find(
        User,
        { role: 'super_admin', agency: agencyId },
        { orderBy: { fullName: 'asc', id: 'asc' } },
      );
      return {
        ...agencyView(agency),
        realtors: await realtorCounts(em, agencyId),
        listings: await listingCounts(em, agencyId),
        bookings: await bookingCounts(em, agencyId),
        revenue: await revenue(em, agencyId),
        superAdmins: superAdmins.map((admin) => ({
          id: admin.id,
          fullName: admin.fullName,
          email: admin.email,
          phone: admin.phone,
          status: admin.status,
        })),
      };
    },

    /**
     * Activates or deactivates an agency (its listings leave search while inactive).
     * Setting the state it already has is `invalid_state` (a double press).
     */
    async setAgencyActive(
      em: Em,
      actor: MaybeActor,
      input: z.input<typeof activeSchema>,
    ): Promise<AgencyView> {
      requireRole(actor, 'superuser');
      const { agencyId, active } = parseInput(activeSchema, input);
      const affected = await em.nativeUpdate(Agency, { id: agencyId, active: !active }, { active });
      // A fresh read in the caller's transaction (the bot's update runs in one; a plain fork would wait on it).
      const agency = await em.fork({ keepTransactionContext: true }).findOne(Agency, agencyId);
      if (!agency) throw new NotFound('agency', agencyId);
      if (affected === 0) throw new InvalidState('agency', agency.active ? 'active' : 'inactive');
      return agencyView(agency);
    },

    /**
     * Agencies matching what the Superuser typed: the agency with that id when
     * the query is a number, else part of the name or city (case- and ё-insensitive).
     * Active and inactive alike, by name, at most 50.
     */
    async findAgencies(
      em: Em,
      actor: MaybeActor,
      input: z.input<typeof querySchema>,
    ): Promise<AgencyMatch[]> {
      requireRole(actor, 'superuser');
      const { query } = parseInput(querySchema, input);
      if (/^\d+$/.test(query)) {
        const id = Number(query);
        if (!Number.isSafeInteger(id) || id > 2_147_483_647) return [];
        return queryRows<AgencyMatch>(em, 'select id, name, city, active from agency where id = ?', [id]);
      }
      const pattern = likeContains(cityKey(query));
      return queryRows<AgencyMatch>(
        em,
        `select id, name, city, active from agency
          where ${citySqlKey('name')} like ? escape '\\' or ${citySqlKey('city')} like ? escape '\\'
          order by ${citySqlKey('name')}, id limit ${AGENCY_MATCH_LIMIT}`,
        [pattern, pattern],
      );
    },
  };
}
