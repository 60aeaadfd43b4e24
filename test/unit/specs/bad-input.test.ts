// Bad input gives a specific finding (file, line, what to do), never a throw or a hang.
import { describe, expect, it } from 'vitest';
import { findingsOf, lint, requirementsDoc, workspaceOf } from './helpers.ts';

const REQS = 'specs/x/requirements.md';
const GOOD = `### REQ-7KQ2M4: A\n\nThe app shall a.\n\n#### Scenario: S\n\n- WHEN x\n- THEN y\n`;

describe('bad input', () => {
  it('broken frontmatter: SPEC-008 with the file and the line, and the body is still read', () => {
    const text = `---\nid: X\ntitle: X\ntype: requirements\nowners: [a, b\n---\n\n# X\n\n${GOOD}`;
    const findings = lint({ [REQS]: text });
    const [finding] = findings.filter((f) => f.ruleId === 'SPEC-008');
    expect(finding?.path).toBe(REQS);
    expect(finding?.range.start.line).toBeGreaterThanOrEqual(5);
    expect(finding?.message).toMatch(/not valid YAML/);
    expect(workspaceOf({ [REQS]: text }).documents[0]?.requirements.map((r) => r.id)).toEqual([
      'REQ-7KQ2M4',
    ]);
  });

  it('duplicate frontmatter keys: SPEC-008 at the second key', () => {
    const findings = lint({
      [REQS]: '---\nid: X\ntitle: X\ntitle: Y\ntype: requirements\n---\n# X\n',
    });
    expect(findingsOf(findings, 'SPEC-008')).toEqual([`${REQS}:4:1-4:6 error`]);
  });

  it('unclosed frontmatter: SPEC-008 on line 1', () => {
    expect(findingsOf(lint({ [REQS]: '---\nid: X\n# X\n' }), 'SPEC-008')).toEqual([
      `${REQS}:1:1-1:4 error`,
    ]);
  });

  it('BOM and CRLF: same model and the same positions as plain LF', () => {
    const plain = requirementsDoc(GOOD);
    const windows = '\uFEFF' + plain.replace(/\n/g, '\r\n');
    const a = workspaceOf({ [REQS]: plain }).documents[0];
    const b = workspaceOf({ [REQS]: windows }).documents[0];
    expect(b?.frontmatter?.data).toEqual(a?.frontmatter?.data);
    expect(b?.requirements).toEqual(a?.requirements);
    expect(lint({ [REQS]: windows })).toEqual(lint({ [REQS]: plain }));
  });

  it('empty file and whitespace-only file: no crash, nothing found but the missing frontmatter', () => {
    for (const text of ['', '\n\n  \n']) {
      const findings = lint({ 'specs/x/tasks.md': text });
      expect(findings.map((f) => f.ruleId)).toEqual(['SPEC-009']);
    }
  });

  it('requirement heading with no body: SPEC-010 names it', () => {
    const findings = lint({ [REQS]: requirementsDoc('### REQ-7KQ2M4: Nothing under me\n') });
    expect(findingsOf(findings, 'SPEC-010')).toEqual([`${REQS}:11:1-11:33 error`]);
    expect(findings.find((f) => f.ruleId === 'SPEC-010')?.message).toMatch(
      /REQ-7KQ2M4 has a heading but no statement/,
    );
  });

  it('deeply nested lists within the limit are read; past it, SPEC-019 says where', () => {
    const nested = (depth: number) =>
      Array.from(
        { length: depth },
        (_, i) => `${' '.repeat(2 * i)}- [ ] T${i + 1} level ${i}`,
      ).join('\n');
    const within = workspaceOf({ 'specs/x/tasks.md': `---\ntype: tasks\n---\n${nested(60)}\n` });
    expect(within.documents[0]?.tasks).toHaveLength(60);
    const findings = lint({ 'specs/x/tasks.md': `---\ntype: tasks\n---\n${nested(300)}\n` });
    expect(findingsOf(findings, 'SPEC-019')).toEqual(['specs/x/tasks.md:205:1-205:423 error']);
  });

  it('10,000 nested block quotes: SPEC-019, not a stack overflow', () => {
    const findings = lint({ [REQS]: `${requirementsDoc(GOOD)}\n${'>'.repeat(10_000)} deep\n` });
    expect(findingsOf(findings, 'SPEC-019')).toEqual([`${REQS}:20:1-20:10006 error`]);
  });

  it('a line of 50,000 brackets: SPEC-019, not minutes of parsing', () => {
    const findings = lint({ [REQS]: `---\ntype: requirements\n---\n${'['.repeat(50_000)}\n` });
    expect(findingsOf(findings, 'SPEC-019')).toEqual([`${REQS}:4:1-4:50001 error`]);
  });

  it('a large document (2,000 requirements in one file) is read completely', () => {
    const body = Array.from({ length: 2000 }, (_, i) =>
      GOOD.replace('REQ-7KQ2M4', `REQ-${i.toString(32).toUpperCase().padStart(6, '0')}`),
    ).join('\n');
    const doc = workspaceOf({ [REQS]: requirementsDoc(body) }).documents[0];
    expect(doc?.requirements).toHaveLength(2000);
    expect(doc?.requirements.every((r) => r.scenarios.length === 1)).toBe(true);
  }, 120_000);
});
