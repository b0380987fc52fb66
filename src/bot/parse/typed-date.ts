/** Pieces shared by the typed-date readers (stays, report periods): `dd.mm[.yy|.yyyy]`. */

/** One written date: day, month and an optional two- or four-digit year, dots between. */
export const WRITTEN_DATE = String.raw`(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?`;

/** The separators people put between two dates: hyphen, en and em dashes (spaces around allowed). */
export const DATE_SEPARATOR = String.raw`\s*(?:-|–|—|\s)\s*`;

/** `12`, `5`, 2026 → `2026-05-12` (not checked: see `isIsoDate`). */
export function isoOf(day: string, month: string, year: number): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A written year as a number (`26` → 2026); null when none was written. */
export function fullYear(written: string | undefined): number | null {
  if (!written) return null;
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}
