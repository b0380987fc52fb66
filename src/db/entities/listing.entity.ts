import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.entity.ts';

export const ListingSchema = defineEntity({
  name: 'Listing',
  tableName: 'listing',
  properties: {
    id: p.integer().primary(),
    realtor: () => p.manyToOne(User),
    title: p.string().length(120),
    city: p.string().length(100),
    address: p.string().length(300).nullable(),
    /** Integer tenge. */
    pricePerNight: p.integer().check('price_per_night > 0'),
    maxGuests: p.integer().check('max_guests >= 1 and max_guests <= 50'),
    description: p.text(),
    /** Codes from the amenity catalogue (src/domain/amenities.ts). */
    amenities: p.array().default([]),
    /** Telegram file id of the listing's photo. */
    photoFileId: p.string().length(255).nullable(),
    published: p.boolean().default(false),
    ratingAvg: p.decimal('number').precision(3).scale(2).default(0),
    ratingCount: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [
    {
      // Guest search (src/domain/search.service.ts): published listings by city key (the same
      // expression as `citySqlKey`), in result order, with every other column the filters and the
      // count read, so they come from the index alone. MikroORM matches expression indexes by name.
      name: 'listing_search_idx',
      expression: `create index "listing_search_idx" on "listing" ((replace(lower(city), 'ё', 'е')), price_per_night, id) include (city, max_guests, amenities, realtor_id) where published`,
    },
  ],
});

/** An apartment offered for daily rent by a realtor. */
export class Listing extends ListingSchema.class {}
ListingSchema.setClass(Listing);
