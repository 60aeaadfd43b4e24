import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ambiguityPass } from '../../../workflows/passes/ambiguity.ts';
import { analyzePass } from '../../../workflows/passes/analyze.ts';
import type { AnalysisFinding } from '../../../workflows/passes/analysis/finding.ts';
import { coveragePass } from '../../../workflows/passes/coverage.ts';
import { lintPass } from '../../../workflows/passes/lint.ts';
import type { RequirementAmbiguity } from '../../../workflows/passes/analysis/ambiguity.ts';
import { SAMPLE } from '../specs/helpers.ts';
import { contextFor, filesOf } from './helpers.ts';

const ITEM_DOCS = { documents: '{item}/**/*.md' };
let sample: Record<string, string>;

beforeAll(async () => {
  sample = await filesOf(SAMPLE);
});

async function analyze(files: Record<string, string>, inputs: unknown[] = [ITEM_DOCS]) {
  const result = await analyzePass.run(
    contextFor(files, { pass: { id: 'analyze', uses: 'analyze', inputs } }),
  );
  return {
    result,
    findings: (result.output as { findings: AnalysisFinding[] }).findings,
  };
}

describe('lint pass', () => {
  it('reports the sample workspace defects and proposes the mechanical fixes per file', async () => {
    const result = await lintPass.run(
      contextFor(sample, { pass: { id: 'lint', uses: 'lint', inputs: [ITEM_DOCS] } }),
    );
    expect(result.metrics).toMatchObject({
      requirements: 5,
      requirementsWithoutScenario: 1,
    });
    expect(result.metrics['lintErrors']).toBeGreaterThanOrEqual(1); // T007 cites REQ-8XXXXX
    const change = result.changes.find((c) => c.path.endsWith('requirements.md'));
    expect(change?.summary).toMatch(/EARS-004/);
    expect(change?.after).toContain('in the order they were\nwritten and shall do it fast.');
    expect(change?.before).toBe(sample['specs/offline-review/requirements.md']);
    expect(new Set(result.changes.map((c) => c.path)).size).toBe(result.changes.length);
  });
});

describe('analyze pass', () => {
  it('finds what a reviewer of the sample would notice, most severe first', async () => {
    const { result, findings } = await analyze(sample);
    const about = (id: string | null, category: string) =>
      findings.filter((f) => f.requirementId === id && f.category === category);
    expect(about('REQ-8XXXXX', 'coverage')[0]).toMatchObject({
      severity: 'CRITICAL',
      path: 'specs/offline-review/tasks.md',
    });
    expect(about('REQ-C4VJ6P', 'underspecification')[0]?.severity).toBe('HIGH');
    expect(about('REQ-2HNB8W', 'ambiguity').map((f) => f.summary)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"fast"'),
        expect.stringContaining('"should"'),
      ]),
    );
    // The PRD's "TBD" in an approved document.
    expect(
      findings.find((f) => f.path.endsWith('prd.md') && f.category === 'ambiguity'),
    ).toMatchObject({
      severity: 'HIGH',
    });
    expect(findings[0]?.severity).toBe('CRITICAL');
    expect(result.metrics).toMatchObject({
      criticalFindings: 1,
      uncoveredRequirements: 0,
      coveragePercent: 100,
      findings: findings.length,
    });
    for (const f of findings) expect(f.id).toMatch(/^(DUP|AMB|UND|COV|INC)-[0-9A-F]{6}$/);
    const report = (result.output as { report: string }).report;
    expect(report).toContain('| ID | Category | Severity | Location | Summary | Recommendation |');
    expect(report).toContain(
      '| REQ-C4VJ6P | specs/offline-review/requirements.md | 0 | T003 | yes |',
    );
  });

  it('keeps finding IDs across runs and across edits elsewhere', async () => {
    const first = (await analyze(sample)).findings;
    const again = (await analyze(sample)).findings;
    expect(again.map((f) => f.id)).toEqual(first.map((f) => f.id));

    // Two lines added at the top of the requirements and a new requirement in between: every
    // finding about REQ-2HNB8W moves down but keeps its ID.
    const path = 'specs/offline-review/requirements.md';
    const edited = {
      ...sample,
      [path]: (sample[path] as string)
        .replace('## Requirements\n', '## Requirements\n\nAn added note.\n')
        .replace(
          '### REQ-2HNB8W',
          '### REQ-3MMM4Q: New one\n\nThe app shall log each sync within 5 seconds.\n\n#### Scenario: s\n\n- WHEN a sync ends\n- THEN it is logged\n\n### REQ-2HNB8W',
        ),
    };
    const later = (await analyze(edited)).findings;
    const before = first.filter((f) => f.requirementId === 'REQ-2HNB8W');
    const after = later.filter((f) => f.requirementId === 'REQ-2HNB8W');
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((f) => f.id).sort()).toEqual(before.map((f) => f.id).sort());
    expect(after[0]?.range.start.line).toBeGreaterThan(before[0]?.range.start.line as number);
    // The new requirement has no task: a new finding, the others unchanged.
    expect(later.find((f) => f.requirementId === 'REQ-3MMM4Q')?.category).toBe('coverage');
  });

  it('reports near-duplicate requirements with the same ID whichever comes first', async () => {
    const doc = (a: string, b: string) => ({
      'specs/x/requirements.md': `---\nid: SPEC-x\ntitle: X\ntype: requirements\n---\n\n# X\n\n## Requirements\n\n${a}\n${b}`,
    });
    const one =
      '### REQ-AAAAAA: Save drafts\n\nWhen the user types, the app shall save the draft to local storage within 2 seconds.\n\n#### Scenario: s\n\n- WHEN typing\n- THEN saved\n';
    const two =
      '### REQ-BBBBBB: Keep drafts\n\nWhen the user types, the app shall save the draft into local storage within 2 seconds.\n\n#### Scenario: s\n\n- WHEN typing\n- THEN saved\n';
    const dups = async (files: Record<string, string>) =>
      (await analyze(files, [])).findings.filter((f) => f.category === 'duplication');
    const ab = await dups(doc(one, two));
    const ba = await dups(doc(two, one));
    expect(ab).toHaveLength(1);
    expect(ab[0]).toMatchObject({ severity: 'HIGH' });
    expect(ab[0]?.summary).toMatch(/REQ-AAAAAA and REQ-BBBBBB|REQ-BBBBBB and REQ-AAAAAA/);
    expect(ba.map((f) => f.id)).toEqual(ab.map((f) => f.id));
  });

  it('reads Spec Kit, OpenSpec and Kiro layouts', async () => {
    const fixtures = path.join(SAMPLE, '../../test/fixtures');
    const speckit = (await analyze(await filesOf(path.join(fixtures, 'speckit')), [])).findings;
    expect(speckit.filter((f) => f.severity === 'CRITICAL').map((f) => f.requirementId)).toEqual(
      expect.arrayContaining(['US3', 'FR-009']),
    );
    expect(
      speckit.find(
        (f) =>
          f.requirementId === 'FR-002' &&
          f.path.includes('001-photo-albums') &&
          f.category === 'coverage',
      )?.severity,
    ).toBe('HIGH');
    expect(
      speckit.filter(
        (f) => f.path.includes('002-album-sharing') && f.summary.includes('NEEDS CLARIFICATION'),
      ),
    ).not.toHaveLength(0);

    const openspec = await analyze(await filesOf(path.join(fixtures, 'openspec')), []);
    expect(openspec.findings.find((f) => f.category === 'inconsistency')).toMatchObject({
      severity: 'CRITICAL',
      requirementId: 'Create notes',
    });
    // OpenSpec tasks do not cite requirements: nothing to count, nothing reported uncovered.
    expect(openspec.findings.some((f) => f.id.startsWith('COV'))).toBe(false);

    const kiro = await analyze(await filesOf(path.join(fixtures, 'kiro')), []);
    expect(kiro.findings.find((f) => f.requirementId === '4.2')?.severity).toBe('CRITICAL');
    expect(kiro.result.metrics['uncoveredRequirements']).toBeGreaterThan(0);
  });
});

describe('ambiguity and coverage passes', () => {
  it('lists ambiguous words per requirement with the range to underline', async () => {
    const result = await ambiguityPass.run(
      contextFor(sample, { pass: { id: 'ambiguity', uses: 'ambiguity', inputs: [ITEM_DOCS] } }),
    );
    const requirements = (result.output as { requirements: RequirementAmbiguity[] }).requirements;
    expect(requirements.map((r) => r.requirementId)).toEqual(['REQ-2HNB8W']);
    const issues = requirements[0]?.issues ?? [];
    expect(issues.map((i) => [i.kind, i.text])).toEqual(
      expect.arrayContaining([
        ['weak-modal', 'should'],
        ['unmeasured', 'fast'],
      ]),
    );
    const fast = issues.find((i) => i.text === 'fast');
    const line = (sample['specs/offline-review/requirements.md'] as string).split('\n')[
      (fast?.range.start.line as number) - 1
    ];
    expect(
      line?.slice((fast?.range.start.column as number) - 1, (fast?.range.end.column as number) - 1),
    ).toBe('fast');
    expect(result.metrics['ambiguousRequirements']).toBe(1);
  });

  it('counts uncovered requirements', async () => {
    const path = 'specs/offline-review/tasks.md';
    const files = { ...sample, [path]: (sample[path] as string).replace(' (REQ-C4VJ6P)', '') };
    const result = await coveragePass.run(
      contextFor(files, { pass: { id: 'coverage', uses: 'coverage', inputs: [ITEM_DOCS] } }),
    );
    expect(result.metrics).toEqual({ uncoveredRequirements: 1, coveragePercent: 80 });
    expect((result.output as { markdown: string }).markdown).toContain(
      '| REQ-C4VJ6P | specs/offline-review/requirements.md | 0 | — | no |',
    );
  });
});
