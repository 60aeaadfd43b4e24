// Spawns the real CLI (`node bin/cairn.mjs lint …`) on the sample workspace and on each
// fixture, and checks findings and exit codes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../workflows/lint/finding.ts';
import { compareWithOpenSpec, type OpenSpecReport } from '../support/openspec-parity.ts';
import { runProcess } from '../support/run-process.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = path.join(REPO, 'resources/sample-workspace');
const FIXTURES = path.join(REPO, 'test/fixtures');

const cairn = (...args: string[]) =>
  runProcess(process.execPath, [path.join(REPO, 'bin/cairn.mjs'), ...args], REPO);

async function lintJson(dir: string, ...flags: string[]) {
  const result = await cairn('lint', dir, '--format', 'json', ...flags);
  return {
    ...result,
    report: JSON.parse(result.stdout) as {
      findings: Finding[];
      counts: Record<string, number>;
      layouts: string[];
    },
  };
}

/** `RULE path:line` for compact, exact assertions. */
const brief = (findings: Finding[]) =>
  findings.map((f) => `${f.ruleId} ${f.path}:${f.range.start.line}`);

const temps: string[] = [];
function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-cli-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe('cairn lint on the sample workspace', () => {
  it('finds the deliberate defects and exits 1 (an unknown requirement is an error)', async () => {
    const { code, report } = await lintJson(SAMPLE);
    expect(code).toBe(1);
    expect(report.layouts).toEqual(['cairn']);
    expect(brief(report.findings)).toEqual([
      'SPEC-001 specs/offline-review/prd.md:45',
      'EARS-004 specs/offline-review/requirements.md:47',
      'EARS-006 specs/offline-review/requirements.md:47',
      'SPEC-002 specs/offline-review/requirements.md:65',
      'EARS-008 specs/offline-review/requirements.md:67',
      'SPEC-006 specs/offline-review/tasks.md:25',
    ]);
    expect(report.counts).toEqual({ error: 1, warning: 4, info: 1 });
  });

  it('prints file:line:col findings and a summary as text', async () => {
    const { code, stdout } = await cairn('lint', SAMPLE);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain(
      'resources/sample-workspace/specs/offline-review/tasks.md:25:59: error SPEC-006 Task T007 cites REQ-8XXXXX, which no spec declares; fix the ID or add the requirement.',
    );
    expect(lines.at(-1)).toBe('1 error, 4 warnings, 1 info in 4 spec files (layouts: cairn).');
  });

  it('writes SARIF 2.1.0 with rules, regions and fixes', async () => {
    const { code, stdout } = await cairn('lint', SAMPLE, '--format', 'sarif');
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.name).toBe('Cairn');
    const ruleIds = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const result of run0.results) {
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      const region = result.locations[0].physicalLocation.region;
      expect(region.startLine).toBeGreaterThan(0);
      expect(region.endColumn).toBeGreaterThanOrEqual(region.startColumn);
    }
    const should = run0.results.find((r: { ruleId: string }) => r.ruleId === 'EARS-004');
    expect(should.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'specs/offline-review/requirements.md', uriBaseId: 'SRCROOT' },
      region: { startLine: 47, startColumn: 13, endLine: 47, endColumn: 19 },
    });
    expect(should.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('shall');
    expect(run0.originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/.*sample-workspace\/$/);
  });

  it('honours .cairn/config.yaml, and --strict fails on warnings', async () => {
    const dir = tempWorkspace({
      '.cairn/config.yaml': 'lint:\n  rules:\n    SPEC-006: warning\n    EARS-008: off\n',
      'specs/offline-review/requirements.md': fs.readFileSync(
        path.join(SAMPLE, 'specs/offline-review/requirements.md'),
        'utf8',
      ),
      'specs/offline-review/tasks.md': fs.readFileSync(
        path.join(SAMPLE, 'specs/offline-review/tasks.md'),
        'utf8',
      ),
    });
    const plain = await lintJson(dir);
    expect(plain.code).toBe(0);
    expect(plain.report.counts.error).toBe(0);
    expect(brief(plain.report.findings)).not.toContain(
      'EARS-008 specs/offline-review/requirements.md:67',
    );
    expect((await lintJson(dir, '--strict')).code).toBe(1);
  });

  it('reports an invalid config with its file and line (CONFIG-001), and still lints', async () => {
    const dir = tempWorkspace({
      '.cairn/config.yaml': 'lint:\n  rules:\n    EARS-004: sometimes\n',
      'specs/a/tasks.md': '---\nid: T\ntitle: T\ntype: tasks\n---\n\n- [ ] T001 Do it\n',
    });
    const { code, report } = await lintJson(dir);
    expect(code).toBe(1);
    expect(brief(report.findings)).toEqual(['CONFIG-001 .cairn/config.yaml:3']);
  });
});

describe('cairn lint on the fixtures', () => {
  it('Spec Kit: unknown story and FR citations, clarification markers, should', async () => {
    const { code, report } = await lintJson(path.join(FIXTURES, 'speckit'));
    expect(code).toBe(1);
    expect(report.layouts).toEqual(['speckit']);
    expect(brief(report.findings)).toEqual([
      'SPEC-006 specs/001-photo-albums/tasks.md:26',
      'SPEC-006 specs/001-photo-albums/tasks.md:26',
      'SPEC-002 specs/002-album-sharing/spec.md:18',
      'EARS-004 specs/002-album-sharing/spec.md:27',
      'SPEC-001 specs/002-album-sharing/spec.md:27',
      'SPEC-001 specs/002-album-sharing/spec.md:28',
      'SPEC-001 specs/002-album-sharing/spec.md:29',
      'EARS-006 specs/002-album-sharing/spec.md:30',
      'EARS-005 specs/002-album-sharing/spec.md:30',
      'SPEC-001 specs/002-album-sharing/spec.md:30',
      'SPEC-015 specs/002-album-sharing/spec.md:30',
    ]);
  });

  it('Kiro: EARS criteria checked, _Requirements: 4.2_ unknown', async () => {
    const { code, report } = await lintJson(path.join(FIXTURES, 'kiro'));
    expect(code).toBe(1);
    expect(brief(report.findings)).toEqual([
      'EARS-004 .kiro/specs/user-authentication/requirements.md:28',
      'EARS-003 .kiro/specs/user-authentication/requirements.md:28',
      'SPEC-006 .kiro/specs/user-authentication/tasks.md:17',
    ]);
  });

  it('OpenSpec: the same verdicts and checks as `openspec validate --all --strict`', async () => {
    const dir = path.join(FIXTURES, 'openspec');
    const theirs = await runProcess(
      path.join(REPO, 'node_modules/.bin/openspec'),
      ['validate', '--all', '--strict', '--json', '--no-interactive'],
      dir,
    );
    expect(theirs.code).toBe(1);
    const ours = await lintJson(dir, '--strict', '--rules', 'OSPEC');
    expect(ours.code).toBe(1);
    const comparison = compareWithOpenSpec(
      JSON.parse(theirs.stdout) as OpenSpecReport,
      ours.report.findings,
    );
    expect(comparison.map((c) => [c.item, c.openspec.valid, c.openspec.rules])).toEqual([
      [
        'change/add-two-factor',
        false,
        ['OSPEC-007', 'OSPEC-014', 'OSPEC-015', 'OSPEC-017', 'OSPEC-018', 'OSPEC-020'],
      ],
      ['spec/auth', true, []],
      ['spec/notes', false, ['OSPEC-004', 'OSPEC-007', 'OSPEC-008', 'OSPEC-010']],
    ]);
    expect(comparison.filter((c) => !c.agree)).toEqual([]);
  });
});

describe('cairn lint usage and failures', () => {
  it('exits 2 on a bad flag, a bad format or two folders', async () => {
    for (const args of [['--bogus'], ['--format', 'xml'], ['a', 'b'], ['--rules', 'NOPE']]) {
      const { code, stderr } = await cairn('lint', ...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/Run `cairn lint --help`/);
    }
  });

  it('exits 3 when the folder does not exist', async () => {
    const { code, stderr } = await cairn('lint', path.join(REPO, 'no-such-folder'));
    expect(code).toBe(3);
    expect(stderr).toMatch(/No folder at .*no-such-folder/);
  });

  it('exits 0 on a clean workspace', async () => {
    const dir = tempWorkspace({
      'specs/a/requirements.md':
        '---\nid: S\ntitle: S\ntype: requirements\n---\n\n# S\n\n### REQ-7KQ2M4: Save\n\nWhen the user presses Save, the app shall store the note within 1 second.\n\n#### Scenario: Save\n\n- WHEN the user presses Save\n- THEN the note is stored\n',
    });
    const { code, stdout } = await cairn('lint', dir);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('0 errors, 0 warnings, 0 info in 1 spec file (layouts: cairn).');
  });
});
