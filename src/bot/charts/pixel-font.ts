/**
 * A 3×5 pixel font for the digits and the few signs chart labels need, so a
 * chart can carry numbers without a font file (fonts differ per machine; the
 * words go in the photo's caption, which Telegram renders in the person's
 * language anyway). Each glyph is five rows of three pixels, '#' = ink.
 */
const GLYPHS: Record<string, string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '###', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '..#', '..#'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '.': ['...', '...', '...', '...', '.#.'],
  ' ': ['...', '...', '...', '...', '...'],
};

export const GLYPH_WIDTH = 3;
export const GLYPH_HEIGHT = 5;

/** Width in pixels of `text` at `scale` (one blank column between glyphs). */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * (GLYPH_WIDTH + 1) - 1) * scale;
}

/**
 * Calls `plot(x, y)` for every ink pixel of `text` drawn with its top-left
 * corner at (`left`, `top`), each font pixel `scale` screen pixels wide.
 * Characters the font lacks are left blank.
 */
export function drawText(
  text: string,
  left: number,
  top: number,
  scale: number,
  plot: (x: number, y: number) => void,
): void {
  [...text].forEach((char, index) => {
    const glyph = GLYPHS[char] ?? GLYPHS[' ']!;
    const x0 = left + index * (GLYPH_WIDTH + 1) * scale;
    glyph.forEach((row, gy) => {
      [...row].forEach((cell, gx) => {
        if (cell !== '#') return;
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) plot(x0 + gx * scale + dx, top + gy * scale + dy);
      });
    });
  });
}
