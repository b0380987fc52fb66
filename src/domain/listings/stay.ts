import { nightsBetween } from '../dates.ts';
import { ValidationFailed } from '../errors.ts';
import { isoDateSchema } from '../validation.ts';

/** The longest stay search and the details card price at once. */
export const MAX_STAY_NIGHTS = 90;

/** Optional stay dates: check-in inclusive, check-out exclusive; both or neither. */
export const stayFields = {
  checkIn: isoDateSchema.nullish(),
  checkOut: isoDateSchema.nullish(),
};

export interface Stay {
  checkIn: string;
  checkOut: string;
  nights: number;
}

/**
 * The stay the dates describe, or null when none are given. Refuses with
 * `validation_failed` one date without the other, check-out not after
 * check-in, more than MAX_STAY_NIGHTS nights, or a check-in before `today`.
 */
export function stayOf(
  dates: { checkIn?: string | null | undefined; checkOut?: string | null | undefined },
  today: string,
): Stay | null {
  const { checkIn, checkOut } = dates;
  if (!checkIn && !checkOut) return null;
  if (!checkIn) throw new ValidationFailed([{ field: 'checkIn', message: 'required with checkOut' }]);
  if (!checkOut) throw new ValidationFailed([{ field: 'checkOut', message: 'required with checkIn' }]);
  if (checkOut <= checkIn) {
    throw new ValidationFailed([{ field: 'checkOut', message: 'must be after checkIn' }]);
  }
  const nights = nightsBetween(checkIn, checkOut);
  if (nights > MAX_STAY_NIGHTS) {
    throw new ValidationFailed([{ field: 'checkOut', message: `at most ${MAX_STAY_NIGHTS} nights` }]);
  }
  if (checkIn < today) throw new ValidationFailed([{ field: 'checkIn', message: 'in the past' }]);
  return { checkIn, checkOut, nights };
}
