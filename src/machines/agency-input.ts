import { agencyCitySchema, agencyNameSchema } from '../domain/admin/agency-fields.ts';
import { cityKey } from '../domain/cities.ts';
import { normalizeKzPhone } from '../domain/phone.ts';
import { emailSchema } from '../domain/validation.ts';

/** The fields of an agency a Superuser types: in the add wizard and when editing one. */
export const AGENCY_FIELDS = ['name', 'city', 'phone', 'email'] as const;
export type AgencyField = (typeof AGENCY_FIELDS)[number];

/** Whether `value` names an agency field (a button's argument is not trusted). */
export function isAgencyField(value: unknown): value is AgencyField {
  return AGENCY_FIELDS.includes(value as AgencyField);
}

/**
 * The value typed for `field` the way the domain will store it (trimmed name,
 * tidied city — spelled like a known city when it is one —, E.164 phone,
 * lower-case email), or null when the domain would refuse it. The same
 * schemas as the domain's, so a step refuses exactly what creating would.
 */
export function readAgencyField(field: AgencyField, text: string, knownCities: string[] = []): string | null {
  switch (field) {
    case 'name': {
      const parsed = agencyNameSchema.safeParse(text);
      return parsed.success ? parsed.data : null;
    }
    case 'city': {
      const parsed = agencyCitySchema.safeParse(text);
      if (!parsed.success) return null;
      return knownCities.find((city) => cityKey(city) === cityKey(parsed.data)) ?? parsed.data;
    }
    case 'phone':
      return normalizeKzPhone(text);
    case 'email': {
      const parsed = emailSchema.safeParse(text);
      return parsed.success ? parsed.data : null;
    }
  }
}
