import { describe, expect, it } from 'vitest';
import { decodeCallback, encodeCallback } from '../../src/bot/callback-data.ts';
import {
  calendarKeyboard,
  dateOfDayId,
  monthOfId,
  shiftMonth,
} from '../../src/bot/views/calendar-keyboard.ts';

describe('calendarKeyboard', () => {
  it('lays out December 2026 from Monday with month arrows and a title', () => {
    const rows = calendarKeyboard({ month: '2026-12', locale: 'ru' });
    expect(rows[0]?.map((b) => b.text)).toEqual(['◀', 'Декабрь 2026 г.', '▶']);
    expect(rows[1]?.map((b) => b.text)).toEqual(['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс']);
    // 1 December 2026 is a Tuesday.
    expect(rows[2]?.map((b) => b.text)).toEqual([' ', '1', '2', '3', '4', '5', '6']);
    expect(rows.every((row) => row.length === 3 || row.length === 7)).toBe(true);
    const days = rows
      .slice(2)
      .flat()
      .filter((b) => b.callback.action === 'day');
    expect(days).toHaveLength(31);
    expect(monthOfId(rows[0]![0]!.callback.id)).toBe('2026-11');
    expect(monthOfId(rows[0]![2]!.callback.id)).toBe('2027-01');
  });

  it('makes past days unselectable and shows the chosen range', () => {
    const rows = calendarKeyboard({
      month: '2026-12',
      locale: 'en',
      firstSelectable: '2026-12-10',
      from: '2026-12-12',
      to: '2026-12-15',
    });
    const buttons = rows.slice(2).flat();
    expect(buttons.find((b) => b.text === '·')?.callback.action).toBe('noop');
    expect(buttons.filter((b) => b.text === '·')).toHaveLength(9);
    expect(buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['[12]', '•13', '•14', '[15]']));
  });

  it('puts only valid callback data on every button, which decodes back to the day', () => {
    for (const button of calendarKeyboard({ month: '2027-02', locale: 'ru' }).flat()) {
      const decoded = decodeCallback(encodeCallback(button.callback));
      expect(decoded).toEqual(button.callback);
      if (decoded?.action === 'day') expect(dateOfDayId(decoded.id).startsWith('2027-02-')).toBe(true);
    }
  });

  it('marks a realtor calendar’s booked and blocked days', () => {
    const rows = calendarKeyboard({
      month: '2026-12',
      locale: 'ru',
      marks: { '2026-12-03': 'booked', '2026-12-04': 'blocked' },
    });
    expect(rows.flat().map((b) => b.text)).toEqual(expect.arrayContaining(['🔴3', '⛔4']));
  });

  it('moves between months across the year end', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
  });
});
