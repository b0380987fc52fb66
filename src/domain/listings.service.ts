import { z } from 'zod';
import { Agency, Listing } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { type MaybeActor, requireRole } from './actor.ts';
import { almatyToday } from './dates.ts';
import type { DomainDeps } from './deps.ts';
import { AgencyInactive } from './errors.ts';
import { findOwnListing } from './listings/access.ts';
import {
  type CreateListingInput,
  createListingSchema,
  type UpdateListingInput,
  updateListingSchema,
} from './listings/fields.ts';
import { upcomingBookingCounts } from './listings/upcoming.ts';
import { type ListingCard, type ListingView, listingView } from './listings/view.ts';
import { idSchema, type Page, type PageInput, pageOf, pageSchema, parseInput } from './validation.ts';

export type { CreateListingInput, UpdateListingInput } from './listings/fields.ts';
export type { ListingCard, ListingView } from './listings/view.ts';

/** One line of the realtor's «🏘 Мои объекты» list. */
export interface OwnListingSummary {
  id: number;
  title: string;
  city: string;
  pricePerNight: number;
  published: boolean;
  /** Live bookings whose check-out is still ahead. */
  upcomingBookings: number;
}

const listingIdSchema = z.object({ listingId: idSchema });
const setPublishedSchema = z.object({ listingId: idSchema, published: z.boolean() });

/**
 * A realtor's own listings: create, edit, publish / unpublish, list, card.
 * Only realtors act here, and only on their own listings; another realtor's
 * listing answers `not_found` (its existence is not revealed).
 */
export function createListingService(deps: DomainDeps) {
  const today = () => almatyToday(deps.clock.now());

  async function card(em: Em, listing: Listing): Promise<ListingCard> {
    const counts = await upcomingBookingCounts(em, [listing.id], today());
    return { ...listingView(listing), upcomingBookings: counts.get(listing.id) ?? 0 };
  }

  return {
    /** Adds a listing, unpublished, so the realtor can review it before guests see it. */
    async create(em: Em, actor: MaybeActor, input: CreateListingInput): Promise<ListingView> {
      const me = requireRole(actor, 'realtor');
      const fields = parseInput(createListingSchema, input);
      return em.transactional(async (tx) => {
        const listing = tx.create(Listing, {
          realtor: me.id,
          title: fields.title,
          city: fields.city,
          address: fields.address ?? null,
          pricePerNight: fields.pricePerNight,
          maxGuests: fields.maxGuests,
          description: fields.description,
          amenities: fields.amenities,
          photoFileId: fields.photoFileId ?? null,
          published: false,
          createdAt: deps.clock.now(),
        });
        await tx.flush();
        return listingView(listing);
      });
    },

    /** Changes any subset of the fields; `address` / `photoFileId` null or empty clears them. */
    async update(em: Em, actor: MaybeActor, input: UpdateListingInput): Promise<ListingView> {
      const me = requireRole(actor, 'realtor');
      const { listingId, ...changes } = parseInput(updateListingSchema, input);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      return em.transactional(async (tx) => {
        const listing = await findOwnListing(tx, me, listingId);
        tx.assign(listing, defined);
        await tx.flush();
        return listingView(listing);
      });
    },

    /**
     * Publishes or unpublishes. Publishing needs the realtor's agency (if any)
     * active (`agency_inactive`). Unpublishing keeps existing bookings; the
     * returned `upcomingBookings` tells the bot whether there are any.
     */
    async setPublished(
      em: Em,
      actor: MaybeActor,
      input: { listingId: number; published: boolean },
    ): Promise<ListingCard> {
      const me = requireRole(actor, 'realtor');
      const { listingId, published } = parseInput(setPublishedSchema, input);
      return em.transactional(async (tx) => {
        const listing = await findOwnListing(tx, me, listingId);
        if (published && me.agencyId !== null) {
          const agency = await tx.findOne(Agency, me.agencyId);
          if (!agency?.active) throw new AgencyInactive();
        }
        listing.published = published;
        await tx.flush();
        return card(tx, listing);
      });
    },

    /** The realtor's listings, newest first, with upcoming live bookings counted. */
    async listOwn(em: Em, actor: MaybeActor, input: PageInput = {}): Promise<Page<OwnListingSummary>> {
      const me = requireRole(actor, 'realtor');
      const { page, pageSize } = parseInput(pageSchema, input);
      const [listings, total] = await em.findAndCount(
        Listing,
        { realtor: me.id },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: pageSize, offset: (page - 1) * pageSize },
      );
      const counts = await upcomingBookingCounts(
        em,
        listings.map((listing) => listing.id),
        today(),
      );
      const items = listings.map((listing) => ({
        id: listing.id,
        title: listing.title,
        city: listing.city,
        pricePerNight: listing.pricePerNight,
        published: listing.published,
        upcomingBookings: counts.get(listing.id) ?? 0,
      }));
      return pageOf(items, total, page, pageSize);
    },

    /** The owner's card of one listing. */
    async get(em: Em, actor: MaybeActor, input: { listingId: number }): Promise<ListingCard> {
      const me = requireRole(actor, 'realtor');
      const { listingId } = parseInput(listingIdSchema, input);
      return card(em, await findOwnListing(em, me, listingId));
    },
  };
}
