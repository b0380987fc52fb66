import { defineEntity, p } from '@mikro-orm/core';
import { Listing } from './listing.entity.ts';
import { User } from './user.entity.ts';

export const FavoriteSchema = defineEntity({
  name: 'Favorite',
  tableName: 'favorite',
  properties: {
    id: p.integer().primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    listing: () => p.manyToOne(Listing).deleteRule('cascade'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'favorite_user_listing_unique', properties: ['user', 'listing'] }],
});

export class Favorite extends FavoriteSchema.class {}
FavoriteSchema.setClass(Favorite);
