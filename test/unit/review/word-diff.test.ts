// The inline diff the Review view shows inside a modified requirement: which words went, which
// came, and the text of each side intact.
import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffSegment } from '../../../workflows/diff/word-diff.ts';

const side = (segments: DiffSegment[], kind: 'removed' | 'added') =>
  segments
    .filter((s) => s.kind === 'same' || s.kind === kind)
    .map((s) => s.text)
    .join('');

describe('word diff', () => {
  it('marks only the words that changed', () => {
    const before = 'the app shall send queued comments and should do it fast.';
    const after = 'the app shall send queued comments within 60 seconds.';
    const diff = wordDiff(before, after);
    expect(diff).toEqual([
      { kind: 'same', text: 'the app shall send queued comments ' },
      { kind: 'removed', text: 'and should do it fast' },
      { kind: 'added', text: 'within 60 seconds' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('keeps both texts whole, whatever changed', () => {
    const cases = [
      ['', 'All new.'],
      ['All gone.', ''],
      ['WHEN a\nTHEN b', 'WHEN a\nAND c\nTHEN b'],
      ['same', 'same'],
    ] as const;
    for (const [before, after] of cases) {
      const diff = wordDiff(before, after);
      expect(side(diff, 'removed')).toBe(before);
      expect(side(diff, 'added')).toBe(after);
    }
    expect(wordDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});
