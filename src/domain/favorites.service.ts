import { z } from 'zod';
import { Favorite } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { type MaybeActor, requireActive } from './actor.ts';
import { findVisibleListing, visibleListingIds } from './bookings/visibility.ts';
import type { DomainDeps } from './deps.ts';
import { NotFound } from './errors.ts';
import { idSchema, type Page, type PageInput, pageOf, pageSchema, parseInput } from './validation.ts';

/** A favourite listing in the actor's list. */
export interface FavoriteListingView {
  /** The listing's id. */
  id: number;
  title: string;
  city: string;
  /** Integer tenge. */
  pricePerNight: number;
  ratingAvg: number;
  ratingCount: number;
  /** False once the listing is unpublished or its realtor/agency deactivated: it stays listed, but cannot be booked. */
  visible: boolean;
}

const listingIdSchema = z.object({ listingId: idSchema });

/** The actor's favourite listings (active users only). */
export function createFavoriteService(deps: DomainDeps) {
  return {
    /**
     * Adds a visible listing to the actor's favourites; adding it again is
     * harmless (`added: false`). Errors: validation_failed, not_found.
     */
    async add(em: Em, actor: MaybeActor, input: { listingId: number }): Promise<{ added: boolean }> {
      const me = requireActive(actor);
      const { listingId } = parseInput(listingIdSchema, input);
      if (!(await findVisibleListing(em, listingId))) throw new NotFound('listing', listingId);
      const inserted = await em.execute<{ id: number }[]>(
        `insert into favorite (user_id, listing_id, created_at) values (?, ?, ?)
         on conflict on constraint favorite_user_listing_unique do nothing returning id`,
        [me.id, listingId, deps.clock.now()],
      );
      return { added: inserted.length > 0 };
    },

    /** Removes a listing from the actor's favourites; `removed: false` when it was not there. */
    async remove(em: Em, actor: MaybeActor, input: { listingId: number }): Promise<{ removed: boolean }> {
      const me = requireActive(actor);
      const { listingId } = parseInput(listingIdSchema, input);
      const removed = await em.nativeDelete(Favorite, { user: me.id, listing: listingId });
      return { removed: removed > 0 };
    },

    /** The actor's favourites, most recently added first (5 a page by default). */
    async list(em: Em, actor: MaybeActor, input: PageInput = {}): Promise<Page<FavoriteListingView>> {
      const me = requireActive(actor);
      const { page, pageSize } = parseInput(pageSchema, input);
      const [favorites, total] = await em.findAndCount(
        Favorite,
        { user: me.id },
        {
          populate: ['listing'],
          orderBy: { createdAt: 'desc', id: 'desc' },
          limit: pageSize,
          offset: (page - 1) * pageSize,
          refresh: true,
        },
      );
      const visible = await visibleListingIds(
        em,
        favorites.map((favorite) => favorite.listing.id),
      );
      const items = favorites.map(({ listing }) => ({
        id: listing.id,
        title: listing.title,
        city: listing.city,
        pricePerNight: listing.pricePerNight,
        ratingAvg: listing.ratingAvg,
        ratingCount: listing.ratingCount,
        visible: visible.has(listing.id),
      }));
      return pageOf(items, total, page, pageSize);
    },

    /** Whether the listing is among the actor's favourites. */
    async has(em: Em, actor: MaybeActor, input: { listingId: number }): Promise<boolean> {
      const me = requireActive(actor);
      const { listingId } = parseInput(listingIdSchema, input);
      return (await em.count(Favorite, { user: me.id, listing: listingId })) > 0;
    },
  };
}
