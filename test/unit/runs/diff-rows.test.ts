// The Runs view's reading of a proposed change's unified diff: line numbers before and after.
import { describe, expect, it } from 'vitest';
import { diffRows, diffStats } from '../../../renderer/src/components/runs/diff-rows.ts';
import { unifiedDiff } from '../../../workflows/engine/change-diff.ts';

describe('diffRows', () => {
  it('numbers each line in the file before and after the change', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n') + '\n';
    const after = before.replace('e\n', 'E\nE2\n');
    const rows = diffRows(unifiedDiff('x.md', before, after));
    expect(rows[0]).toMatchObject({ kind: 'hunk', text: '@@ -2,7 +2,8 @@' });
    expect(rows.slice(1).map((r) => [r.kind, r.oldLine, r.newLine, r.text])).toEqual([
      ['context', 2, 2, 'b'],
      ['context', 3, 3, 'c'],
      ['context', 4, 4, 'd'],
      ['removed', 5, null, 'e'],
      ['added', null, 5, 'E'],
      ['added', null, 6, 'E2'],
      ['context', 6, 7, 'f'],
      ['context', 7, 8, 'g'],
      ['context', 8, 9, 'h'],
    ]);
    expect(diffStats(rows)).toEqual({ added: 2, removed: 1 });
  });

  it('numbers a new file from its first line', () => {
    const rows = diffRows(unifiedDiff('new.md', null, '# Title\n\nText\n'));
    expect(rows.filter((r) => r.kind === 'added').map((r) => r.newLine)).toEqual([1, 2, 3]);
    expect(rows.every((r) => r.oldLine === null)).toBe(true);
  });
});
