import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../workflows/lint/apply-fixes.ts';
import { findingsOf, lint, requirementsDoc } from './helpers.ts';

/** A requirement whose statement is on line 13, column 1, with a complete scenario. */
function requirement(statement: string): Record<string, string> {
  return {
    'specs/x/requirements.md': requirementsDoc(
      `### REQ-7KQ2M4: T\n\n${statement}\n\n#### Scenario: S\n\n- WHEN x\n- THEN y\n`,
    ),
  };
}

const FILE = 'specs/x/requirements.md';

describe('EARS rules', () => {
  it('EARS-001 no-shall: the whole statement', () => {
    expect(findingsOf(lint(requirement('Users can export notes.')), 'EARS-001')).toEqual([
      `${FILE}:13:1-13:24 error`,
    ]);
    expect(findingsOf(lint(requirement('The app shall export notes.')), 'EARS-001')).toEqual([]);
    expect(findingsOf(lint(requirement('The app MUST export notes.')), 'EARS-001')).toEqual([]);
  });

  it('EARS-002 multiple-shall: the second shall', () => {
    expect(findingsOf(lint(requirement('The app shall save and shall sync.')), 'EARS-002')).toEqual(
      [`${FILE}:13:24-13:29 warning`],
    );
  });

  it('EARS-003 vague-word: each vague word', () => {
    const findings = lint(requirement('The app shall fail gracefully and be user-friendly.'));
    expect(findingsOf(findings, 'EARS-003')).toEqual([
      `${FILE}:13:20-13:30 warning`,
      `${FILE}:13:38-13:51 warning`,
    ]);
  });

  it('EARS-004 weak-modal: should gets a fix to shall that applies cleanly', () => {
    const files = requirement('The app should save the note within 2 seconds.');
    const findings = lint(files);
    expect(findingsOf(findings, 'EARS-004')).toEqual([`${FILE}:13:9-13:15 warning`]);
    const fix = findings.find((f) => f.ruleId === 'EARS-004')?.fix;
    expect(fix?.edits).toHaveLength(1);
    const fixed = applyEdits(files[FILE] as string, fix?.edits ?? []).text;
    expect(fixed).toContain('The app shall save the note within 2 seconds.');
    // "may" is reported, but changing it to "shall" would change its meaning: no fix.
    const may = lint(requirement('The app may cache notes for 2 days.')).find(
      (f) => f.ruleId === 'EARS-004',
    );
    expect(may?.fix).toBeUndefined();
    expect(
      findingsOf(lint(requirement('The app may cache notes for 2 days.')), 'EARS-001'),
    ).toEqual([]);
  });

  it('EARS-005 and-or', () => {
    expect(
      findingsOf(lint(requirement('The app shall export PDF and/or HTML files.')), 'EARS-005'),
    ).toEqual([`${FILE}:13:26-13:32 warning`]);
  });

  it('EARS-006 unmeasured: only when no number bounds the statement', () => {
    expect(findingsOf(lint(requirement('The app shall load notes fast.')), 'EARS-006')).toEqual([
      `${FILE}:13:26-13:30 warning`,
    ]);
    expect(
      findingsOf(lint(requirement('The app shall load notes fast, within 2 seconds.')), 'EARS-006'),
    ).toEqual([]);
  });

  it('EARS-007 passive-no-actor', () => {
    expect(findingsOf(lint(requirement('The note shall be saved.')), 'EARS-007')).toEqual([
      `${FILE}:13:10-13:24 info`,
    ]);
    expect(
      findingsOf(lint(requirement('The note shall be saved by the app.')), 'EARS-007'),
    ).toEqual([]);
  });

  it('EARS-008 clause-order: trailing trigger and While after When', () => {
    expect(
      findingsOf(
        lint(requirement('The app shall delete notes when the user signs out.')),
        'EARS-008',
      ),
    ).toEqual([`${FILE}:13:28-13:32 info`]);
    expect(
      findingsOf(
        lint(requirement('When the user posts, while offline, the app shall queue it.')),
        'EARS-008',
      ),
    ).toEqual([`${FILE}:13:22-13:27 info`]);
  });

  it('EARS-009 if-without-then: inserts "then" before the system', () => {
    const files = requirement('If the upload fails, the app shall retry.');
    const finding = lint(files).find((f) => f.ruleId === 'EARS-009');
    expect(finding?.range).toEqual({
      start: { line: 13, column: 1 },
      end: { line: 13, column: 3 },
    });
    const fixed = applyEdits(files[FILE] as string, finding?.fix?.edits ?? []).text;
    expect(fixed).toContain('If the upload fails, then the app shall retry.');
    expect(
      findingsOf(lint(requirement('If the upload fails, then the app shall retry.')), 'EARS-009'),
    ).toEqual([]);
  });

  it('EARS-010 no-subject', () => {
    expect(
      findingsOf(lint(requirement('When a note is shared, shall cache it.')), 'EARS-010'),
    ).toEqual([`${FILE}:13:24-13:29 warning`]);
  });

  it('maps words of a statement that wraps onto its second line', () => {
    const findings = lint(
      requirement(
        'When the device reconnects, the app shall send queued comments in the order they\nwere written and should do it fast.',
      ),
    );
    expect(findingsOf(findings, 'EARS-004')).toEqual([`${FILE}:14:18-14:24 warning`]);
    expect(findingsOf(findings, 'EARS-006')).toEqual([`${FILE}:14:31-14:35 warning`]);
  });

  it('leaves user stories alone: they are not EARS', () => {
    const files = {
      'specs/001-x/spec.md':
        '# Feature Specification: X\n\n## User Scenarios & Testing\n\n### User Story 1 - Browse (Priority: P1)\n\nA user browses notes quickly.\n\n**Acceptance Scenarios**:\n\n1. **Given** notes, **When** the user opens the list, **Then** notes show\n',
    };
    expect(lint(files).filter((f) => f.ruleId.startsWith('EARS'))).toEqual([]);
  });
});
