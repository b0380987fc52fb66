import { z } from 'zod';
import { tidyCity } from '../cities.ts';

/** An agency's name: trimmed, 2–100 characters (unique, ignoring case, is checked against the table). */
export const agencyNameSchema = z.string().trim().min(2, 'too short').max(100, 'too long');

/** An agency's city: tidied like a typed city, 2–100 characters. */
export const agencyCitySchema = z
  .string()
  .transform(tidyCity)
  .pipe(z.string().min(2, 'too short').max(100, 'too long'));
