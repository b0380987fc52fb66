import { defineEntity, p } from '@mikro-orm/core';
import { Booking } from './booking.entity.ts';
import { Listing } from './listing.entity.ts';
import { User } from './user.entity.ts';

export const ReviewSchema = defineEntity({
  name: 'Review',
  tableName: 'review',
  properties: {
    id: p.integer().primary(),
    booking: () => p.oneToOne(Booking).owner().unique('review_booking_unique'),
    listing: () => p.manyToOne(Listing).deleteRule('cascade'),
    author: () => p.manyToOne(User),
    rating: p.integer().check('rating >= 1 and rating <= 5'),
    text: p.text().default(''),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ name: 'review_listing_idx', properties: ['listing', 'createdAt'] }],
});

export class Review extends ReviewSchema.class {}
ReviewSchema.setClass(Review);
