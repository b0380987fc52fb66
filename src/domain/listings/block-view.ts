import type { AvailabilityBlock } from '../../db/entities/index.ts';

/** Days a realtor closed a listing for: `startsOn` inclusive, `endsOn` exclusive. */
export interface BlockView {
  id: number;
  listingId: number;
  startsOn: string;
  endsOn: string;
  note: string | null;
  createdAt: Date;
}

export function blockView(block: AvailabilityBlock): BlockView {
  return {
    id: block.id,
    listingId: block.listing.id,
    startsOn: block.startsOn,
    endsOn: block.endsOn,
    note: block.note ?? null,
    createdAt: block.createdAt,
  };
}
