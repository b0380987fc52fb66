import { defineEntity, p } from '@mikro-orm/core';
import { AvailabilityBlock } from './availability-block.entity.ts';
import { Booking } from './booking.entity.ts';
import { Listing } from './listing.entity.ts';

/**
 * The days a listing is taken, by a live booking or a realtor's block.
 * One table for both so that a single exclusion constraint (btree_gist over
 * `daterange(starts_on, ends_on, '[)')`, see the initial migration) keeps
 * any two of them from overlapping. Rows are written and removed only by the
 * booking and block services, in the same transaction as their owner.
 */
export const OccupancySchema = defineEntity({
  name: 'Occupancy',
  tableName: 'occupancy',
  properties: {
    id: p.integer().primary(),
    listing: () => p.manyToOne(Listing).deleteRule('cascade'),
    startsOn: p.date(),
    endsOn: p.date(),
    booking: () => p.oneToOne(Booking).nullable().owner().deleteRule('cascade'),
    block: () => p.oneToOne(AvailabilityBlock).nullable().owner().deleteRule('cascade'),
  },
  // "Is the listing free for these dates" (FREE_FOR_STAY_SQL), probed once per candidate listing in search.
  indexes: [{ name: 'occupancy_listing_dates_idx', properties: ['listing', 'startsOn', 'endsOn'] }],
  checks: [
    { name: 'occupancy_dates_order', expression: 'ends_on > starts_on' },
    { name: 'occupancy_one_owner', expression: 'num_nonnulls(booking_id, block_id) = 1' },
  ],
});

export class Occupancy extends OccupancySchema.class {}
OccupancySchema.setClass(Occupancy);
