/**
 * Reads a typed amount of tenge: `15000`, `15 000`, `15 000 ₸`, `15000тг`, `15 000 тенге`.
 * Returns a positive whole number, or null.
 */
export function parseTenge(text: string): number | null {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/(₸|тенге|тг\.?|kzt)$/u, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,9}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value > 0 ? value : null;
}

const groups = new Intl.NumberFormat('ru-RU');

/** `15000` → `15 000 ₸`. */
export function formatTenge(amount: number): string {
  return `${groups.format(amount).replace(/\u00a0/g, ' ')} ₸`;
}
