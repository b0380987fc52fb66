import type { Em } from '../../../db/orm.ts';
import { cityKey, DEFAULT_CITIES } from '../../../domain/cities.ts';
import type { Domain } from '../../../domain/index.ts';

/**
 * The cities offered as buttons for an agency's city: the platform's default
 * cities and every city that has listings, each once (case and ё/е aside), by name.
 */
export async function agencyCities(em: Em, domain: Domain): Promise<string[]> {
  const byKey = new Map<string, string>();
  for (const city of [...(await domain.search.knownCities(em)), ...DEFAULT_CITIES]) {
    if (!byKey.has(cityKey(city))) byKey.set(cityKey(city), city);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'ru'));
}

/** City buttons, three a row. */
export function cityRows(cities: string[]): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < cities.length; i += 3) rows.push(cities.slice(i, i + 3));
  return rows;
}
