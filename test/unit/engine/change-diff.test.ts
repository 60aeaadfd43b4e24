import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../workflows/engine/change-diff.ts';

const PATH = 'specs/x/requirements.md';
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `l${i + 1}`);
const text = (ls: string[]) => ls.join('\n') + '\n';

describe('unifiedDiff', () => {
  it('shows a change in the middle with three lines of context either side', () => {
    const before = numbered(10);
    const after = before.map((l) => (l === 'l5' ? 'L5 changed' : l));
    expect(unifiedDiff(PATH, text(before), text(after))).toBe(
      [
        `--- a/${PATH}`,
        `+++ b/${PATH}`,
        '@@ -2,7 +2,7 @@',
        ' l2',
        ' l3',
        ' l4',
        '-l5',
        '+L5 changed',
        ' l6',
        ' l7',
        ' l8',
      ].join('\n'),
    );
  });

  it('shows a new file as added against /dev/null', () => {
    expect(unifiedDiff(PATH, null, '# New\n\nbody\n')).toBe(
      ['--- /dev/null', `+++ b/${PATH}`, '@@ -0,0 +1,3 @@', '+# New', '+', '+body'].join('\n'),
    );
  });

  it('gives changes far apart a hunk each, numbering the second after the first’s insertion', () => {
    const before = numbered(20);
    const after = [...before];
    after.splice(2, 0, 'inserted'); // after l2
    after[after.indexOf('l18')] = 'L18 changed';
    expect(unifiedDiff(PATH, text(before), text(after))).toBe(
      [
        `--- a/${PATH}`,
        `+++ b/${PATH}`,
        '@@ -1,5 +1,6 @@',
        ' l1',
        ' l2',
        '+inserted',
        ' l3',
        ' l4',
        ' l5',
        '@@ -15,6 +16,6 @@',
        ' l15',
        ' l16',
        ' l17',
        '-l18',
        '+L18 changed',
        ' l19',
        ' l20',
      ].join('\n'),
    );
  });

  it('joins changes whose contexts touch into one hunk', () => {
    const before = numbered(12);
    const after = before.map((l) => (l === 'l3' ? 'L3' : l === 'l8' ? 'L8' : l));
    const diff = unifiedDiff(PATH, text(before), text(after)).split('\n');
    expect(diff.filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,11 +1,11 @@']);
  });

  it('counts a deletion at the start from line 1', () => {
    const before = numbered(6);
    expect(unifiedDiff(PATH, text(before), text(before.slice(1)))).toBe(
      [`--- a/${PATH}`, `+++ b/${PATH}`, '@@ -1,4 +1,3 @@', '-l1', ' l2', ' l3', ' l4'].join('\n'),
    );
  });
});
