/** The fixed amenity catalogue; listings store the codes, the bot translates them. */
export const AMENITIES = [
  'wifi',
  'kitchen',
  'washer',
  'air_conditioning',
  'parking',
  'tv',
  'balcony',
  'elevator',
  'workspace',
  'kids_friendly',
  'pets_allowed',
  'iron',
] as const;
export type Amenity = (typeof AMENITIES)[number];

export function isAmenity(value: string): value is Amenity {
  return (AMENITIES as readonly string[]).includes(value);
}
