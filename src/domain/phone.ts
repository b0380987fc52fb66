import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises a Kazakhstan phone number typed or shared in any common form
 * (`+7 701 123 45 67`, `8 701 123 45 67`, `87011234567`, `7011234567`) to E.164.
 * Returns null for anything that is not a valid KZ number.
 */
export function normalizeKzPhone(input: string): string | null {
  const cleaned = input.trim().replace(/[\s()-]/g, '');
  if (!/^\+?\d{10,12}$/.test(cleaned)) return null;
  let candidate = cleaned;
  // Domestic trunk prefix 8 (8 7xx …) → +7 7xx …
  if (/^8\d{10}$/.test(candidate)) candidate = `+7${candidate.slice(1)}`;
  else if (/^7\d{10}$/.test(candidate)) candidate = `+${candidate}`;
  else if (/^\d{10}$/.test(candidate)) candidate = `+7${candidate}`;
  const phone = parsePhoneNumberFromString(candidate, 'KZ');
  if (phone?.country !== 'KZ' || !phone.isValid()) return null;
  return phone.number;
}
