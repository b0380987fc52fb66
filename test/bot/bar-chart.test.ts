import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderBarChart } from '../../src/bot/charts/bar-chart.ts';
import { dayBars } from '../../src/bot/views/admin/metrics-screens.ts';

const BAR: [number, number, number] = [59, 130, 246];
const LAST_BAR: [number, number, number] = [29, 78, 216];

/** The chart decoded, with the height of the run of `color` pixels in a column, counted up from just above the axis. */
function decode(png: Uint8Array) {
  const image = PNG.sync.read(Buffer.from(png));
  const pixel = (x: number, y: number) => {
    const at = (y * image.width + x) << 2;
    return [image.data[at], image.data[at + 1], image.data[at + 2]];
  };
  const columnHeight = (x: number, color: number[]) => {
    let height = 0;
    for (let y = image.height - 1; y >= 0; y--)
      if (JSON.stringify(pixel(x, y)) === JSON.stringify(color)) height++;
    return height;
  };
  return { image, columnHeight };
}

describe('bar chart (PNG)', () => {
  it('draws bars whose heights follow the values, the last one darker', () => {
    const { image, columnHeight } = decode(
      renderBarChart([
        { value: 1, label: '' },
        { value: 0, label: '' },
        { value: 4, label: '01.12' },
        { value: 2, label: '' },
      ]),
    );
    expect([image.width, image.height]).toEqual([720, 360]);
    // Four slots of 161 px from x = 48; each bar's middle column.
    const middle = (index: number) => 48 + Math.round(index * 161 + 80);
    const heights = [0, 1, 2].map((index) => columnHeight(middle(index), BAR));
    expect(heights[1]).toBe(0);
    expect(heights[2]).toBeGreaterThan(0);
    expect(heights[2]).toBe(heights[0]! * 4);
    expect(columnHeight(middle(3), LAST_BAR)).toBe(heights[0]! * 2);
  });

  it('is the same picture for the same bars, and a valid one with no bookings at all', () => {
    const bars = Array.from({ length: 30 }, (_, i) => ({ value: i % 3, label: i % 5 === 4 ? '05.11' : '' }));
    expect(Buffer.from(renderBarChart(bars)).equals(Buffer.from(renderBarChart(bars)))).toBe(true);
    const empty = decode(renderBarChart(bars.map((bar) => ({ ...bar, value: 0 }))));
    expect(empty.image.width).toBe(720);
  });

  it('labels every fifth day counting back from today, as dd.mm', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      count: i,
    }));
    const labels = dayBars(days)
      .map((bar) => bar.label)
      .filter(Boolean);
    expect(labels).toEqual(['05.11', '10.11', '15.11', '20.11', '25.11', '30.11']);
    expect(dayBars(days)[29]?.value).toBe(29);
  });
});
