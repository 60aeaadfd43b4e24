import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../workflows/lint/apply-fixes.ts';

const at = (line: number, from: number, to: number, newText: string) => ({
  range: { start: { line, column: from }, end: { line, column: to } },
  newText,
});

describe('applyEdits', () => {
  it('applies edits in any order', () => {
    expect(
      applyEdits('a should b\nc should d\n', [at(1, 3, 9, 'shall'), at(2, 3, 9, 'shall')]).text,
    ).toBe('a shall b\nc shall d\n');
  });

  it('keeps a BOM and CRLF line endings', () => {
    expect(applyEdits('\uFEFFx\r\na should b\r\n', [at(2, 3, 9, 'shall')]).text).toBe(
      '\uFEFFx\r\na shall b\r\n',
    );
  });

  it('inserts at an empty range', () => {
    expect(applyEdits('If x, the app shall y.', [at(1, 7, 7, 'then ')]).text).toBe(
      'If x, then the app shall y.',
    );
  });

  it('skips an edit that overlaps one already applied, and says so', () => {
    const result = applyEdits('abcdef', [at(1, 2, 5, 'X'), at(1, 3, 4, 'Y')]);
    expect(result.text).toBe('abYdef');
    expect(result.skipped).toEqual([at(1, 2, 5, 'X')]);
  });
});
