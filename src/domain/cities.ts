/** Cities offered as buttons before any listing exists; listings may name others. */
export const DEFAULT_CITIES = [
  'Алматы',
  'Астана',
  'Шымкент',
  'Караганда',
  'Актобе',
  'Актау',
  'Атырау',
  'Туркестан',
];

/** Tidies a typed city name: trimmed, single spaces, first letter capital. */
export function tidyCity(input: string): string {
  const collapsed = input.trim().replace(/\s+/g, ' ');
  return collapsed.charAt(0).toLocaleUpperCase('ru') + collapsed.slice(1);
}

/** The comparison key of a city: case- and ё/е-insensitive. */
export function cityKey(city: string): string {
  return tidyCity(city).toLocaleLowerCase('ru').replaceAll('ё', 'е');
}

/** SQL for the same key over a column, for WHERE clauses. */
export function citySqlKey(column: string): string {
  return `replace(lower(${column}), 'ё', 'е')`;
}
