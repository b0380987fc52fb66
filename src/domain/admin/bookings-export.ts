import { z } from 'zod';
import { Agency } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import { type MaybeActor, requireRole } from '../actor.ts';
import type { BookingStay } from '../bookings/view.ts';
import { addDays, almatyMidnight, nightsBetween } from '../dates.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { idSchema, isoDateSchema, parseInput } from '../validation.ts';
import { queryOne, queryRows } from './sql.ts';

/** At most this many rows go into one export; `truncated` says when there were more. */
export const EXPORT_ROW_LIMIT = 10_000;
/** The longest period one export covers, in days. */
export const EXPORT_MAX_DAYS = 366;

/** One booking of an export, as the CSV columns need it. */
export interface ExportedBooking extends BookingStay {
  id: number;
  listing: string;
  city: string;
  realtor: string;
  /** The realtor's agency now; null for a realtor without one (only in a Superuser's export). */
  agency: string | null;
  guest: string;
  phone: string;
  createdAt: Date;
}

/** The bookings made in a period (Almaty days, both ends included). */
export interface BookingsExport {
  from: string;
  to: string;
  /** The agency exported; null = the whole platform. */
  agency: { id: number; name: string } | null;
  rows: ExportedBooking[];
  /** All matching bookings; more than `rows.length` when `truncated`. */
  total: number;
  truncated: boolean;
}

export const exportSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema, agencyId: idSchema.nullish() })
  .refine((input) => input.from <= input.to, { message: 'the period ends before it starts', path: ['to'] })
  .refine((input) => nightsBetween(input.from, input.to) < EXPORT_MAX_DAYS, {
    message: `at most ${EXPORT_MAX_DAYS} days`,
    path: ['to'],
  });

/**
 * Which agency the actor may export: a Super Admin their own only (naming
 * another is forbidden), a Superuser any one or — with none named — all.
 */
function scopeOf(actor: MaybeActor, agencyId: number | null | undefined): number | null {
  const admin = requireRole(actor, 'super_admin', 'superuser');
  if (admin.role === 'superuser') return agencyId ?? null;
  if (admin.agencyId === null) throw new Forbidden('a super admin without an agency');
  if (agencyId != null && agencyId !== admin.agencyId) throw new Forbidden('another agency');
  return admin.agencyId;
}

const FROM = `booking b join listing l on l.id = b.listing_id join app_user r on r.id = l.realtor_id
  left join agency a on a.id = r.agency_id join app_user g on g.id = b.guest_id`;

type Row = Omit<ExportedBooking, 'createdAt'> & { createdEpoch: number };

/**
 * The bookings created in the period `from`..`to` (Almaty calendar days,
 * inclusive), oldest first, at most `EXPORT_ROW_LIMIT`. A booking belongs to
 * the agency its listing's realtor belongs to now (as in the agency figures).
 */
export async function exportBookings(
  em: Em,
  actor: MaybeActor,
  input: z.input<typeof exportSchema>,
): Promise<BookingsExport> {
  const { from, to, agencyId } = parseInput(exportSchema, input);
  const scope = scopeOf(actor, agencyId);
  let agency: BookingsExport['agency'] = null;
  if (scope !== null) {
    const found = await em.findOne(Agency, scope, { fields: ['id', 'name'] as never });
    if (!found) throw new NotFound('agency', scope);
    agency = { id: found.id, name: found.name };
  }
  const where = `b.created_at >= ?::timestamptz and b.created_at < ?::timestamptz${scope === null ? '' : ' and r.agency_id = ?'}`;
  const params: unknown[] = [
    almatyMidnight(from).toISOString(),
    almatyMidnight(addDays(to, 1)).toISOString(),
    ...(scope === null ? [] : [scope]),
  ];
  const { total } = await queryOne<{ total: number }>(
    em,
    `select count(*)::int as total from ${FROM} where ${where}`,
    params,
  );
  // Dates as text and the instant as epoch seconds: PGlite and node-postgres agree on those.
  const rows = await queryRows<Row>(
    em,
    `select b.id, l.title as listing, l.city, r.full_name as realtor, a.name as agency,
            g.full_name as guest, g.phone, b.check_in::text as "checkIn", b.check_out::text as "checkOut",
            (b.check_out - b.check_in)::int as nights, b.guests, b.total, b.status,
            extract(epoch from b.created_at)::float8 as "createdEpoch"
       from ${FROM} where ${where} order by b.created_at, b.id limit ${EXPORT_ROW_LIMIT}`,
    params,
  );
  return {
    from,
    to,
    agency,
    rows: rows.map(({ createdEpoch, ...row }) => ({ ...row, createdAt: new Date(createdEpoch * 1000) })),
    total,
    truncated: total > rows.length,
  };
}
