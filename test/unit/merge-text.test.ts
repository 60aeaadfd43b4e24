import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasConflictMarkers, resolveMarkers } from '../../workflows/merge/conflict-markers.ts';
import { diff3 } from '../../workflows/merge/diff3.ts';
import { alignLines } from '../../workflows/merge/line-diff.ts';
import { mergeMarkdown, mergeText } from '../../workflows/merge/merge-text.ts';
import { lostLines, randomEdit, randomSpec, seeded } from '../support/spec-edits.ts';

const lines = (s: string) => s.split('\n');

describe('line alignment', () => {
  it('matches a longest common subsequence, in order', () => {
    const a = lines('a b c d e f'.replace(/ /g, '\n'));
    const b = lines('a x c d y f'.replace(/ /g, '\n'));
    expect([...alignLines(a, b)]).toEqual([0, -1, 2, 3, -1, 5]);
  });

  it('stays a valid alignment when the edit distance exceeds its limit', () => {
    const a = Array.from({ length: 50 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 50 }, (_, i) => `b${i}`);
    const m = alignLines(['same', ...a, 'end'], ['same', ...b, 'end'], 10);
    expect(m[0]).toBe(0);
    expect(m[51]).toBe(51);
    expect([...m.slice(1, 51)].every((x) => x === -1)).toBe(true);
  });

  it('property: every match pairs equal lines and matches increase', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }),
        (a, b) => {
          const m = alignLines(a, b);
          let last = -1;
          for (let i = 0; i < a.length; i++) {
            const j = m[i] as number;
            if (j < 0) continue;
            expect(b[j]).toBe(a[i]);
            expect(j).toBeGreaterThan(last);
            last = j;
          }
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});

describe('diff3', () => {
  it('takes one-sided changes and reports overlapping ones as a conflict', () => {
    const base = ['1', '2', '3', '4', '5'];
    expect(diff3(base, ['1', 'two', '3', '4', '5'], ['1', '2', '3', 'four', '5'])).toEqual([
      { kind: 'ok', lines: ['1', 'two', '3', 'four', '5'] },
    ]);
    const conflict = diff3(base, ['1', 'X', '3', '4', '5'], ['1', 'Y', '3', '4', '5']);
    expect(conflict).toEqual([
      { kind: 'ok', lines: ['1'] },
      { kind: 'conflict', base: ['2'], ours: ['X'], theirs: ['Y'] },
      { kind: 'ok', lines: ['3', '4', '5'] },
    ]);
  });

  it('takes the same change on both sides once', () => {
    expect(diff3(['a'], ['a', 'b'], ['a', 'b'])).toEqual([{ kind: 'ok', lines: ['a', 'b'] }]);
  });
});

describe('mergeText', () => {
  it('keeps line endings and the final newline', () => {
    const out = mergeText({
      base: 'a\r\nx\r\nb\r\n',
      ours: 'A\r\nx\r\nb\r\n',
      theirs: 'a\r\nx\r\nB\r\n',
    });
    expect(out).toMatchObject({ clean: true, text: 'A\r\nx\r\nB\r\n' });
    expect(mergeText({ base: 'a', ours: 'a\n', theirs: 'b' }).text).toBe('b\n');
  });

  it('writes conflicts with git markers, keeping both sides', () => {
    const out = mergeText({
      base: 'x\n',
      ours: 'mine\n',
      theirs: 'yours\n',
      labels: { ours: 'main', theirs: 'origin/main' },
    });
    expect(out.clean).toBe(false);
    expect(out.text).toBe('<<<<<<< main\nmine\n=======\nyours\n>>>>>>> origin/main\n');
    expect(resolveMarkers(lines(out.text), 'both').join('\n')).toBe('mine\nyours\n');
    expect(resolveMarkers(lines(out.text), 'ours').join('\n')).toBe('mine\n');
    expect(resolveMarkers(lines(out.text), 'theirs').join('\n')).toBe('yours\n');
  });
});

const spec = (reqs: string, fm = 'owners:\n  - maya\n') =>
  `---\nid: SPEC-1\nstatus: draft\n${fm}---\n\n# Title\n\n${reqs}`;

describe('mergeMarkdown', () => {
  it('merges two requirements added at the same place without a conflict', () => {
    const base = spec('### REQ-AAAAAA: One\n\nThe system shall one.\n');
    const ours = base + '\n### REQ-BBBBBB: Two\n\nThe system shall two.\n';
    const theirs = base + '\n### REQ-CCCCCC: Three\n\nThe system shall three.\n';
    expect(mergeText({ base, ours, theirs }).clean).toBe(false);
    const out = mergeMarkdown({ base, ours, theirs });
    expect(out).toMatchObject({ clean: true, strategy: 'structure' });
    expect(out.text).toContain('### REQ-BBBBBB: Two');
    expect(out.text).toContain('### REQ-CCCCCC: Three');
    expect(out.text.indexOf('REQ-BBBBBB')).toBeLessThan(out.text.indexOf('REQ-CCCCCC'));
  });

  it('merges owners added on both sides as a set', () => {
    const body = '### REQ-AAAAAA: One\n\nThe system shall one.\n';
    const base = spec(body);
    const ours = spec(body, 'owners:\n  - maya\n  - ravi\n');
    const theirs = spec(body, 'owners:\n  - maya\n  - lee\n');
    const out = mergeMarkdown({ base, ours, theirs });
    expect(out.clean).toBe(true);
    expect(out.text).toContain('owners:\n  - maya\n  - ravi\n  - lee\n');
  });

  it('merges flow-style lists in our style', () => {
    const body = '# T\n';
    const out = mergeMarkdown({
      base: spec(body, 'covers: [src/a/**]\n'),
      ours: spec(body, 'covers: [src/a/**, src/b/**]\n'),
      theirs: spec(body, 'covers: [src/c/**]\n'),
    });
    expect(out.clean).toBe(true);
    expect(out.text).toContain('covers: [src/b/**, src/c/**]\n');
  });

  it('keeps both values of a scalar both sides changed, as a conflict inside the frontmatter', () => {
    const body = '# T\n';
    const out = mergeMarkdown({
      base: spec(body).replace('draft', 'draft'),
      ours: spec(body).replace('status: draft', 'status: review'),
      theirs: spec(body).replace('status: draft', 'status: approved'),
    });
    expect(out.clean).toBe(false);
    expect(out.text).toMatch(
      /<<<<<<< ours\nstatus: review\n=======\nstatus: approved\n>>>>>>> theirs/,
    );
  });

  it('never takes a section twice when both sides renamed its heading', () => {
    const base = spec(
      '## Goals\n\nShip offline review.\nKeep comments.\n\n## Risks\n\nClock skew.\n',
    );
    const ours = base.replace('## Goals', '## Objectives');
    const theirs = base.replace('## Goals', '## Aims');
    const out = mergeMarkdown({ base, ours, theirs });
    expect(out.clean).toBe(false);
    expect(out.text.match(/Ship offline review\./g)).toHaveLength(1);
    expect(out.text).toContain('<<<<<<< ours\n## Objectives\n=======\n## Aims\n>>>>>>> theirs');
  });

  it('keeps both names of a heading with no body of its own that both sides renamed', () => {
    const base = spec('## Problem\n\nText.\n');
    const out = mergeMarkdown({
      base,
      ours: base.replace('# Title', '# Ours'),
      theirs: base.replace('# Title', '# Theirs'),
    });
    expect(out.clean).toBe(false);
    expect(out.text).toContain('<<<<<<< ours\n# Ours\n=======\n# Theirs\n>>>>>>> theirs');
    expect(out.text.match(/## Problem/g)).toHaveLength(1);
  });

  it('follows a heading one side renamed while the other edits the section', () => {
    const base = spec('## Goals\n\nShip offline review.\n\n## Risks\n\nClock skew.\n');
    const ours = base
      .replace('# Title', '# Better title')
      .replace('Clock skew.', 'Clock skew.\nLost outbox.');
    const theirs = base
      .replace('Ship offline review.', 'Ship offline review by June.')
      .replace('Clock skew.', 'Clock skew.\nStale cache.');
    const out = mergeMarkdown({ base, ours, theirs });
    expect(lostLines(base, ours, theirs, out.text)).toEqual([]);
    expect(out.text.match(/## Goals/g)).toHaveLength(1);
    expect(out.text).toContain('# Better title');
    expect(out.text).toContain('Ship offline review by June.');
  });

  it('keeps every line of a key written twice in the frontmatter', () => {
    const fm = (a: string, b: string) =>
      `---\nstatus: ${a}\nstatus: ${b}\nowners:\n  - x\n---\n\n# T\n`;
    const base = fm('one', 'two');
    const ours = fm('ours', 'two') + '\nours body\n';
    const theirs = fm('theirs', 'two') + '\ntheirs body\n';
    const out = mergeMarkdown({ base, ours, theirs });
    expect(lostLines(base, ours, theirs, out.text)).toEqual([]);
    expect(out.text).toContain('status: two');
  });

  it('keeps a section one side deleted and the other changed, as a conflict', () => {
    const base = spec('### REQ-AAAAAA: One\n\nOld.\n\n### REQ-BBBBBB: Two\n\nTwo.\n');
    const ours = spec('### REQ-BBBBBB: Two\n\nTwo, changed.\n');
    const theirs = spec('### REQ-AAAAAA: One\n\nOld, but edited.\n\n### REQ-BBBBBB: Two\n\nTwo.\n');
    const out = mergeMarkdown({ base, ours, theirs });
    expect(out.text).toContain('Old, but edited.');
    expect(out.text).toContain('Two, changed.');
    expect(lostLines(base, ours, theirs, out.text)).toEqual([]);
  });

  it('does not treat headings inside code fences as sections', () => {
    const base = spec('## A\n\n```md\n# not a heading\n```\n');
    const ours = base + '\nours line\n';
    const theirs = base + '\ntheirs line\n';
    const out = mergeMarkdown({ base, ours, theirs });
    expect(out.text).toContain('# not a heading');
    expect(lostLines(base, ours, theirs, out.text)).toEqual([]);
  });
});

describe('merge properties (seeded random specs and edits)', () => {
  const scenario = fc.record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    oursEdits: fc.integer({ min: 0, max: 6 }),
    theirsEdits: fc.integer({ min: 0, max: 6 }),
  });
  const build = ({
    seed,
    oursEdits,
    theirsEdits,
  }: {
    seed: number;
    oursEdits: number;
    theirsEdits: number;
  }) => {
    const rnd = seeded(seed);
    const base = randomSpec(rnd);
    let ours = base;
    let theirs = base;
    for (let i = 0; i < oursEdits; i++) ours = randomEdit(rnd, ours, 'ours');
    for (let i = 0; i < theirsEdits; i++) theirs = randomEdit(rnd, theirs, 'theirs');
    return { base, ours, theirs };
  };

  it('never loses a line either side added, and keeps what both kept', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { base, ours, theirs } = build(s);
        for (const merge of [mergeMarkdown, mergeText]) {
          const out = merge({ base, ours, theirs });
          expect(lostLines(base, ours, theirs, out.text)).toEqual([]);
          const resolved = resolveMarkers(out.text.split('\n'), 'both').join('\n');
          expect(lostLines(base, ours, theirs, resolved)).toEqual([]);
          expect(hasConflictMarkers(resolved.split('\n'))).toBe(false);
          const baseLines = new Set(base.split('\n'));
          const theirsLines = new Set(theirs.split('\n'));
          const resultLines = new Set(out.text.split('\n'));
          const dropped = ours
            .split('\n')
            .filter((l) => baseLines.has(l) && theirsLines.has(l) && !resultLines.has(l));
          expect(dropped).toEqual([]);
          expect(out.clean).toBe(!hasConflictMarkers(out.text.split('\n')));
        }
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('never repeats a line more often than the two sides explain', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { base, ours, theirs } = build(s);
        const out = mergeMarkdown({ base, ours, theirs });
        if (!out.clean) return;
        const count = (t: string) => {
          const m = new Map<string, number>();
          for (const l of t.split('\n')) if (l.trim()) m.set(l, (m.get(l) ?? 0) + 1);
          return m;
        };
        const [b, o, t, r] = [base, ours, theirs, out.text].map(count) as Map<string, number>[];
        const excess = [...r!].filter(([line, n]) => {
          const bound = Math.max(
            o!.get(line) ?? 0,
            t!.get(line) ?? 0,
            (o!.get(line) ?? 0) + (t!.get(line) ?? 0) - (b!.get(line) ?? 0),
          );
          return (o!.has(line) || t!.has(line)) && n > bound;
        });
        expect(excess).toEqual([]);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('returns the other side exactly when one side did not change', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { base, ours, theirs } = build(s);
        expect(mergeMarkdown({ base, ours: base, theirs })).toMatchObject({
          clean: true,
          text: theirs,
        });
        expect(mergeMarkdown({ base, ours, theirs: base })).toMatchObject({
          clean: true,
          text: ours,
        });
        expect(mergeMarkdown({ base, ours, theirs: ours })).toMatchObject({
          clean: true,
          text: ours,
        });
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('chained merges (each result is the next base, as in a team history)', () => {
  it('loses no line over 150 rounds of concurrent edits resolved by keeping both sides', () => {
    const start = seeded(3);
    const docs = [randomSpec(start, 'a'), randomSpec(start, 'b')];
    for (let round = 0; round < 150; round++) {
      const rnd = seeded(500 + round);
      const base = docs[round % 2] as string;
      let ours = base;
      let theirs = base;
      for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++)
        ours = randomEdit(rnd, ours, `o${round}`);
      for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++)
        theirs = randomEdit(rnd, theirs, `t${round}`);
      const out = mergeMarkdown({ base, ours, theirs });
      const next = out.clean ? out.text : resolveMarkers(out.text.split('\n'), 'both').join('\n');
      expect(lostLines(base, ours, theirs, next), `round ${round}`).toEqual([]);
      docs[round % 2] = next;
    }
  });
});
