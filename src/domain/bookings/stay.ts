import { z } from 'zod';
import { nightsBetween } from '../dates.ts';
import { idSchema, isoDateSchema } from '../validation.ts';

/** The longest stay one booking may cover. */
export const MAX_NIGHTS = 90;

/**
 * The input of a new booking, checked against `today` (Almaty): check-in today
 * or later, check-out after check-in, at most MAX_NIGHTS nights. The guest count
 * against the listing's capacity is checked once the listing is loaded.
 */
export function newStaySchema(today: string) {
  return z
    .object({
      listingId: idSchema,
      checkIn: isoDateSchema,
      checkOut: isoDateSchema,
      guests: z.number().int().min(1).max(50),
    })
    .superRefine((stay, ctx) => {
      if (stay.checkIn < today) {
        ctx.addIssue({ code: 'custom', path: ['checkIn'], message: 'in the past' });
      }
      const nights = nightsBetween(stay.checkIn, stay.checkOut);
      if (nights < 1) {
        ctx.addIssue({ code: 'custom', path: ['checkOut'], message: 'must be after check-in' });
      } else if (nights > MAX_NIGHTS) {
        ctx.addIssue({ code: 'custom', path: ['checkOut'], message: `at most ${MAX_NIGHTS} nights` });
      }
    });
}
