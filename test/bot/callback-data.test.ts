import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CALLBACK_ACTIONS,
  type CallbackData,
  decodeCallback,
  encodeCallback,
  MAX_CALLBACK_BYTES,
} from '../../src/bot/callback-data.ts';

const argument = fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/);
const callbackData: fc.Arbitrary<CallbackData> = fc.oneof(
  fc.record({ action: fc.constantFrom(...CALLBACK_ACTIONS), id: fc.maxSafeNat() }),
  fc.record({ action: fc.constantFrom(...CALLBACK_ACTIONS), id: fc.maxSafeNat(), arg: argument }),
);

/** Strings shaped like callback data, to reach deep into the decoder (mutations of valid ones). */
const nearlyValid = fc
  .tuple(
    fc.oneof(fc.constantFrom(...CALLBACK_ACTIONS, 'LANG', 'admin', ''), fc.string({ maxLength: 8 })),
    fc.oneof(fc.maxSafeNat().map(String), fc.constantFrom('00', '-1', '1e3', '9007199254740993', '1.5', '')),
    fc.option(fc.oneof(argument, fc.string({ maxLength: 50 }), fc.string({ unit: 'binary', maxLength: 8 }))),
    fc.option(fc.string({ maxLength: 4 })),
  )
  .map(([action, id, arg, tail]) =>
    [action, id, ...(arg === null ? [] : [arg]), ...(tail === null ? [] : [tail])].join(':'),
  );

const isAscii = (text: string) => [...text].every((char) => char.charCodeAt(0) < 128);

describe('callback data codec', () => {
  it('round-trips every valid value through an ASCII string of at most 64 bytes', () => {
    fc.assert(
      fc.property(callbackData, (data) => {
        const encoded = encodeCallback(data);
        expect(isAscii(encoded)).toBe(true);
        expect(Buffer.byteLength(encoded, 'utf8')).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
        expect(decodeCallback(encoded)).toEqual(data);
      }),
    );
  });

  it('never throws on arbitrary input; what it accepts re-encodes to the very same string', () => {
    const anything = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      nearlyValid,
    );
    let accepted = 0;
    fc.assert(
      fc.property(anything, (raw) => {
        const decoded = decodeCallback(raw);
        if (decoded === null) return;
        accepted++;
        expect(encodeCallback(decoded)).toBe(raw);
      }),
      { numRuns: 2000 },
    );
    // The property must have met valid strings too, or it proved nothing about them.
    expect(accepted).toBeGreaterThan(0);
  });

  it('decodes what the bot sends', () => {
    expect(decodeCallback('lang:0:en')).toEqual({ action: 'lang', id: 0, arg: 'en' });
    expect(decodeCallback('page:12')).toEqual({ action: 'page', id: 12 });
  });

  it.each([
    ['an unknown action', 'admin:1'],
    ['an action in another case', 'LANG:0:en'],
    ['a missing id', 'page'],
    ['an empty id', 'page:'],
    ['a negative id', 'page:-1'],
    ['a leading zero', 'page:01'],
    ['an id beyond safe integers', 'page:9007199254740993'],
    ['an empty argument', 'lang:0:'],
    ['a non-ASCII argument', 'lang:0:рус'],
    ['an argument with a space', 'lang:0:e n'],
    ['too many parts', 'lang:0:en:x'],
    ['an argument over 40 characters', `lang:0:${'a'.repeat(41)}`],
    ['over 64 bytes', `lang:0:${'a'.repeat(60)}`],
    ['nothing', ''],
    ['no data at all', undefined],
  ])('refuses %s', (_, raw) => {
    expect(decodeCallback(raw)).toBeNull();
  });

  it('refuses to encode what it could not decode', () => {
    expect(() => encodeCallback({ action: 'page', id: -1 })).toThrow(RangeError);
    expect(() => encodeCallback({ action: 'page', id: 1.5 })).toThrow(RangeError);
    expect(() => encodeCallback({ action: 'lang', id: 0, arg: 'рус' })).toThrow(RangeError);
    expect(() => encodeCallback({ action: 'lang', id: 0, arg: '' })).toThrow(RangeError);
    expect(() => encodeCallback({ action: 'lang', id: 0, arg: 'a'.repeat(41) })).toThrow(RangeError);
  });
});
