import { PNG } from 'pngjs';
import { drawText, GLYPH_HEIGHT, textWidth } from './pixel-font.ts';

/** One bar: its value and the label under it ('' for none). */
export interface Bar {
  value: number;
  label: string;
}

type Rgb = readonly [number, number, number];

const WIDTH = 720;
const HEIGHT = 360;
const MARGIN = { top: 24, right: 28, bottom: 36, left: 48 };
const COLORS = {
  background: [255, 255, 255],
  axis: [120, 120, 120],
  grid: [228, 232, 238],
  bar: [59, 130, 246],
  lastBar: [29, 78, 216],
  text: [55, 65, 81],
} satisfies Record<string, Rgb>;

/**
 * A bar chart as PNG bytes (720×360): the bars, a grid line at the top value
 * and half of it with their numbers, each non-zero bar's value above it and
 * the given labels under the bars; the last bar (today) darker. Pure and
 * deterministic — the same bars give the same bytes.
 */
export function renderBarChart(bars: Bar[]): Uint8Array {
  const png = new PNG({ width: WIDTH, height: HEIGHT, colorType: 2 });
  const set = (x: number, y: number, [r, g, b]: Rgb) => {
    if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT) return;
    const at = (y * WIDTH + x) << 2;
    png.data[at] = r;
    png.data[at + 1] = g;
    png.data[at + 2] = b;
    png.data[at + 3] = 255;
  };
  const fill = (x: number, y: number, w: number, h: number, color: Rgb) => {
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) set(xx, yy, color);
  };
  const text = (value: string, x: number, y: number, scale: number) =>
    drawText(value, x, y, scale, (px, py) => set(px, py, COLORS.text));

  fill(0, 0, WIDTH, HEIGHT, COLORS.background);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const baseline = MARGIN.top + plotHeight;
  // A top value that halves to a whole number keeps both grid labels exact.
  const max = Math.max(2, ...bars.map((bar) => bar.value));
  const top = max % 2 === 0 ? max : max + 1;
  const yOf = (value: number) => baseline - Math.round((value / top) * plotHeight);

  for (const value of [top, top / 2]) {
    fill(MARGIN.left, yOf(value), plotWidth, 1, COLORS.grid);
    const label = String(value);
    text(label, MARGIN.left - 8 - textWidth(label, 2), yOf(value) - GLYPH_HEIGHT, 2);
  }
  text('0', MARGIN.left - 8 - textWidth('0', 2), baseline - GLYPH_HEIGHT, 2);

  const slot = bars.length > 0 ? plotWidth / bars.length : plotWidth;
  const barWidth = Math.max(1, Math.floor(slot * 0.7));
  bars.forEach((bar, index) => {
    const x = MARGIN.left + Math.round(index * slot + (slot - barWidth) / 2);
    const y = yOf(bar.value);
    const color = index === bars.length - 1 ? COLORS.lastBar : COLORS.bar;
    fill(x, y, barWidth, baseline - y, color);
    const centre = x + barWidth / 2;
    if (bar.value > 0) {
      const value = String(bar.value);
      text(value, Math.round(centre - textWidth(value, 2) / 2), y - 4 - GLYPH_HEIGHT * 2, 2);
    }
    if (bar.label) text(bar.label, Math.round(centre - textWidth(bar.label, 2) / 2), baseline + 10, 2);
  });
  fill(MARGIN.left, baseline, plotWidth, 2, COLORS.axis);
  fill(MARGIN.left - 2, MARGIN.top, 2, plotHeight + 2, COLORS.axis);
  return new Uint8Array(PNG.sync.write(png));
}
