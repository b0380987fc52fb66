import { describe, expect, it } from 'vitest';
import { formatStay, parseDateRange } from '../../src/bot/parse/date-range.ts';
import { formatTenge, parseTenge } from '../../src/bot/parse/money.ts';

const today = '2026-12-01';

describe('parseDateRange', () => {
  it('reads the forms people type', () => {
    for (const text of [
      '12.12–15.12',
      '12.12-15.12',
      '12.12 - 15.12',
      '12.12.2026-15.12.2026',
      '12.12.26—15.12.26',
      '12.12 15.12',
    ]) {
      expect(parseDateRange(text, today), text).toEqual({
        ok: true,
        checkIn: '2026-12-12',
        checkOut: '2026-12-15',
      });
    }
  });

  it('takes a date without a year as its next occurrence, across New Year', () => {
    expect(parseDateRange('30.12-02.01', today)).toEqual({
      ok: true,
      checkIn: '2026-12-30',
      checkOut: '2027-01-02',
    });
    expect(parseDateRange('05.01-07.01', today)).toEqual({
      ok: true,
      checkIn: '2027-01-05',
      checkOut: '2027-01-07',
    });
  });

  it('says what is wrong', () => {
    expect(parseDateRange('завтра', today)).toEqual({ ok: false, problem: 'format' });
    expect(parseDateRange('31.02-03.03', today)).toEqual({ ok: false, problem: 'format' });
    expect(parseDateRange('15.12.2026-12.12.2026', today)).toEqual({ ok: false, problem: 'order' });
    expect(parseDateRange('12.11.2026-15.11.2026', today)).toEqual({ ok: false, problem: 'past' });
    expect(parseDateRange('01.12.2026-15.03.2027', today)).toEqual({ ok: false, problem: 'tooLong' });
  });

  it('formats a stay the local way', () => {
    expect(formatStay('2026-12-12', '2026-12-15')).toBe('12.12.2026 – 15.12.2026');
  });
});

describe('parseTenge', () => {
  it('accepts spaces, ₸ and тг', () => {
    for (const text of ['15000', '15 000', '15 000 ₸', '15000₸', '15 000 тг', '15000 тенге', '15\u00a0000']) {
      expect(parseTenge(text), text).toBe(15000);
    }
  });

  it('refuses anything that is not a positive whole amount', () => {
    for (const text of ['', '0', '-5', '15.5', 'пятнадцать', '15 000 $', '1234567890']) {
      expect(parseTenge(text), text).toBeNull();
    }
  });

  it('formats with thin groups and the tenge sign', () => {
    expect(formatTenge(1500000)).toBe('1 500 000 ₸');
  });
});
