import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TELEGRAM_TEXT_LIMIT } from '../../src/bot/screen.ts';
import { replyMarkup, splitText } from '../../src/bot/sender.ts';

describe('replyMarkup', () => {
  it('turns inline buttons into an inline keyboard with encoded callback data', () => {
    expect(
      replyMarkup({
        text: 'язык',
        inline: [
          [
            { text: 'Русский', callback: { action: 'lang', id: 0, arg: 'ru' } },
            { text: 'English', callback: { action: 'lang', id: 0, arg: 'en' } },
          ],
          [{ text: '2', callback: { action: 'page', id: 2 } }],
        ],
      }),
    ).toEqual({
      inline_keyboard: [
        [
          { text: 'Русский', callback_data: 'lang:0:ru' },
          { text: 'English', callback_data: 'lang:0:en' },
        ],
        [{ text: '2', callback_data: 'page:2' }],
      ],
    });
  });

  it('turns reply buttons into a persistent, resized keyboard; the contact button asks for the contact', () => {
    expect(
      replyMarkup({
        text: 'телефон',
        reply: [
          [{ text: '📱 Отправить мой номер', requestContact: true }],
          [
            { text: '⬅️ Назад', event: { type: 'BACK' } },
            { text: '❌ Отмена', event: { type: 'CANCEL' } },
          ],
        ],
      }),
    ).toEqual({
      keyboard: [
        [{ text: '📱 Отправить мой номер', request_contact: true }],
        [{ text: '⬅️ Назад' }, { text: '❌ Отмена' }],
      ],
      resize_keyboard: true,
      is_persistent: true,
    });
  });

  it('removes the keyboard on request and leaves it alone otherwise', () => {
    expect(replyMarkup({ text: 'заблокирован', reply: 'remove' })).toEqual({ remove_keyboard: true });
    expect(replyMarkup({ text: 'просто текст' })).toBeUndefined();
  });

  it('refuses a button whose callback data the codec cannot carry', () => {
    expect(() =>
      replyMarkup({ text: 'x', inline: [[{ text: 'x', callback: { action: 'lang', id: 0, arg: 'рус' } }]] }),
    ).toThrow(RangeError);
  });
});

/** Puts the parts back together: a part ends either at the limit or at a line break the split dropped. */
function rejoin(text: string, parts: string[]): string {
  let offset = 0;
  let result = '';
  for (const [index, part] of parts.entries()) {
    result += part;
    offset += part.length;
    if (index < parts.length - 1 && text[offset] === '\n') {
      result += '\n';
      offset += 1;
    }
  }
  return result;
}

describe('splitText', () => {
  it('leaves a text within the limit whole', () => {
    expect(splitText('короткий текст')).toEqual(['короткий текст']);
    const full = 'я'.repeat(TELEGRAM_TEXT_LIMIT);
    expect(splitText(full)).toEqual([full]);
  });

  it('splits a long list at line breaks into parts within 4096 characters, losing nothing', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${i + 1}. Квартира в Алматы, 2 комнаты — 18 000 ₸`);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(TELEGRAM_TEXT_LIMIT * 2);
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    // Whole lines only: every part is a run of complete lines.
    expect(parts.flatMap((part) => part.split('\n'))).toEqual(lines);
  });

  it('cuts a single line longer than the limit at the limit', () => {
    const text = `${'a'.repeat(9000)}\n${'b'.repeat(10)}`;
    const parts = splitText(text);
    expect(parts.map((part) => part.length)).toEqual([4096, 4096, 808 + 1 + 10]);
    expect(rejoin(text, parts)).toBe(text);
  });

  it('for any text and limit: parts fit, nothing is lost, and a cut falls on a line break when one is near', () => {
    const line = fc.string({ maxLength: 120 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.integer({ min: 20, max: 400 }), (lines, limit) => {
        const text = lines.join('\n');
        const parts = splitText(text, limit);
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(limit);
        expect(rejoin(text, parts)).toBe(text);
        let offset = 0;
        for (const part of parts.slice(0, -1)) {
          const window = text.slice(offset, offset + limit + 1);
          const hasBreak = window.lastIndexOf('\n') > limit / 2;
          offset += part.length;
          if (hasBreak) expect(text[offset]).toBe('\n');
          if (text[offset] === '\n') offset += 1;
        }
      }),
    );
  });
});
