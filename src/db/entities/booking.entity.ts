import { defineEntity, p } from '@mikro-orm/core';
import { Listing } from './listing.entity.ts';
import { User } from './user.entity.ts';

export const BOOKING_STATUSES = ['pending', 'confirmed', 'cancelled', 'completed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const LIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed'];
export const CANCELLED_BY = ['guest', 'realtor', 'system'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

export const BookingSchema = defineEntity({
  name: 'Booking',
  tableName: 'booking',
  properties: {
    id: p.integer().primary(),
    listing: () => p.manyToOne(Listing),
    guest: () => p.manyToOne(User),
    /** Check-in day (inclusive, YYYY-MM-DD, Asia/Almaty). */
    checkIn: p.date(),
    /** Check-out day (exclusive). */
    checkOut: p.date(),
    guests: p.integer().check('guests >= 1'),
    /** nights × price per night, integer tenge. */
    total: p.integer().check('total > 0'),
    status: p.enum(BOOKING_STATUSES).default('pending'),
    cancelledBy: p.enum(CANCELLED_BY).nullable(),
    cancelReason: p.string().length(500).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    confirmedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [
    { name: 'booking_guest_idx', properties: ['guest', 'checkIn'] },
    { name: 'booking_listing_idx', properties: ['listing', 'checkIn'] },
  ],
  checks: [
    { name: 'booking_dates_order', expression: 'check_out > check_in' },
    {
      name: 'booking_cancel_consistent',
      expression: `(status = 'cancelled') = (cancelled_by is not null)`,
    },
  ],
});

/** A guest's stay at a listing. */
export class Booking extends BookingSchema.class {}
BookingSchema.setClass(Booking);
