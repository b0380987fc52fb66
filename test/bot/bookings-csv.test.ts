import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { parsePeriod } from '../../src/bot/parse/period.ts';
import { bookingsCsv, csvField } from '../../src/bot/views/admin/bookings-csv.ts';
import type { ExportRow } from '../../src/machines/bookings-export.machine.ts';

const row: ExportRow = {
  id: 41,
  listing: 'Студия "Медеу"; вид на горы',
  city: 'Алматы',
  realtor: 'Асель Нурланова',
  agency: null,
  guest: '=HYPERLINK("http://evil")',
  phone: '+77010000021',
  checkIn: '2026-12-05',
  checkOut: '2026-12-08',
  nights: 3,
  guests: 2,
  total: 45_000,
  status: 'cancelled',
  createdAt: '2026-11-30T19:30:00.000Z',
};

describe('bookings CSV', () => {
  it('starts with a UTF-8 BOM and a header in the reader’s language, rows end with CRLF', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bookingsCsv(messagesFor('en'), [row]));
    expect(
      text.startsWith(
        '\uFEFFid;listing;city;realtor;agency;guest;phone;check-in;check-out;nights;guests;total, KZT;status;created\r\n',
      ),
    ).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('quotes separators and quotes, defuses formulas, keeps phones and numbers as they are, shows Almaty time', () => {
    const text = new TextDecoder().decode(bookingsCsv(messagesFor('ru'), [row]));
    const line = text.split('\r\n')[1];
    expect(line).toBe(
      '41;"Студия ""Медеу""; вид на горы";Алматы;Асель Нурланова;;"\'=HYPERLINK(""http://evil"")";+77010000021;' +
        '2026-12-05;2026-12-08;3;2;45000;отменена;2026-12-01 00:30',
    );
  });

  it.each([
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2+3+cmd', "'-2+3+cmd"],
    ['+7 701 123 45 67', '+7 701 123 45 67'],
    ['-15', '-15'],
    ['Алия', 'Алия'],
  ])('field %s → %s', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('typed export period', () => {
  it.each([
    ['01.10.2026–31.10.2026', { from: '2026-10-01', to: '2026-10-31' }],
    ['1.10.26 - 31.10.26', { from: '2026-10-01', to: '2026-10-31' }],
    ['05.11.2026 05.11.2026', { from: '2026-11-05', to: '2026-11-05' }],
    ['01.01.2025—31.12.2025', { from: '2025-01-01', to: '2025-12-31' }],
  ])('%s → %j', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
  });

  it.each([
    'октябрь',
    '01.10–31.10',
    '31.10.2026–01.10.2026',
    '30.02.2026–01.03.2026',
    '01.01.2025–02.01.2026',
  ])('refuses %s', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});
