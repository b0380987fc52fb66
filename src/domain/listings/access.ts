import { Listing } from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';
import type { Actor } from '../actor.ts';
import { NotFound } from '../errors.ts';

/**
 * The actor's own listing. Another realtor's listing is reported as
 * `not_found`, not `forbidden`, so ids cannot be probed for existence.
 */
export async function findOwnListing(em: Em, me: Actor, listingId: number): Promise<Listing> {
  const listing = await em.findOne(Listing, { id: listingId, realtor: me.id });
  if (!listing) throw new NotFound('listing', listingId);
  return listing;
}

/**
 * A listing whose calendar and blocks the actor may see: its owner, a Super
 * Admin of the owner's agency, or a Superuser. Anyone else gets `not_found`.
 */
export async function findSupervisedListing(em: Em, me: Actor, listingId: number): Promise<Listing> {
  const listing = await em.findOne(Listing, listingId, { populate: ['realtor'] });
  if (listing && mayOversee(me, listing)) return listing;
  throw new NotFound('listing', listingId);
}

function mayOversee(me: Actor, listing: Listing): boolean {
  if (me.role === 'superuser') return true;
  if (me.role === 'realtor') return listing.realtor.id === me.id;
  if (me.role === 'super_admin') return me.agencyId !== null && listing.realtor.agency?.id === me.agencyId;
  return false;
}
