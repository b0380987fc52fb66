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
  indexes: [{ name: 'listing_city_price_idx', properties: ['city', 'pricePerNight'] }],
});

/** An apartment offered for daily rent by a realtor. */
export class Listing extends ListingSchema.class {}
ListingSchema.setClass(Listing);
