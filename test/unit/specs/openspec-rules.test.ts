import { describe, expect, it } from 'vitest';
import { findingsOf, lint } from './helpers.ts';

const SPEC = 'openspec/specs/auth/spec.md';
const DELTA = 'openspec/changes/c1/specs/auth/spec.md';
const PURPOSE = 'Authentication of users: how they sign in, stay signed in and sign out.';
const SCENARIO = '#### Scenario: S\n- **WHEN** x\n- **THEN** y\n';

function spec(requirements: string, purpose = PURPOSE): string {
  return `# auth Specification\n\n## Purpose\n${purpose}\n\n## Requirements\n${requirements}`;
}
const only = { only: ['OSPEC'] };

describe('OpenSpec parity rules, main specs', () => {
  it('a well-formed spec has no findings', () => {
    expect(
      lint(
        { [SPEC]: spec(`### Requirement: Login\nThe system SHALL log users in.\n\n${SCENARIO}`) },
        only,
      ),
    ).toEqual([]);
  });

  it('OSPEC-001 missing purpose stops the other checks, as openspec does', () => {
    const findings = lint(
      { [SPEC]: '# auth\n\n## Requirements\n### Requirement: A\nno keyword\n' },
      only,
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['OSPEC-001']);
  });

  it('OSPEC-002 missing requirements section', () => {
    expect(
      findingsOf(lint({ [SPEC]: `# auth\n\n## Purpose\n${PURPOSE}\n` }, only), 'OSPEC-002'),
    ).toEqual([`${SPEC}:1:1-1:1 error`]);
  });

  it('OSPEC-003 no requirement in the section', () => {
    expect(findingsOf(lint({ [SPEC]: spec('Nothing yet.\n') }, only), 'OSPEC-003')).toEqual([
      `${SPEC}:6:1-6:16 error`,
    ]);
  });

  it('OSPEC-004 brief purpose, OSPEC-005 placeholder purpose (not both)', () => {
    const brief = lint(
      { [SPEC]: spec(`### Requirement: A\nThe system SHALL a.\n\n${SCENARIO}`, 'Auth.') },
      only,
    );
    expect(findingsOf(brief, 'OSPEC-004')).toEqual([`${SPEC}:3:1-3:11 warning`]);
    const placeholder = lint(
      {
        [SPEC]: spec(
          `### Requirement: A\nThe system SHALL a.\n\n${SCENARIO}`,
          'TBD - created by archiving change x. Update Purpose after archive.',
        ),
      },
      only,
    );
    expect(findingsOf(placeholder, 'OSPEC-005')).toEqual([`${SPEC}:3:1-3:11 warning`]);
    expect(findingsOf(placeholder, 'OSPEC-004')).toEqual([]);
    // Spanish prose that starts with "Todo" is not a TODO marker.
    const spanish = lint(
      {
        [SPEC]: spec(
          `### Requirement: A\nThe system SHALL a.\n\n${SCENARIO}`,
          'Todo el acceso de los usuarios pasa por esta capacidad de autenticación.',
        ),
      },
      only,
    );
    expect(findingsOf(spanish, 'OSPEC-005')).toEqual([]);
  });

  it('OSPEC-006 requirement text over 500 characters', () => {
    const long = `The system SHALL ${'do a thing '.repeat(50)}.`;
    expect(
      findingsOf(
        lint({ [SPEC]: spec(`### Requirement: Long\n${long}\n\n${SCENARIO}`) }, only),
        'OSPEC-006',
      ),
    ).toEqual([`${SPEC}:7:1-7:22 info`]);
  });

  it('OSPEC-007 no scenario (a bare scenario heading does not count)', () => {
    const findings = lint(
      { [SPEC]: spec('### Requirement: A\nThe system SHALL a.\n\n#### Scenario: Bare\n') },
      only,
    );
    expect(findingsOf(findings, 'OSPEC-007')).toEqual([`${SPEC}:7:1-7:19 error`]);
    expect(findings.find((f) => f.ruleId === 'OSPEC-007')?.message).toMatch(/does not count/);
  });

  it('OSPEC-008 body without upper-case SHALL/MUST; OSPEC-009 empty body', () => {
    const findings = lint(
      {
        [SPEC]: spec(
          `### Requirement: A\nThe system shall a.\n\n${SCENARIO}\n### Requirement: B\n\n${SCENARIO}`,
        ),
      },
      only,
    );
    expect(findingsOf(findings, 'OSPEC-008')).toEqual([`${SPEC}:7:1-7:19 warning`]);
    expect(findingsOf(findings, 'OSPEC-009')).toEqual([`${SPEC}:14:1-14:19 error`]);
  });

  it('OSPEC-010 duplicate names, OSPEC-011 misplaced, OSPEC-012 delta header in a main spec', () => {
    const text = `# auth\n\n## Purpose\n${PURPOSE}\n\n### Requirement: Early\nThe system SHALL e.\n\n${SCENARIO}\n## Requirements\n### Requirement: A\nThe system SHALL a.\n\n${SCENARIO}\n### Requirement: A\nThe system SHALL a again.\n\n${SCENARIO}\n## ADDED Requirements\n`;
    const findings = lint({ [SPEC]: text }, only);
    expect(findingsOf(findings, 'OSPEC-010')).toEqual([`${SPEC}:21:1-21:19 error`]);
    expect(findingsOf(findings, 'OSPEC-011')).toEqual([`${SPEC}:6:1-6:23 error`]);
    expect(findingsOf(findings, 'OSPEC-012')).toEqual([`${SPEC}:28:1-28:22 error`]);
  });
});

describe('OpenSpec parity rules, change deltas', () => {
  const main = spec(
    `### Requirement: Login\nThe system SHALL log users in.\n\n#### Scenario: One\n- **WHEN** a\n- **THEN** b\n\n#### Scenario: Two\n- **WHEN** c\n- **THEN** d\n`,
  );

  it('OSPEC-007 ADDED without scenario; OSPEC-018 MODIFIED dropping a scenario', () => {
    const delta = `## ADDED Requirements\n### Requirement: New\nThe system SHALL n.\n\n## MODIFIED Requirements\n### Requirement: Login\nThe system SHALL log users in with a code.\n\n#### Scenario: One\n- **WHEN** a\n- **THEN** b\n`;
    const findings = lint({ [SPEC]: main, [DELTA]: delta }, only);
    expect(findingsOf(findings, 'OSPEC-007')).toEqual([`${DELTA}:2:1-2:21 error`]);
    expect(findingsOf(findings, 'OSPEC-018')).toEqual([`${DELTA}:6:1-6:23 error`]);
    expect(findings.find((f) => f.ruleId === 'OSPEC-018')?.message).toContain('"Two"');
  });

  it('OSPEC-013 conflicts between sections and renames', () => {
    const delta = `## ADDED Requirements\n### Requirement: B\nThe system SHALL b.\n\n${SCENARIO}\n## MODIFIED Requirements\n### Requirement: Login\nThe system SHALL l.\n\n#### Scenario: One\n- **WHEN** a\n- **THEN** b\n\n#### Scenario: Two\n- **WHEN** c\n- **THEN** d\n\n## REMOVED Requirements\n### Requirement: Login\n\n## RENAMED Requirements\n- FROM: \`### Requirement: Old\`\n- TO: \`### Requirement: B\`\n`;
    const messages = lint({ [SPEC]: main, [DELTA]: delta }, only)
      .filter((f) => f.ruleId === 'OSPEC-013')
      .map((f) => f.message);
    expect(messages).toEqual([
      '"Login" is both MODIFIED and REMOVED; keep one.',
      'RENAMED to "B", which ADDED also declares; pick another name.',
    ]);
  });

  it('OSPEC-014 unpaired rename lines, OSPEC-010 duplicate REMOVED', () => {
    const delta =
      '## RENAMED Requirements\n- TO: `### Requirement: X`\n- FROM: `### Requirement: Y`\n\n## REMOVED Requirements\n- `### Requirement: Z`\n- `### Requirement: Z`\n';
    const findings = lint({ [DELTA]: delta }, only);
    expect(findingsOf(findings, 'OSPEC-014')).toEqual([
      `${DELTA}:2:3-2:26 error`,
      `${DELTA}:3:3-3:28 error`,
    ]);
    expect(findingsOf(findings, 'OSPEC-010')).toEqual([`${DELTA}:7:1-7:23 error`]);
  });

  it('OSPEC-015 orphan requirement, OSPEC-016 stray heading, OSPEC-017 no deltas', () => {
    const orphan = '# Notes\n\n### Requirement: Pinned\nThe system SHALL pin.\n';
    const stray = `## ADDED Requirements\n### Pinning\n### Requirement: Pin\nThe system SHALL pin.\n\n${SCENARIO}`;
    const findings = lint(
      {
        'openspec/changes/c2/specs/notes/spec.md': orphan,
        'openspec/changes/c3/specs/notes/spec.md': stray,
        'openspec/changes/c4/proposal.md': '## Why\nBecause.\n',
      },
      only,
    );
    expect(findingsOf(findings, 'OSPEC-015')).toEqual([
      'openspec/changes/c2/specs/notes/spec.md:3:1-3:24 warning',
    ]);
    expect(findingsOf(findings, 'OSPEC-016')).toEqual([
      'openspec/changes/c3/specs/notes/spec.md:2:1-2:12 info',
    ]);
    expect(findingsOf(findings, 'OSPEC-017')).toEqual([
      'openspec/changes/c2/specs/notes/spec.md:1:1-1:1 error',
      'openspec/changes/c2/specs/notes/spec.md:1:1-1:1 error',
      'openspec/changes/c4/proposal.md:1:1-1:1 error',
    ]);
  });

  it('OSPEC-019 REMOVED without reason or migration (a Cairn addition, not parity)', () => {
    const delta = '## REMOVED Requirements\n### Requirement: Old\n**Reason**: replaced.\n';
    const findings = lint({ [DELTA]: delta }, only);
    expect(findingsOf(findings, 'OSPEC-019')).toEqual([`${DELTA}:2:1-2:21 info`]);
    expect(findings.find((f) => f.ruleId === 'OSPEC-019')?.message).toContain('**Migration**:');
  });

  it('OSPEC-020 task numbering in a change', () => {
    const tasks = '## 1. Build\n- [ ] 1.1 a\n- [ ] 2.1 b\n\n## 2. Docs\n- [ ] 2.1 c\n';
    expect(findingsOf(lint({ 'openspec/changes/c1/tasks.md': tasks }, only), 'OSPEC-020')).toEqual([
      'openspec/changes/c1/tasks.md:3:7-3:10 warning',
      'openspec/changes/c1/tasks.md:6:7-6:10 warning',
    ]);
  });
});
