import { z } from 'zod';
import { AMENITIES } from '../amenities.ts';
import { tidyCity } from '../cities.ts';

/** The highest nightly price a listing may ask, in tenge (guards against typos with extra zeros). */
export const MAX_PRICE_PER_NIGHT = 10_000_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too long')
    .transform((value) => (value === '' ? null : value));

/** Every editable field of a listing, as the realtor types it; each is tidied before it is checked. */
export const listingFields = {
  title: z.string().trim().min(3, 'too short').max(120, 'too long'),
  city: z.string().transform(tidyCity).pipe(z.string().min(2, 'too short').max(100, 'too long')),
  /** Empty or null clears it. */
  address: optionalText(300).nullish(),
  pricePerNight: z.number().int().positive().max(MAX_PRICE_PER_NIGHT),
  maxGuests: z.number().int().min(1).max(50),
  description: z.string().trim().min(10, 'too short').max(2000, 'too long'),
  /** Catalogue codes; repeats are dropped, order of first mention kept. */
  amenities: z.array(z.enum(AMENITIES)).transform((codes) => [...new Set(codes)]),
  /** Telegram file id of the photo; empty or null clears it. */
  photoFileId: optionalText(255).nullish(),
};

export const createListingSchema = z.object({
  ...listingFields,
  amenities: listingFields.amenities.default([]),
});
export type CreateListingInput = z.input<typeof createListingSchema>;

export const updateListingSchema = z.object({
  listingId: z.number().int().positive(),
  title: listingFields.title.optional(),
  city: listingFields.city.optional(),
  address: listingFields.address,
  pricePerNight: listingFields.pricePerNight.optional(),
  maxGuests: listingFields.maxGuests.optional(),
  description: listingFields.description.optional(),
  amenities: listingFields.amenities.optional(),
  photoFileId: listingFields.photoFileId,
});
export type UpdateListingInput = z.input<typeof updateListingSchema>;
