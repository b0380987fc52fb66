import { expect, it } from 'vitest';
import { LOCALES, type Messages, messagesFor } from '../../src/bot/i18n/index.ts';

/** One call with realistic arguments per catalogue message that is a function, by dotted path. */
export type SampleCalls = Record<string, (t: Messages) => string>;

/** Every function under `node`, by dotted path starting at `path`. */
export function functionPaths(node: unknown, path: string): string[] {
  if (typeof node === 'function') return [path];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => functionPaths(value, `${path}.${key}`));
}

/**
 * Every sample gives a real text in `t`: not blank, and no argument that
 * leaked through unformatted (undefined, null, NaN, an object).
 */
export function expectSamplesFilled(calls: SampleCalls, t: Messages): void {
  for (const [path, call] of Object.entries(calls)) {
    const text = call(t);
    expect(text.trim(), path).not.toBe('');
    expect(text, path).not.toMatch(/undefined|null|NaN|\[object/);
  }
}

/**
 * The two tests every section file of test/bot/*.i18n.test.ts starts with:
 * `calls` has a sample for exactly the function messages of `sections` (so a
 * new one cannot go untested), and every sample is filled in each language.
 * Call it inside the file's `describe`.
 */
export function itHasFilledSamples(sections: readonly (keyof Messages)[], calls: SampleCalls): void {
  it('have a sample call here for every message that is a function', () => {
    const ru = messagesFor('ru');
    const paths = sections.flatMap((section) => functionPaths(ru[section], section));
    expect(paths.sort()).toEqual(Object.keys(calls).sort());
  });

  it.each(LOCALES)('are filled in %s with their arguments', (locale) => {
    expectSamplesFilled(calls, messagesFor(locale));
  });
}
