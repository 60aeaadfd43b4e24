// Drift on real repositories: the history index in SQLite (first and incremental), findings
// with commits and authors, accepting into .cairn/drift-baseline.yaml, rewritten history, a
// workspace in a subfolder, the baseline merging cleanly when two reviewers accept at once,
// and `cairn drift` / `cairn diff` as CI runs them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { runCli } from '../../electron/cli/main.ts';
import { commitChanges } from '../../electron/services/repo/commit.ts';
import { acceptFindings, driftReport } from '../../electron/services/repo/drift-service.ts';
import { indexHistory } from '../../electron/services/repo/history-index.ts';
import { mergeIntoCurrent } from '../../electron/services/repo/merge-branch.ts';
import { requireRepository } from '../../electron/services/repo/repository.ts';
import { cairnSide, NO_GLOBAL_GIT } from '../support/cairn-repo.ts';
import { commitAll, git, seedRepo, writeFiles } from '../support/native-git.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';

const base = tempDir('cairn-drift-');
const side = cairnSide(base, 'Rita');
afterAll(() => side.close());

function copySample(dir: string): string {
  fs.cpSync(SAMPLE_WORKSPACE, dir, { recursive: true });
  git(dir, 'init', '--quiet', '--initial-branch=main');
  commitAll(dir, 'Specs and first code', 'Maya');
  return dir;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { ...NO_GLOBAL_GIT, CAIRN_DATA_DIR: side.dataDir },
    cwd: base,
    stopped: new Promise(() => {}),
  };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the history index', () => {
  it('indexes once, then only what is new; follows a rewritten history', async () => {
    const dir = copySample(path.join(base, 'index'));
    for (let i = 0; i < 5; i++) {
      writeFiles(dir, { 'src/review/outbox.ts': `// v${i}\n` });
      commitAll(dir, `outbox ${i}`, 'Ravi');
    }
    const repo = await requireRepository(dir);
    const first = await indexHistory(repo, side.db);
    expect(first).toMatchObject({ commits: 6, added: 6 });
    expect(await indexHistory(repo, side.db)).toMatchObject({ commits: 6, added: 0 });
    writeFiles(dir, { 'src/review/new.ts': '// REQ-C4VJ6P\n' });
    commitAll(dir, 'new file', 'Lee');
    expect(await indexHistory(repo, side.db)).toMatchObject({ commits: 7, added: 1 });
    const files = side.db
      .prepare('SELECT path FROM git_head_files WHERE repo_id = ? ORDER BY path')
      .pluck()
      .all(first.repoId);
    expect(files).toEqual(git(dir, 'ls-files').trim().split('\n').sort());
    // History rewritten: drop the last three commits, make another.
    git(dir, 'reset', '--quiet', '--hard', 'HEAD~3');
    writeFiles(dir, { 'src/review/other.ts': '// other\n' });
    commitAll(dir, 'other', 'Lee');
    const report = await driftReport(repo, side.db, dir);
    expect(report.stats.commitsIndexed).toBe(5);
    const drift = report.findings.find(
      (f) => f.key === 'code-drift:specs/offline-review/requirements.md',
    );
    expect(drift?.commits.map((c) => c.summary)).toEqual([
      'other',
      'outbox 2',
      'outbox 1',
      'outbox 0',
    ]);
  });
});

describe('drift findings on a real repository', () => {
  it('names commits, files and authors; accepting quiets them until something new changes', async () => {
    const dir = copySample(path.join(base, 'findings'));
    writeFiles(dir, {
      'src/review/outbox.ts': '// Retries with backoff. Implements REQ-9F3TXA.\n',
    });
    const retry = commitAll(dir, 'Retry with backoff', 'Ravi');
    const repo = await requireRepository(dir);
    const report = await driftReport(repo, side.db, dir);
    const drift = report.findings.find(
      (f) => f.key === 'code-drift:specs/offline-review/requirements.md',
    );
    expect(drift).toMatchObject({
      state: 'new',
      paths: ['src/review/outbox.ts'],
      evidence: [retry],
    });
    expect(drift?.commits[0]).toMatchObject({
      author: 'Ravi <ravi@example.com>',
      summary: 'Retry with backoff',
    });
    expect(report.coverage.find((r) => r.id === 'REQ-9F3TXA')).toMatchObject({
      tests: ['test/outbox.test.ts'],
    });
    const untested = report.findings
      .filter((f) => f.kind === 'untested-requirement')
      .map((f) => f.requirement);
    expect(untested).toEqual(['REQ-5RZC1D', 'REQ-7KQ2M4', 'REQ-C4VJ6P']);

    const accepted = await acceptFindings(repo, side.db, dir, {
      all: true,
      by: 'Rita <rita@example.com>',
      note: 'reviewed',
    });
    expect(accepted.accepted).toBe(report.findings.length);
    const baseline = fs.readFileSync(path.join(dir, '.cairn/drift-baseline.yaml'), 'utf8');
    expect(baseline).toContain(`- ${retry}`);
    expect(baseline).toContain('by: Rita <rita@example.com>');
    expect(
      (await driftReport(repo, side.db, dir)).findings.every((f) => f.state === 'accepted'),
    ).toBe(true);

    writeFiles(dir, {
      'src/review/note-cache.ts': '// Evicts on sign-out. Implements REQ-7KQ2M4.\n',
    });
    const evict = commitAll(dir, 'Evict on sign-out', 'Lee');
    const later = await driftReport(repo, side.db, dir);
    const again = later.findings.find(
      (f) => f.key === 'code-drift:specs/offline-review/requirements.md',
    );
    expect(again).toMatchObject({ state: 'new', newEvidence: [evict] });
    expect(
      later.findings
        .filter((f) => f.state === 'new')
        .map((f) => f.kind)
        .sort(),
    ).toEqual(['code-drift', 'code-drift']);
    expect(later.stats.newCommitsIndexed).toBe(1);
  });

  it('treats a workspace in a subfolder of the repository on its own', async () => {
    const dir = path.join(base, 'mono');
    fs.mkdirSync(dir);
    git(dir, 'init', '--quiet', '--initial-branch=main');
    fs.cpSync(SAMPLE_WORKSPACE, path.join(dir, 'apps/lantern'), { recursive: true });
    writeFiles(dir, { 'src/review/elsewhere.ts': '// not in the workspace\n' });
    commitAll(dir, 'monorepo');
    writeFiles(dir, {
      'apps/lantern/src/review/outbox.ts': '// changed\n',
      'src/review/elsewhere.ts': '// changed\n',
    });
    commitAll(dir, 'both');
    const workspace = path.join(dir, 'apps/lantern');
    const report = await driftReport(await requireRepository(workspace), side.db, workspace);
    const drift = report.findings.find(
      (f) => f.key === 'code-drift:specs/offline-review/requirements.md',
    );
    expect(drift?.paths).toEqual(['src/review/outbox.ts']);
  });

  it('two reviewers accepting different findings at once merge without a conflict', async () => {
    const dir = copySample(path.join(base, 'reviewers'));
    const repo = await requireRepository(dir);
    const keys = (await driftReport(repo, side.db, dir)).findings.map((f) => f.key);
    expect(keys.length).toBeGreaterThan(2);
    git(dir, 'checkout', '--quiet', '-b', 'lee');
    await acceptFindings(repo, side.db, dir, {
      keys: [keys[0] as string],
      by: 'Lee <lee@example.com>',
    });
    const theirs = commitAll(dir, 'Lee accepts');
    git(dir, 'checkout', '--quiet', 'main');
    await acceptFindings(repo, side.db, dir, {
      keys: [keys[1] as string],
      by: 'Rita <rita@example.com>',
    });
    await commitChanges(repo, side.db, { message: 'Rita accepts', env: side.env });
    const merged = await mergeIntoCurrent(repo, side.db, theirs, 'lee', side.env);
    expect(merged).toMatchObject({ outcome: 'merged', merged: ['.cairn/drift-baseline.yaml'] });
    const states = (await driftReport(repo, side.db, dir)).findings
      .filter((f) => f.state === 'accepted')
      .map((f) => f.key);
    expect(states.sort()).toEqual([keys[0], keys[1]].sort());
  });
});

describe('cairn drift and cairn diff (CI)', () => {
  const dir = path.join(base, 'ci');

  it('exits 1 on new findings, 0 once accepted, 1 with --fail-on any; json and sarif parse', async () => {
    copySample(dir);
    writeFiles(dir, { 'src/review/outbox.ts': '// changed\n' });
    commitAll(dir, 'change', 'Ravi');
    const text = await cli(['drift', dir]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/new findings?, 0 accepted/);
    expect(text.out).toContain('code-drift:specs/offline-review/requirements.md');
    const json = await cli(['drift', dir, '--format', 'json']);
    expect(JSON.parse(json.out).findings.length).toBeGreaterThan(0);
    const sarif = JSON.parse((await cli(['drift', dir, '--format', 'sarif'])).out);
    expect(sarif.version).toBe('2.1.0');
    expect((await cli(['drift', dir, '--accept', '--note', 'ok'])).code).toBe(0);
    expect((await cli(['drift', dir])).code).toBe(0);
    expect((await cli(['drift', dir, '--fail-on', 'any'])).code).toBe(1);
    expect((await cli(['drift', dir, '--fail-on', 'none'])).code).toBe(0);
  });

  it('--since limits findings to a range; bad arguments exit 2, a folder outside git exits 3', async () => {
    git(dir, 'tag', 'reviewed');
    writeFiles(dir, { 'src/review/note-cache.ts': '// changed after the tag\n' });
    const after = commitAll(dir, 'after tag', 'Lee');
    const since = await cli(['drift', dir, '--since', 'reviewed', '--format', 'json']);
    const findings = JSON.parse(since.out).findings;
    expect(
      findings
        .filter((f: { kind: string }) => f.kind === 'code-drift')
        .every((f: { evidence: string[] }) => f.evidence.join() === after),
    ).toBe(true);
    expect((await cli(['drift', dir, '--format', 'xml'])).code).toBe(2);
    expect((await cli(['drift', dir, '--since', 'no-such-ref'])).err).toMatch(
      /Unknown revision 'no-such-ref'/,
    );
    const outside = path.join(base, 'plain');
    fs.mkdirSync(outside);
    const notRepo = await cli(['drift', outside]);
    expect(notRepo.code).toBe(3);
    expect(notRepo.err).toMatch(/is not in a git repository/);
  });

  it('cairn diff <ref> <ref> lists requirement changes between two commits', async () => {
    const repo = seedRepo(path.join(base, 'diff'), {
      'specs/a.md':
        '# A\n\n### REQ-AAAA01: One\n\nThe system shall one.\n\n### REQ-BBBB02: Two\n\nTwo.\n',
    });
    git(repo, 'tag', 'v1');
    writeFiles(repo, {
      'specs/a.md':
        '# A\n\n### REQ-AAAA01: One\n\nThe system shall one within 2 s.\n\n### REQ-CCCC03: Three\n\nThree.\n',
    });
    commitAll(repo, 'v2');
    const text = await cli(['diff', 'v1', 'HEAD', '--repo', repo]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/1 added, 1 modified, 1 removed, 0 moved/);
    expect(text.out).toMatch(
      /~ REQ-AAAA01 +modified .*\n +was: The system shall one\.\n +now: The system shall one within 2 s\./,
    );
    const json = JSON.parse(
      (await cli(['diff', 'HEAD~1', 'HEAD', '--repo', repo, '--format', 'json'])).out,
    );
    expect(json.changes.map((c: { id: string; change: string }) => `${c.id}:${c.change}`)).toEqual([
      'REQ-AAAA01:modified',
      'REQ-BBBB02:removed',
      'REQ-CCCC03:added',
    ]);
    expect((await cli(['diff', 'v1', 'HEAD', '--repo', repo, '--exit-code'])).code).toBe(1);
    expect((await cli(['diff', 'v1', 'v1', '--repo', repo, '--exit-code'])).code).toBe(0);
    expect((await cli(['diff', 'v1', '--repo', repo])).code).toBe(2);
  });

  it('the real command exits with the documented codes', () => {
    const env = { ...process.env, ...NO_GLOBAL_GIT, CAIRN_DATA_DIR: side.dataDir };
    const run = (...args: string[]) =>
      spawnSync('node', ['bin/cairn.mjs', ...args], { encoding: 'utf8', env });
    const accepted = run('drift', dir, '--since', 'reviewed');
    expect(accepted.status).toBe(1);
    expect(accepted.stdout).toMatch(/Drift at [0-9a-f]{8} since reviewed/);
    expect(run('drift', dir, '--fail-on', 'bogus').status).toBe(2);
  });
});
