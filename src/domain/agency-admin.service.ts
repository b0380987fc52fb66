import { z } from 'zod';
import { Agency, User, type UserStatus } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { type Actor, type MaybeActor, requireRole } from './actor.ts';
import { type AgencyMetrics, agencyMetrics } from './admin/agency-metrics.ts';
import { exportBookings } from './admin/bookings-export.ts';
import { almatyMonthOf, lastAlmatyDays } from './admin/periods.ts';
import { queryOne, queryRows } from './admin/sql.ts';
import { changeUserStatus } from './admin/user-status.ts';
import { addDays, almatyMidnight } from './dates.ts';
import { isUniqueViolation } from './db-errors.ts';
import type { DomainDeps } from './deps.ts';
import { AgencyInactive, AlreadyExists, Forbidden, NotFound } from './errors.ts';
import { hashPassword } from './secrets.ts';
import {
  emailSchema,
  fullNameSchema,
  idSchema,
  type Page,
  type PageInput,
  pageOf,
  pageSchema,
  parseInput,
  passwordSchema,
  phoneSchema,
} from './validation.ts';

export type { AgencyMetrics } from './admin/agency-metrics.ts';
export type { BookingsExport, ExportedBooking } from './admin/bookings-export.ts';

/** A row of the Super Admin's «👥 Риелторы». */
export interface AgencyRealtor {
  id: number;
  fullName: string;
  email: string;
  phone: string;
  status: UserStatus;
  listingsCount: number;
  /** Bookings created on their listings in the current Almaty month. */
  bookingsThisMonth: number;
}

/** The realtor a Super Admin just created or changed. */
export interface RealtorSummary {
  id: number;
  fullName: string;
  email: string;
  phone: string;
  status: UserStatus;
}

const addSchema = z.object({
  email: emailSchema,
  phone: phoneSchema,
  fullName: fullNameSchema,
  password: passwordSchema,
});
const statusSchema = z.object({ realtorId: idSchema, status: z.enum(['active', 'blocked']) });
const metricsSchema = z.object({ now: z.date().optional() }).default({});
const perDaySchema = z.object({ days: z.number().int().min(1).max(366).default(30) }).default({ days: 30 });

/** The acting Super Admin and the one agency they run. */
function requireAgencyAdmin(actor: MaybeActor): Actor & { agencyId: number } {
  const admin = requireRole(actor, 'super_admin');
  // The database guarantees a Super Admin has an agency; a stale actor without one may do nothing.
  if (admin.agencyId === null) throw new Forbidden('a super admin without an agency');
  return { ...admin, agencyId: admin.agencyId };
}

function summary(user: User): RealtorSummary {
  return { id: user.id, fullName: user.fullName, email: user.email, phone: user.phone, status: user.status };
}

/** Refuses an email or phone some account already has (already_exists, naming the field). */
async function assertContactsFree(em: Em, email: string, phone: string): Promise<void> {
  if ((await em.count(User, { email })) > 0) throw new AlreadyExists('email');
  if ((await em.count(User, { phone })) > 0) throw new AlreadyExists('phone');
}

/**
 * What a Super Admin does for their own agency: its realtors and its figures.
 * Every method requires an active Super Admin and sees only their agency;
 * realtors of other agencies are `not_found`.
 */
export function createAgencyAdminService(deps: DomainDeps) {
  return {
    /** The agency's realtors by name, with their listings and this month's bookings. */
    async listRealtors(em: Em, actor: MaybeActor, input: PageInput = {}): Promise<Page<AgencyRealtor>> {
      const { agencyId } = requireAgencyAdmin(actor);
      const { page, pageSize } = parseInput(pageSchema, input);
      const month = almatyMonthOf(deps.clock.now());
      const { total } = await queryOne<{ total: number }>(
        em,
        `select count(*)::int as total from app_user where agency_id = ? and role = 'realtor'`,
        [agencyId],
      );
      const items = await queryRows<AgencyRealtor>(
        em,
        `select u.id, u.full_name as "fullName", u.email, u.phone, u.status,
                (select count(*)::int from listing l where l.realtor_id = u.id) as "listingsCount",
                (select count(*)::int from booking b join listing l on l.id = b.listing_id
                  where l.realtor_id = u.id and b.created_at >= ?::timestamptz and b.created_at < ?::timestamptz)
                  as "bookingsThisMonth"
           from app_user u where u.agency_id = ? and u.role = 'realtor'
          order by lower(u.full_name), u.id limit ? offset ?`,
        [month.from.toISOString(), month.to.toISOString(), agencyId, pageSize, (page - 1) * pageSize],
      );
      return pageOf(items, total, page, pageSize);
    },

    /**
     * «➕ Добавить»: creates an active realtor in the actor's agency with a
     * password, and emails them to /link their Telegram. Refuses a used email or
     * phone (already_exists) and an inactive agency (agency_inactive).
     */
    async addRealtor(em: Em, actor: MaybeActor, input: z.input<typeof addSchema>): Promise<RealtorSummary> {
      const { agencyId } = requireAgencyAdmin(actor);
      const data = parseInput(addSchema, input);
      const passwordHash = await hashPassword(data.password);
      return em.transactional(async (tx) => {
        const agency = await tx.findOneOrFail(Agency, agencyId);
        if (!agency.active) throw new AgencyInactive();
        await assertContactsFree(tx, data.email, data.phone);
        const realtor = tx.create(User, {
          email: data.email,
          phone: data.phone,
          fullName: data.fullName,
          passwordHash,
          role: 'realtor',
          status: 'active',
          agency,
          createdAt: deps.clock.now(),
        });
        try {
          await tx.flush();
        } catch (error) {
          if (isUniqueViolation(error, 'app_user_email_unique')) throw new AlreadyExists('email');
          if (isUniqueViolation(error, 'app_user_phone_unique')) throw new AlreadyExists('phone');
          throw error;
        }
        await deps.mail.queue(tx, 'realtorWelcome', realtor.email, {
          fullName: realtor.fullName,
          agencyName: agency.name,
        });
        return summary(realtor);
      });
    },

    /**
     * «Активировать/Деактивировать» a realtor of the actor's agency and tell them
     * (status_changed). Setting the status they have is invalid_state.
     */
    async setRealtorStatus(
      em: Em,
      actor: MaybeActor,
      input: z.input<typeof statusSchema>,
    ): Promise<RealtorSummary> {
      const { agencyId } = requireAgencyAdmin(actor);
      const { realtorId, status } = parseInput(statusSchema, input);
      const realtor = await em.transactional(async (tx) => {
        const found = await tx.findOne(User, { id: realtorId, role: 'realtor', agency: agencyId });
        if (!found) throw new NotFound('realtor', realtorId);
        await changeUserStatus(deps, tx, found, status);
        return summary(found);
      });
      // Not read back through a fork: outside the caller's transaction it would see the old status.
      return { ...realtor, status };
    },

    /** «📊 Агентство»: the agency's figures as of `now` (default: the clock). */
    async metrics(
      em: Em,
      actor: MaybeActor,
      input: z.input<typeof metricsSchema> = {},
    ): Promise<AgencyMetrics> {
      const { agencyId } = requireAgencyAdmin(actor);
      const { now } = parseInput(metricsSchema, input);
      const agency = await em.findOneOrFail(Agency, agencyId);
      return agencyMetrics(em, agency, now ?? deps.clock.now());
    },

    /** Bookings created per Almaty day on the agency's listings, the last `days` days (default 30), oldest first. */
    async bookingsPerDay(
      em: Em,
      actor: MaybeActor,
      input: z.input<typeof perDaySchema> = {},
    ): Promise<{ date: string; count: number }[]> {
      const { agencyId } = requireAgencyAdmin(actor);
      const { days } = parseInput(perDaySchema, input);
      const dates = lastAlmatyDays(deps.clock.now(), days);
      const from = almatyMidnight(dates[0]!);
      const to = almatyMidnight(addDays(dates.at(-1)!, 1));
      // Almaty keeps UTC+5 all year, so a day is 86 400 s from the first midnight.
      const rows = await queryRows<{ day: number; count: number }>(
        em,
        `select floor((extract(epoch from b.created_at) - ?) / 86400)::int as day, count(*)::int as count
           from booking b join listing l on l.id = b.listing_id join app_user r on r.id = l.realtor_id
          where r.agency_id = ? and b.created_at >= ?::timestamptz and b.created_at < ?::timestamptz
          group by 1`,
        [from.getTime() / 1000, agencyId, from.toISOString(), to.toISOString()],
      );
      const counts = new Map(rows.map((row) => [row.day, row.count]));
      return dates.map((date, index) => ({ date, count: counts.get(index) ?? 0 }));
    },

    /**
     * The bookings created in a period (Almaty days `from`..`to`, inclusive) for a
     * CSV export. A Super Admin gets their own agency's (naming another agency is
     * forbidden); a Superuser any one agency's (`agencyId`) or, without one, all.
     */
    exportBookings,
  };
}

export type AgencyAdminService = ReturnType<typeof createAgencyAdminService>;
