import { describe, expect, it } from 'vitest';
import { parseWorkspaceConfig } from '../../../workflows/specs/workspace-config.ts';
import { findingsOf, lint, requirementsDoc } from './helpers.ts';

const REQS = 'specs/x/requirements.md';
const VAGUE = {
  [REQS]: requirementsDoc(
    '### REQ-7KQ2M4: A\n\nThe app shall fail gracefully.\n\n#### Scenario: S\n\n- WHEN x\n- THEN y\n',
  ),
};

describe('.cairn/config.yaml', () => {
  it('reads roots and rule levels', () => {
    const { config, diagnostics } = parseWorkspaceConfig(
      'version: 1\nspecs:\n  roots: [specs/, ./docs]\nlint:\n  rules:\n    EARS-003: off\n    SPEC-002: error\nrouting:\n  default: local\n',
    );
    expect(diagnostics).toEqual([]);
    expect(config.roots).toEqual(['specs', 'docs']);
    expect(config.rules).toEqual({ 'EARS-003': 'off', 'SPEC-002': 'error' });
    expect(config.ruleRanges['SPEC-002']?.start.line).toBe(7);
  });

  it('turns a rule off, or changes its severity', () => {
    expect(findingsOf(lint(VAGUE), 'EARS-003')).toHaveLength(1);
    expect(
      findingsOf(
        lint({ ...VAGUE, '.cairn/config.yaml': 'lint:\n  rules:\n    EARS-003: off\n' }),
        'EARS-003',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        lint({ ...VAGUE, '.cairn/config.yaml': 'lint:\n  rules:\n    EARS-003: error\n' }),
        'EARS-003',
      ),
    ).toEqual([`${REQS}:13:20-13:30 error`]);
  });

  it('reports an invalid level at its line and keeps the valid settings', () => {
    const files = {
      ...VAGUE,
      '.cairn/config.yaml': 'lint:\n  rules:\n    EARS-003: off\n    EARS-004: loud\n',
    };
    const findings = lint(files);
    expect(findingsOf(findings, 'CONFIG-001')).toEqual(['.cairn/config.yaml:4:15-4:19 error']);
    expect(findings.find((f) => f.ruleId === 'CONFIG-001')?.message).toContain(
      'must be one of off, error, warning, info',
    );
    expect(findingsOf(findings, 'EARS-003')).toEqual([]);
  });

  it('reports an unknown rule ID at its key', () => {
    const findings = lint({
      ...VAGUE,
      '.cairn/config.yaml': 'lint:\n  rules:\n    EARS-999: off\n',
    });
    expect(findingsOf(findings, 'CONFIG-001')).toEqual(['.cairn/config.yaml:3:5-3:13 error']);
    expect(findings.find((f) => f.ruleId === 'CONFIG-001')?.message).toContain(
      '"EARS-999", which is not a rule',
    );
  });

  it('reports unknown keys under lint, broken YAML and duplicate keys with their lines', () => {
    const unknown = parseWorkspaceConfig('lint:\n  rulez: {}\n');
    expect(unknown.diagnostics[0]?.message).toMatch(/lint: Unrecognized key.*rulez/);
    expect(unknown.diagnostics[0]?.range.start.line).toBe(2);
    const broken = parseWorkspaceConfig('lint:\n  rules: [\n');
    expect(broken.diagnostics[0]?.message).toMatch(/not valid YAML/);
    const duplicate = parseWorkspaceConfig('lint: {}\nlint: {}\n');
    expect(duplicate.diagnostics[0]?.message).toMatch(/unique/);
    expect(duplicate.diagnostics[0]?.range.start.line).toBe(2);
    expect(parseWorkspaceConfig('specs:\n  roots: [../outside]\n').diagnostics[0]?.message).toMatch(
      /inside the workspace/,
    );
    expect(parseWorkspaceConfig('version: 2\n').diagnostics[0]?.message).toMatch(
      /version must be 1/,
    );
  });

  it('accepts the sample workspace config as it is', () => {
    const sample =
      'version: 1\nworkspace:\n  name: Lantern\nspecs:\n  roots: [specs]\nrouting:\n  default: local\n  cloud: ask\nlint:\n  rules: {}\n';
    expect(parseWorkspaceConfig(sample).diagnostics).toEqual([]);
  });

  it('limits Cairn specs to the configured roots', () => {
    const files = {
      ...VAGUE,
      'docs/requirements.md': VAGUE[REQS] as string,
      '.cairn/config.yaml': 'specs:\n  roots: [specs]\n',
    };
    expect(new Set(lint(files).map((f) => f.path))).toEqual(new Set([REQS]));
  });
});
