import { describe, expect, it } from 'vitest';
import { analyzeDrift, type DriftInput } from '../../workflows/drift/analyze.ts';
import { acceptInto, emptyBaseline } from '../../workflows/drift/baseline.ts';
import type { FileChange, HistoryCommit } from '../../workflows/drift/history.ts';
import { extractSpecFacts } from '../../workflows/drift/spec-facts.ts';

let clock = 1_700_000_000;
const c = (oid: string, parents: string[], author = 'Maya', summary = oid): HistoryCommit => ({
  oid: oid.padEnd(40, '0'),
  parents: parents.map((p) => p.padEnd(40, '0')),
  author: `${author} <${author.toLowerCase()}@example.com>`,
  time: clock++,
  summary,
});
const oid = (s: string) => s.padEnd(40, '0');

const SPEC = `---
covers: [src/review/**]
---
# Review

### REQ-AAAA01: Cache notes

The app shall cache notes.

### REQ-BBBB02: Keep comments

The app shall keep comments.
`;

/** History as a list of commits with the files each changed. */
function input(history: [HistoryCommit, string[]][], extra: Partial<DriftInput> = {}): DriftInput {
  const changes: FileChange[] = [];
  history.forEach(([, files], i) => {
    for (const path of files) changes.push({ commit: i, path, status: 'M' });
  });
  const facts = extractSpecFacts(SPEC);
  return {
    head: (history[history.length - 1] as [HistoryCommit, string[]])[0].oid,
    commits: history.map(([commit]) => commit),
    changes,
    specs: [{ path: 'specs/review.md', covers: facts.covers, requirements: facts.requirements }],
    code: [],
    headPaths: ['specs/review.md', 'src/review/cache.ts', 'src/review/outbox.ts'],
    historicIds: new Map(),
    baseline: emptyBaseline(),
    since: null,
    ...extra,
  };
}

const kinds = (report: ReturnType<typeof analyzeDrift>) =>
  report.findings
    .filter((f) => f.kind === 'code-drift' || f.kind === 'spec-ahead')
    .map((f) => f.kind);

describe('code drift', () => {
  it('names the commits, files and authors that changed covered code since the spec', () => {
    const report = analyzeDrift(
      input([
        [c('a1', []), ['specs/review.md', 'src/review/cache.ts']],
        [c('b2', ['a1'], 'Ravi', 'Retry outbox'), ['src/review/outbox.ts', 'README.md']],
        [c('c3', ['b2'], 'Lee', 'Tune cache'), ['src/review/cache.ts']],
      ]),
    );
    const drift = report.findings.find((f) => f.kind === 'code-drift');
    expect(drift).toMatchObject({
      key: 'code-drift:specs/review.md',
      state: 'new',
      spec: 'specs/review.md',
      paths: ['src/review/cache.ts', 'src/review/outbox.ts'],
      evidence: [oid('c3'), oid('b2')],
    });
    expect(drift?.commits.map((x) => [x.summary, x.author, x.files])).toEqual([
      ['Tune cache', 'Lee <lee@example.com>', ['src/review/cache.ts']],
      ['Retry outbox', 'Ravi <ravi@example.com>', ['src/review/outbox.ts']],
    ]);
    expect(drift?.message).toMatch(
      /last changed in a1000000 .*2 commits by Lee, Ravi changed 2 covered files/,
    );
    expect(kinds(report)).toEqual(['code-drift']);
  });

  it('is quiet once the spec changed after the code, and then reports the spec as ahead', () => {
    const report = analyzeDrift(
      input([
        [c('a1', []), ['specs/review.md', 'src/review/cache.ts']],
        [c('b2', ['a1']), ['src/review/cache.ts']],
        [c('c3', ['b2'], 'Maya', 'Require encryption'), ['specs/review.md']],
      ]),
    );
    expect(kinds(report)).toEqual(['spec-ahead']);
    expect(report.findings[0]?.message).toMatch(
      /changed in c3000000 .*"Require encryption".*no code it covers .* has changed since/,
    );
  });

  it('uses ancestry, not commit order: code changed on a branch the spec never saw is drift', () => {
    // c2 (code, on a branch) comes before c3 (spec, on main) in the order, but is not its
    // ancestor: the spec author never saw it.
    for (const order of [
      ['b2', 'c3'],
      ['c3', 'b2'],
    ]) {
      const byOid: Record<string, [HistoryCommit, string[]]> = {
        b2: [c('b2', ['a1'], 'Ravi'), ['src/review/outbox.ts']],
        c3: [c('c3', ['a1'], 'Maya'), ['specs/review.md']],
      };
      const report = analyzeDrift(
        input([
          [c('a1', []), ['specs/review.md', 'src/review/cache.ts']],
          ...order.map((k) => byOid[k] as [HistoryCommit, string[]]),
          [c('m4', ['c3', 'b2']), []],
        ]),
      );
      const drift = report.findings.find((f) => f.kind === 'code-drift');
      expect(drift?.evidence, order.join(',')).toEqual([oid('b2')]);
      // b2 does not descend from the spec change either: the spec is ahead as well.
      expect(kinds(report).sort(), order.join(',')).toEqual(['code-drift', 'spec-ahead']);
    }
  });

  it('a code change in the same commit as the spec, or before it, is not drift', () => {
    const report = analyzeDrift(
      input([
        [c('a1', []), ['src/review/cache.ts']],
        [c('b2', ['a1']), ['specs/review.md', 'src/review/cache.ts']],
      ]),
    );
    expect(kinds(report)).toEqual(['spec-ahead']);
  });

  it('reports covers that match no file', () => {
    const report = analyzeDrift(
      input([[c('a1', []), ['specs/review.md']]], { headPaths: ['specs/review.md', 'lib/x.ts'] }),
    );
    expect(report.findings.map((f) => f.kind)).toContain('covers-nothing');
  });

  it('with --since, keeps only drift introduced by commits in the range', () => {
    const history: [HistoryCommit, string[]][] = [
      [c('a1', []), ['specs/review.md']],
      [c('b2', ['a1']), ['src/review/cache.ts']],
      [c('c3', ['b2']), ['src/review/outbox.ts']],
    ];
    const report = analyzeDrift(
      input(history, { since: { ref: 'b2', commits: new Set([oid('c3')]) } }),
    );
    const drift = report.findings.find((f) => f.kind === 'code-drift');
    expect(drift?.evidence).toEqual([oid('c3')]);
    expect(report.since).toBe('b2');
  });
});

describe('the baseline', () => {
  const history: [HistoryCommit, string[]][] = [
    [c('a1', []), ['specs/review.md']],
    [c('b2', ['a1']), ['src/review/cache.ts']],
  ];
  it('keeps an accepted finding quiet until new evidence appears', () => {
    const first = analyzeDrift(input(history));
    const drift = first.findings.find((f) => f.kind === 'code-drift');
    const baseline = acceptInto(emptyBaseline(), [{ key: drift!.key, evidence: drift!.evidence }], {
      at: '2026-01-01T00:00:00Z',
    });
    const quiet = analyzeDrift(input(history, { baseline }));
    expect(quiet.findings.find((f) => f.kind === 'code-drift')).toMatchObject({
      state: 'accepted',
      newEvidence: [],
    });
    const later = analyzeDrift(
      input([...history, [c('c3', ['b2'], 'Ravi'), ['src/review/outbox.ts']]], { baseline }),
    );
    const again = later.findings.find((f) => f.kind === 'code-drift');
    expect(again).toMatchObject({ state: 'new', newEvidence: [oid('c3')] });
    expect(again?.commits.map((x) => [x.oid, x.isNew])).toEqual([
      [oid('c3'), true],
      [oid('b2'), false],
    ]);
  });
});

describe('requirement tracing', () => {
  const history: [HistoryCommit, string[]][] = [
    [c('a1', []), ['specs/review.md', 'src/review/cache.ts']],
  ];
  it('builds the coverage matrix and finds untested, unknown and removed requirements', () => {
    const report = analyzeDrift(
      input(history, {
        code: [
          { path: 'src/review/cache.ts', cites: ['REQ-AAAA01'] },
          { path: 'test/cache.test.ts', cites: ['REQ-AAAA01', 'REQ-GONE99'] },
          { path: 'tests/outbox_test.py', cites: ['REQ-TYPO00'] },
          { path: 'src/review/outbox.ts', cites: ['REQ-BBBB02'] },
        ],
        historicIds: new Map([['REQ-GONE99', 'specs/old.md']]),
      }),
    );
    expect(report.coverage).toEqual([
      {
        id: 'REQ-AAAA01',
        spec: 'specs/review.md',
        title: 'Cache notes',
        code: ['src/review/cache.ts'],
        tests: ['test/cache.test.ts'],
      },
      {
        id: 'REQ-BBBB02',
        spec: 'specs/review.md',
        title: 'Keep comments',
        code: ['src/review/outbox.ts'],
        tests: [],
      },
    ]);
    const byKind = Object.fromEntries(report.findings.map((f) => [f.kind, f]));
    expect(byKind['untested-requirement']).toMatchObject({
      requirement: 'REQ-BBBB02',
      severity: 'warning',
    });
    expect(byKind['untested-requirement']?.message).toMatch(
      /REQ-BBBB02 \(specs\/review\.md:10, "Keep comments"\) is cited by no test \(code citing it: src\/review\/outbox\.ts\)/,
    );
    expect(byKind['removed-requirement']).toMatchObject({
      requirement: 'REQ-GONE99',
      severity: 'error',
      paths: ['test/cache.test.ts'],
    });
    expect(byKind['removed-requirement']?.message).toMatch(
      /was removed from specs\/old\.md, but tests still cite it/,
    );
    expect(byKind['unknown-requirement']).toMatchObject({
      requirement: 'REQ-TYPO00',
      paths: ['tests/outbox_test.py'],
    });
  });
});
