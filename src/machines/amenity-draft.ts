import type { Amenity } from '../domain/amenities.ts';

/**
 * The amenities ticked on an amenities step (search filters, a new listing,
 * a listing's edit) after a press on `code`: ticked, or unticked when it was.
 * The order of ticking is kept, so the summary lists them as chosen.
 */
export function toggledAmenities(draft: readonly Amenity[], code: Amenity): Amenity[] {
  return draft.includes(code) ? draft.filter((chosen) => chosen !== code) : [...draft, code];
}
