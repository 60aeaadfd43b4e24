import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../workflows/lint/apply-fixes.ts';
import { REQUIREMENT_ID } from '../../../workflows/specs/ids.ts';
import { findingsOf, lint, requirementsDoc } from './helpers.ts';

const REQS = 'specs/x/requirements.md';
const TASKS = 'specs/x/tasks.md';
const SCENARIO = '#### Scenario: S\n\n- WHEN x\n- THEN y\n';

function tasksDoc(body: string): string {
  return `---\nid: TASKS-x\ntitle: Tasks\ntype: tasks\n---\n\n# Tasks\n\n${body}`;
}

describe('SPEC rules', () => {
  it('SPEC-001 open-marker: TBD, TODO, ???, [NEEDS CLARIFICATION], not in code', () => {
    const files = {
      [REQS]: requirementsDoc(
        'Open: TBD and TODO.\n\nIs it ???\n\n```\nTBD in code is fine\n```\n\nA `TODO` in inline code is fine.\n',
      ),
    };
    expect(findingsOf(lint(files), 'SPEC-001')).toEqual([
      `${REQS}:11:7-11:10 warning`,
      `${REQS}:11:15-11:19 warning`,
      `${REQS}:13:7-13:10 warning`,
    ]);
  });

  it('SPEC-002 no-scenario and SPEC-010 empty-requirement', () => {
    const files = {
      [REQS]: requirementsDoc(
        '### REQ-7KQ2M4: Empty\n\n### REQ-9F3TXA: Stated\n\nThe app shall work.\n',
      ),
    };
    const findings = lint(files);
    expect(findingsOf(findings, 'SPEC-010')).toEqual([`${REQS}:11:1-11:22 error`]);
    expect(findingsOf(findings, 'SPEC-002')).toEqual([
      `${REQS}:11:1-11:22 warning`,
      `${REQS}:13:1-13:23 warning`,
    ]);
  });

  it('SPEC-003 duplicate-id across documents, with a repeatable renumbering fix', () => {
    const body = `### REQ-7KQ2M4: A\n\nThe app shall a.\n\n${SCENARIO}`;
    const files = {
      'specs/a/requirements.md': requirementsDoc(body),
      'specs/b/requirements.md': requirementsDoc(body),
    };
    const findings = lint(files);
    expect(findingsOf(findings, 'SPEC-003')).toEqual(['specs/b/requirements.md:11:5-11:15 error']);
    const fix = findings.find((f) => f.ruleId === 'SPEC-003')?.fix;
    const newId = fix?.edits[0]?.newText ?? '';
    expect(newId).toMatch(REQUIREMENT_ID);
    expect(newId).not.toBe('REQ-7KQ2M4');
    expect(lint(files).find((f) => f.ruleId === 'SPEC-003')?.fix?.edits[0]?.newText).toBe(newId);
  });

  it('SPEC-004 malformed-id, fixed when the intent is clear', () => {
    const files = {
      [REQS]: requirementsDoc(
        `### REQ-7kq2m4: Lower\n\nThe app shall a.\n\n${SCENARIO}\n### REQ-12: Short\n\nThe app shall b.\n\n${SCENARIO}`,
      ),
    };
    const findings = lint(files);
    expect(findingsOf(findings, 'SPEC-004')).toEqual([
      `${REQS}:11:5-11:15 warning`,
      `${REQS}:20:5-20:11 warning`,
    ]);
    const fixes = findings
      .filter((f) => f.ruleId === 'SPEC-004')
      .map((f) => f.fix?.edits[0]?.newText);
    expect(fixes).toEqual(['REQ-7KQ2M4', undefined]);
  });

  it('SPEC-005 broken-link: Markdown and frontmatter links, external links ignored', () => {
    const doc = `---\nid: D\ntitle: D\ntype: design\nlinks:\n  - requirements.md\n  - missing.md\n---\n\n# D\n\nSee [the PRD](prd.md), [up](../../README.md), [out](../../../x.md) and [web](https://example.com).\n`;
    const findings = lint(
      { 'specs/x/design.md': doc, 'specs/x/requirements.md': requirementsDoc('') },
      { extraPaths: ['README.md'] },
    );
    expect(findingsOf(findings, 'SPEC-005')).toEqual([
      'specs/x/design.md:7:5-7:15 warning',
      'specs/x/design.md:12:5-12:22 warning',
      'specs/x/design.md:12:47-12:67 warning',
    ]);
  });

  it('SPEC-006 unknown-requirement cited by a task; SPEC-007 unknown mention in prose', () => {
    const files = {
      [REQS]: requirementsDoc(
        `### REQ-7KQ2M4: A\n\nThe app shall a.\n\n${SCENARIO}\nSee REQ-ZZZZZZ.\n`,
      ),
      [TASKS]: tasksDoc('- [ ] T001 Do it (REQ-7KQ2M4, REQ-8XXXXX)\n'),
    };
    const findings = lint(files);
    expect(findingsOf(findings, 'SPEC-006')).toEqual([`${TASKS}:9:31-9:41 error`]);
    expect(findingsOf(findings, 'SPEC-007')).toEqual([`${REQS}:20:5-20:15 warning`]);
  });

  it('SPEC-008 frontmatter-invalid: the YAML error with its line', () => {
    const findings = lint({
      [REQS]: '---\nid: X\ntitle: [unclosed\ntype: requirements\n---\n\n# X\n',
    });
    const [finding] = findings.filter((f) => f.ruleId === 'SPEC-008');
    expect(finding?.range.start.line).toBeGreaterThanOrEqual(3);
    expect(finding?.message).toMatch(/not valid YAML/);
  });

  it('SPEC-009 frontmatter-fields: wrong type and status, missing id', () => {
    const findings = lint({
      [REQS]: '---\ntitle: X\ntype: spec\nstatus: maybe\nowners: maya\n---\n\n# X\n',
    });
    expect(findingsOf(findings, 'SPEC-009')).toEqual([
      `${REQS}:1:1-6:4 warning`,
      `${REQS}:3:7-3:11 warning`,
      `${REQS}:4:9-4:14 warning`,
      `${REQS}:5:9-5:13 warning`,
    ]);
    expect(findingsOf(lint({ [TASKS]: '# Tasks\n\n- [ ] T001 x\n' }), 'SPEC-009')).toEqual([
      `${TASKS}:1:1-1:1 warning`,
    ]);
  });

  it('SPEC-011 incomplete-scenario and SPEC-012 scenario-heading-level (with fix)', () => {
    const files = {
      [REQS]: requirementsDoc(
        '### REQ-7KQ2M4: A\n\nThe app shall a.\n\n##### Scenario: Deep\n\n- WHEN x\n',
      ),
    };
    const findings = lint(files);
    expect(findingsOf(findings, 'SPEC-011')).toEqual([`${REQS}:15:1-17:9 warning`]);
    expect(findingsOf(findings, 'SPEC-012')).toEqual([`${REQS}:15:1-15:6 warning`]);
    const fixed = applyEdits(
      files[REQS],
      findings.find((f) => f.ruleId === 'SPEC-012')?.fix?.edits ?? [],
    ).text;
    expect(fixed).toContain('\n#### Scenario: Deep\n');
  });

  it('SPEC-013 duplicate-task-id', () => {
    expect(
      findingsOf(
        lint({ [TASKS]: tasksDoc('- [ ] T001 a\n- [ ] T002 b\n- [x] T001 c\n') }),
        'SPEC-013',
      ),
    ).toEqual([`${TASKS}:11:7-11:11 warning`]);
  });

  it('SPEC-014 covers-nothing and covers outside the workspace', () => {
    const doc =
      '---\nid: D\ntitle: D\ntype: design\ncovers:\n  - src/**\n  - lib/**\n  - ../x/**\n---\n\n# D\n';
    expect(
      findingsOf(lint({ 'specs/x/design.md': doc }, { extraPaths: ['src/a.ts'] }), 'SPEC-014'),
    ).toEqual(['specs/x/design.md:7:5-7:11 warning', 'specs/x/design.md:8:5-8:12 warning']);
  });

  it('SPEC-016 duplicate-document-id', () => {
    const doc = '---\nid: SPEC-same\ntitle: X\ntype: prd\n---\n\n# X\n';
    expect(findingsOf(lint({ 'specs/a/prd.md': doc, 'specs/b/prd.md': doc }), 'SPEC-016')).toEqual([
      'specs/b/prd.md:2:5-2:14 error',
    ]);
  });
});
