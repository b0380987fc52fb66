import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { Booking } from '../../db/entities/index.ts';
import { LIVE_STATUSES } from './transitions.ts';

/** What a guest's list of bookings shows. */
export const GUEST_SCOPES = ['upcoming', 'past', 'all'] as const;
export type GuestScope = (typeof GUEST_SCOPES)[number];

/** What a realtor's list of bookings shows: new = waiting for confirmation or payment. */
export const REALTOR_FILTERS = ['new', 'upcoming', 'past'] as const;
export type RealtorFilter = (typeof REALTOR_FILTERS)[number];

interface ListQuery {
  where: FilterQuery<Booking>;
  orderBy: QueryOrderMap<Booking>;
}

const SOONEST_FIRST: QueryOrderMap<Booking> = { checkIn: 'asc', id: 'asc' };
const LATEST_FIRST: QueryOrderMap<Booking> = { checkIn: 'desc', id: 'desc' };
const FINISHED: FilterQuery<Booking> = { status: { $in: ['cancelled', 'completed'] } };

/**
 * A guest's bookings: upcoming = live and not yet checked out (soonest first);
 * past = everything else (latest first); all = both (latest first).
 */
export function guestListQuery(guestId: number, scope: GuestScope, today: string): ListQuery {
  switch (scope) {
    case 'upcoming':
      return {
        where: { guest: guestId, status: { $in: [...LIVE_STATUSES] }, checkOut: { $gt: today } },
        orderBy: SOONEST_FIRST,
      };
    case 'past':
      return {
        where: { guest: guestId, $or: [FINISHED, { checkOut: { $lte: today } }] },
        orderBy: LATEST_FIRST,
      };
    case 'all':
      return { where: { guest: guestId }, orderBy: LATEST_FIRST };
  }
}

/**
 * Bookings of a realtor's listings: new = pending; upcoming = confirmed and
 * not yet checked out (both soonest first); past = the rest (latest first).
 */
export function realtorListQuery(realtorId: number, filter: RealtorFilter, today: string): ListQuery {
  const ofRealtor = { listing: { realtor: realtorId } };
  switch (filter) {
    case 'new':
      return { where: { ...ofRealtor, status: 'pending' }, orderBy: SOONEST_FIRST };
    case 'upcoming':
      return {
        where: { ...ofRealtor, status: 'confirmed', checkOut: { $gt: today } },
        orderBy: SOONEST_FIRST,
      };
    case 'past':
      return {
        where: { ...ofRealtor, $or: [FINISHED, { status: 'confirmed', checkOut: { $lte: today } }] },
        orderBy: LATEST_FIRST,
      };
  }
}
