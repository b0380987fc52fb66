import { TIME_ZONE } from '../../../domain/dates.ts';
import type { ExportRow } from '../../../machines/bookings-export.machine.ts';
import type { Messages } from '../../i18n/index.ts';

/** Excel in Russian locales splits on semicolons (the comma is the decimal sign there). */
const SEPARATOR = ';';
/** A UTF-8 byte order mark: without it Excel reads the file as ANSI and garbles Cyrillic. */
const BOM = '\uFEFF';

const COLUMNS = [
  'id',
  'listing',
  'city',
  'realtor',
  'agency',
  'guest',
  'phone',
  'checkIn',
  'checkOut',
  'nights',
  'guests',
  'total',
  'status',
  'created',
] as const;

const created = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * One CSV field. Text a spreadsheet would run as a formula (starting with
 * = @ + - or a control character, except a plain number or phone) gets a
 * leading apostrophe; a field with the separator, a quote or a line break is
 * quoted.
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=@\t\r]/.test(text) || (/^[+-]/.test(text) && !/^[+-][\d\s()-]*$/.test(text))) text = `'${text}`;
  return /[";\r\n]/.test(text) || text.includes(SEPARATOR) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The bookings as a CSV document: UTF-8 with a BOM, `;`-separated, CRLF line
 * ends (RFC 4180), a header row in the reader's language, dates as
 * YYYY-MM-DD and the creation time in Almaty.
 */
export function bookingsCsv(t: Messages, rows: ExportRow[]): Uint8Array {
  const texts = t.superAdmin.bookingsExport;
  const lines = [COLUMNS.map((column) => csvField(texts.columns[column]))];
  for (const row of rows) {
    const values: Record<(typeof COLUMNS)[number], string | number | null> = {
      ...row,
      status: texts.statuses[row.status],
      created: created.format(new Date(row.createdAt)),
    };
    lines.push(COLUMNS.map((column) => csvField(values[column])));
  }
  const text = `${BOM}${lines.map((line) => line.join(SEPARATOR)).join('\r\n')}\r\n`;
  return new TextEncoder().encode(text);
}
