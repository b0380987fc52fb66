import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/domain/mail/templates.ts';
import { REPLAY_PASSWORD } from '../../src/replay/format.ts';
import { fillPlaceholders, newestLinkCode } from '../../src/replay/placeholders.ts';

const codeEmail = (code: string, language: 'ru' | 'en' = 'ru') =>
  renderEmail('linkCode', 'guest1@demo.kz', { code, minutes: 10 }, language);
const welcome = renderEmail('welcome', 'guest1@demo.kz', { fullName: 'Алия 123456' });

describe('filling a recording’s placeholders from the replay’s outbox', () => {
  it('types the code of the newest link-code email, in either language', () => {
    expect(newestLinkCode([codeEmail('111111'), welcome, codeEmail('222222', 'en'), welcome])).toBe('222222');
    expect(fillPlaceholders('{{linkCode}}', [codeEmail('012345')])).toEqual({
      text: '012345',
      missingCode: false,
    });
  });

  it('types a code that is surely wrong for {{wrongLinkCode}}', () => {
    expect(fillPlaceholders('{{wrongLinkCode}}', [codeEmail('999999')]).text).toBe('000000');
    expect(fillPlaceholders('{{wrongLinkCode}}', [codeEmail('123456')]).text).toBe('123457');
    // No code was emailed (an address without an account): any code is wrong.
    expect(fillPlaceholders('{{wrongLinkCode}}', []).text).toBe('000000');
  });

  it('says so when a code is wanted and none was emailed, typing the placeholder as it is', () => {
    expect(fillPlaceholders('{{linkCode}}', [welcome])).toEqual({ text: '{{linkCode}}', missingCode: true });
  });

  it('types the fixed replay password and leaves other text alone', () => {
    expect(fillPlaceholders('{{password}}', []).text).toBe(REPLAY_PASSWORD);
    expect(fillPlaceholders('Алматы', [codeEmail('123456')])).toEqual({ text: 'Алматы', missingCode: false });
  });
});
