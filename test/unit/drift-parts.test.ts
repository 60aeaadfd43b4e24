import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../workflows/drift/format.ts';
import { formatSarif, formatText } from '../../workflows/drift/format.ts';
import {
  acceptInto,
  BaselineError,
  emptyBaseline,
  mergeBaselineText,
  parseBaseline,
  serializeBaseline,
} from '../../workflows/drift/baseline.ts';
import { CoversIndex } from '../../workflows/drift/covers-index.ts';
import { HistoryGraph } from '../../workflows/drift/history.ts';
import { compareRequirements } from '../../workflows/drift/requirement-changes.ts';
import { citedIds, isTestPath } from '../../workflows/drift/requirement-ids.ts';
import { extractSpecFacts } from '../../workflows/drift/spec-facts.ts';
import { SAMPLE_WORKSPACE } from '../support/temp-dir.ts';

describe('spec facts', () => {
  it('reads covers and the requirements of the sample spec', () => {
    const text = fs.readFileSync(
      `${SAMPLE_WORKSPACE}/specs/offline-review/requirements.md`,
      'utf8',
    );
    const facts = extractSpecFacts(text);
    expect(facts.covers).toEqual(['src/review/**']);
    expect(facts.requirements.map((r) => r.id)).toEqual([
      'REQ-7KQ2M4',
      'REQ-9F3TXA',
      'REQ-2HNB8W',
      'REQ-5RZC1D',
      'REQ-C4VJ6P',
    ]);
    expect(facts.requirements[0]).toMatchObject({
      title: 'Cache shared notes for offline reading',
      statement:
        "When a note is shared with a signed-in reviewer, the app shall store a readable copy of the note on the reviewer's device within 30 seconds.",
      line: 17,
    });
  });

  it('reads Spec Kit requirement lists, ignores fenced code, accepts a single covers string', () => {
    const facts = extractSpecFacts(
      '---\ncovers: src/**\n---\n## Functional Requirements\n\n- **FR-001**: System MUST log in.\n- **FR-002** System MUST log out.\n\n```md\n### REQ-NOTREAL: in code\n```\n',
    );
    expect(facts.covers).toEqual(['src/**']);
    expect(facts.requirements.map((r) => [r.id, r.statement])).toEqual([
      ['FR-001', 'System MUST log in.'],
      ['FR-002', 'System MUST log out.'],
    ]);
  });

  it('finds cited IDs and test files', () => {
    expect(citedIds('// REQ-7KQ2M4 and FR-001, not REQ-x nor XFR-001; REQ-7KQ2M4 again')).toEqual([
      'FR-001',
      'REQ-7KQ2M4',
    ]);
    expect(
      ['test/a.ts', 'src/a.test.ts', 'pkg/a_test.go', 'tests/test_a.py', 'src/FooTest.java'].every(
        isTestPath,
      ),
    ).toBe(true);
    expect(['src/a.ts', 'src/testing.ts', 'latest/x.ts'].some(isTestPath)).toBe(false);
  });
});

describe('covers index', () => {
  it('matches globs, exact files and exclusions', () => {
    const index = new CoversIndex([
      ['src/review/**', '!src/review/gen/**'],
      ['src/review/outbox.ts'],
      ['**/*.sql'],
      ['docs/'],
    ]);
    expect(index.specsFor('src/review/outbox.ts')).toEqual([0, 1]);
    expect(index.specsFor('src/review/gen/x.ts')).toEqual([]);
    expect(index.specsFor('db/schema.sql')).toEqual([2]);
    expect(index.specsFor('src/review/q.sql')).toEqual([0, 2]);
    expect(index.specsFor('docs/a/b.md')).toEqual([3]);
    expect(index.specsFor('srcx/review/a.ts')).toEqual([]);
  });
});

describe('history graph', () => {
  it('answers ancestry by a backward scan and refuses a list out of order', () => {
    const commit = (oid: string, parents: string[]) => ({
      oid,
      parents,
      author: 'a',
      time: 0,
      summary: '',
    });
    const graph = new HistoryGraph([
      commit('a', []),
      commit('b', ['a']),
      commit('c', ['a']),
      commit('d', ['b', 'c']),
    ]);
    const ofC = graph.ancestors([2]);
    expect([0, 1, 2].map(ofC)).toEqual([true, false, true]);
    const ofD = graph.ancestors([3]);
    expect([0, 1, 2, 3].map(ofD)).toEqual([true, true, true, true]);
    expect(() => new HistoryGraph([commit('b', ['a']), commit('a', ['b'])])).toThrow(
      /topological order/,
    );
  });
});

describe('baseline file', () => {
  it('round-trips sorted, and rejects a broken file with where and what to do', () => {
    const baseline = acceptInto(
      emptyBaseline(),
      [
        { key: 'z:b', evidence: ['2', '1'] },
        { key: 'a:a', evidence: ['x'] },
      ],
      { at: '2026-01-01T00:00:00.000Z', by: 'Maya <m@x>' },
    );
    const text = serializeBaseline(baseline);
    expect(text.indexOf('key: a:a')).toBeLessThan(text.indexOf('key: z:b'));
    expect(parseBaseline(text).entries.get('z:b')?.evidence).toEqual(['1', '2']);
    expect(() => parseBaseline('version: 2\naccepted: []\n')).toThrow(BaselineError);
    expect(() => parseBaseline('version: 1\naccepted: [\n')).toThrow(/drift-baseline\.yaml:\d+/);
  });

  it('merges two reviewers accepting at once as sets, honouring removals', () => {
    const make = (entries: [string, string[]][]) =>
      serializeBaseline(
        acceptInto(
          emptyBaseline(),
          entries.map(([key, evidence]) => ({ key, evidence })),
          { at: 't' },
        ),
      );
    const base = make([
      ['k1', ['a']],
      ['k2', ['b']],
    ]);
    const ours = make([
      ['k1', ['a', 'c']],
      ['k2', ['b']],
      ['k3', ['x']],
    ]);
    const theirs = make([
      ['k1', ['a', 'd']],
      ['k4', ['y']],
    ]);
    const merged = parseBaseline(mergeBaselineText(base, ours, theirs)!.text);
    expect(
      Object.fromEntries([...merged.entries].map(([k, e]) => [k, [...e.evidence].sort()])),
    ).toEqual({
      k1: ['a', 'c', 'd'],
      k3: ['x'],
      k4: ['y'],
    });
    expect(mergeBaselineText(base, 'version: [', theirs)).toBeNull();
  });
});

describe('requirement changes between two versions', () => {
  it('reports added, removed, modified and moved requirements by ID', () => {
    const before = [
      {
        path: 'a.md',
        text: '### REQ-AAAA01: One\n\nThe system shall one.\n\n### REQ-BBBB02: Two\n\nTwo.\n',
      },
      { path: 'b.md', text: '### REQ-CCCC03: Three\n\nThree.\n' },
    ];
    const after = [
      {
        path: 'a.md',
        text: '### REQ-AAAA01: One\n\nThe system shall one, within 2 s.\n\n### REQ-DDDD04: Four\n\nFour.\n',
      },
      { path: 'c.md', text: '### REQ-CCCC03: Three\n\nThree.\n' },
    ];
    expect(compareRequirements(before, after).map((c) => [c.id, c.change])).toEqual([
      ['REQ-AAAA01', 'modified'],
      ['REQ-BBBB02', 'removed'],
      ['REQ-CCCC03', 'moved'],
      ['REQ-DDDD04', 'added'],
    ]);
  });
});

describe('report formats', () => {
  const report: DriftReport = {
    head: 'f'.repeat(40),
    since: null,
    findings: [
      {
        key: 'code-drift:specs/a.md',
        kind: 'code-drift',
        severity: 'warning',
        state: 'new',
        message: 'specs/a.md drifted',
        spec: 'specs/a.md',
        requirement: null,
        paths: ['src/a.ts'],
        commits: [],
        evidence: ['e'],
        newEvidence: ['e'],
      },
      {
        key: 'untested-requirement:REQ-AAAA01',
        kind: 'untested-requirement',
        severity: 'warning',
        state: 'accepted',
        message: 'REQ-AAAA01 untested',
        spec: 'specs/a.md',
        requirement: 'REQ-AAAA01',
        paths: [],
        commits: [],
        evidence: ['s'],
        newEvidence: [],
      },
    ],
    coverage: [
      { id: 'REQ-AAAA01', spec: 'specs/a.md', title: 'One', code: ['src/a.ts'], tests: [] },
    ],
    stats: {
      specs: 1,
      requirements: 1,
      commitsIndexed: 3,
      newCommitsIndexed: 1,
      indexMs: 1,
      analyzeMs: 1,
    },
    baselineProblem: null,
  };

  it('writes SARIF 2.1.0 with rules, levels, locations, fingerprints and suppressions', () => {
    const sarif = JSON.parse(formatSarif(report, '0.1.0'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('Cairn');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('code-drift');
    expect(run.results[0]).toMatchObject({
      ruleId: 'code-drift',
      level: 'warning',
      baselineState: 'new',
      partialFingerprints: { cairnFindingKey: 'code-drift:specs/a.md' },
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'specs/a.md' } } },
        { physicalLocation: { artifactLocation: { uri: 'src/a.ts' } } },
      ],
    });
    expect(run.results[1]).toMatchObject({
      baselineState: 'unchanged',
      suppressions: [{ kind: 'external' }],
    });
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('code-drift');
  });

  it('writes text with new findings first-class and accepted ones counted', () => {
    const text = formatText(report);
    expect(text).toMatch(/1 new finding, 1 accepted/);
    expect(text).toContain('[code-drift:specs/a.md]');
    expect(text).not.toContain('REQ-AAAA01 untested');
    expect(text).toMatch(/REQ-AAAA01 +1 \/ 0 +no test/);
  });
});
