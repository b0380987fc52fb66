/** Where two transcripts part: the 1-based line number and both lines there. */
export interface TranscriptDifference {
  line: number;
  /** The expected line, or null when the expected transcript already ended. */
  expected: string | null;
  /** The actual line, or null when the actual transcript already ended. */
  actual: string | null;
}

const linesOf = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');

/** The first line where `actual` differs from `expected` (line endings aside), or null when they match. Pure. */
export function firstDifference(expected: string, actual: string): TranscriptDifference | null {
  const want = linesOf(expected);
  const got = linesOf(actual);
  for (let index = 0; index < Math.max(want.length, got.length); index++) {
    const expectedLine = want[index] ?? null;
    const actualLine = got[index] ?? null;
    if (expectedLine !== actualLine) return { line: index + 1, expected: expectedLine, actual: actualLine };
  }
  return null;
}

/** A difference as a few lines a person reads in a terminal or a failed test. */
export function describeDifference(difference: TranscriptDifference, where = 'transcript'): string {
  const show = (line: string | null) =>
    line === null ? '(the transcript ends here)' : line === '' ? '(an empty line)' : line;
  return [
    `${where}: first difference at line ${difference.line}`,
    `  expected: ${show(difference.expected)}`,
    `  actual:   ${show(difference.actual)}`,
  ].join('\n');
}
