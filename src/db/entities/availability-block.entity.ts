import { defineEntity, p } from '@mikro-orm/core';
import { Listing } from './listing.entity.ts';
import { User } from './user.entity.ts';

export const AvailabilityBlockSchema = defineEntity({
  name: 'AvailabilityBlock',
  tableName: 'availability_block',
  properties: {
    id: p.integer().primary(),
    listing: () => p.manyToOne(Listing).deleteRule('cascade'),
    /** First blocked day (YYYY-MM-DD). */
    startsOn: p.date(),
    /** First free day after the block (exclusive). */
    endsOn: p.date(),
    note: p.string().length(200).nullable(),
    createdBy: () => p.manyToOne(User),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  checks: [{ name: 'availability_block_dates_order', expression: 'ends_on > starts_on' }],
});

/** Days a realtor closed a listing for (repairs, own use, another channel). */
export class AvailabilityBlock extends AvailabilityBlockSchema.class {}
AvailabilityBlockSchema.setClass(AvailabilityBlock);
