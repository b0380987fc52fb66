import { describe, expect, it } from 'vitest';
import { describeDifference, firstDifference } from '../../src/replay/compare.ts';

describe('comparing transcripts', () => {
  it('finds nothing when they match, whatever the line endings', () => {
    expect(firstDifference('a\nb\n', 'a\r\nb\r\n')).toBeNull();
    expect(firstDifference('a\nb', 'a\nb\n')).toBeNull();
  });

  it('names the first differing line with both versions', () => {
    expect(firstDifference('a\nb\nc\n', 'a\nB\nC\n')).toEqual({ line: 2, expected: 'b', actual: 'B' });
  });

  it('reports a transcript that ended early or goes on', () => {
    expect(firstDifference('a\nb\n', 'a\n')).toEqual({ line: 2, expected: 'b', actual: null });
    expect(firstDifference('a\n', 'a\nmore\n')).toEqual({ line: 2, expected: null, actual: 'more' });
  });

  it('describes a difference for a person', () => {
    expect(describeDifference({ line: 7, expected: '← bot: Привет', actual: null }, 'x.transcript.txt')).toBe(
      [
        'x.transcript.txt: first difference at line 7',
        '  expected: ← bot: Привет',
        '  actual:   (the transcript ends here)',
      ].join('\n'),
    );
  });
});
