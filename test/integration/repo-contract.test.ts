// The repo.* and drift.* channels through the one dispatcher, as the UI reaches them: input
// is validated first, errors come back typed and readable, a conflict is resolved end to end.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { Core } from '../../electron/services/core.ts';
import { NO_GLOBAL_GIT } from '../support/cairn-repo.ts';
import { commitAll, git, writeFiles } from '../support/native-git.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';

const base = tempDir('cairn-contract-');
let core: Core;
let d: Dispatcher;
const log: string[] = [];
const dir = path.join(base, 'ws');

beforeAll(() => {
  fs.cpSync(SAMPLE_WORKSPACE, dir, { recursive: true });
  core = new Core({ dataDir: path.join(base, 'data'), host: 'web', version: 't', workspace: dir });
  d = createDispatcher(createHandlers(core, { repo: { env: NO_GLOBAL_GIT } }), (l) => log.push(l));
});
afterAll(() => core.close());

describe('repo and drift channels', () => {
  it('offers to initialise a folder, then commits once the identity is set', async () => {
    expect(await d.invoke('repo.status', {})).toMatchObject({
      ok: true,
      value: { isRepository: false, canInitialize: true },
    });
    expect(await d.invoke('repo.commit', { message: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_a_repository' },
    });
    expect(await d.invoke('repo.init', {})).toMatchObject({
      ok: true,
      value: { isRepository: true, branch: 'main', head: null },
    });
    const noIdentity = await d.invoke('repo.commit', { message: 'First' });
    expect(noIdentity).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(noIdentity)).toMatch(/does not know who you are/);
    expect(
      await d.invoke('repo.setIdentity', { name: 'Maya', email: 'not an email' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await d.invoke('repo.setIdentity', { name: 'Maya Chen', email: 'maya@example.com' });
    const commit = await d.invoke('repo.commit', { message: 'First' });
    expect(commit).toMatchObject({ ok: true, value: { mergeCommit: false } });
    expect(git(dir, 'log', '-1', '--format=%an <%ae>').trim()).toBe('Maya Chen <maya@example.com>');
    expect(await d.invoke('repo.commit', { message: 'Again' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Nothing to commit/) },
    });
  });

  it('validates input before anything runs', async () => {
    expect(await d.invoke('repo.createBranch', { name: 'bad name' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await d.invoke('repo.resolveConflict', { path: '../etc/passwd', take: 'ours' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await d.invoke('repo.resolveConflict', { path: 'a.md', take: 'text' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await d.invoke('drift.accept', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await d.invoke('repo.setRemote', { url: 'git@github.com:a/b.git' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await d.invoke('repo.sync', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/has no remote to sync with/) },
    });
  });

  it('branches, a conflict stored and resolved, and the merge committed, all through the contract', async () => {
    expect(await d.invoke('repo.createBranch', { name: 'edit', switchTo: true })).toMatchObject({
      ok: true,
    });
    const spec = path.join(dir, 'specs/offline-review/prd.md');
    fs.writeFileSync(
      spec,
      fs
        .readFileSync(spec, 'utf8')
        .replace('# Offline review of shared notes', '# Offline review (edit)'),
    );
    await d.invoke('repo.commit', { message: 'edit' });
    expect(await d.invoke('repo.switchBranch', { name: 'main' })).toMatchObject({
      ok: true,
      value: { branch: 'main' },
    });
    fs.writeFileSync(
      spec,
      fs
        .readFileSync(spec, 'utf8')
        .replace('# Offline review of shared notes', '# Offline review (main)'),
    );
    await d.invoke('repo.commit', { message: 'main' });
    const theirs = git(dir, 'rev-parse', 'edit').trim();
    // The UI merges through sync; here the branch stands in for the remote.
    const { mergeIntoCurrent } = await import('../../electron/services/repo/merge-branch.ts');
    const { requireRepository } = await import('../../electron/services/repo/repository.ts');
    await mergeIntoCurrent(await requireRepository(dir), core.db, theirs, 'edit', NO_GLOBAL_GIT);
    const conflicts = await d.invoke('repo.conflicts', {});
    expect(conflicts).toMatchObject({
      ok: true,
      value: {
        conflicts: [{ path: 'specs/offline-review/prd.md', kind: 'content', resolved: false }],
      },
    });
    expect(await d.invoke('repo.commit', { message: 'm' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(
      await d.invoke('repo.resolveConflict', {
        path: 'specs/offline-review/prd.md',
        take: 'text',
        text: '# Offline review\n',
      }),
    ).toMatchObject({ ok: true, value: { remaining: 0 } });
    expect(await d.invoke('repo.commit', { message: 'Merge edit' })).toMatchObject({
      ok: true,
      value: { mergeCommit: true },
    });
    expect((await d.invoke('repo.branches', {})) as unknown).toMatchObject({
      ok: true,
      value: { current: 'main' },
    });
  });

  it('reports drift and accepts findings', async () => {
    writeFiles(dir, { 'src/review/outbox.ts': '// changed\n' });
    commitAll(dir, 'code change', 'Ravi');
    const report = await d.invoke('drift.report', {});
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    const value = report.value as { findings: { kind: string; key: string; state: string }[] };
    const keys = value.findings.filter((f) => f.kind === 'code-drift').map((f) => f.key);
    expect(keys).toEqual([
      'code-drift:specs/offline-review/design.md',
      'code-drift:specs/offline-review/requirements.md',
    ]);
    expect(await d.invoke('drift.accept', { keys })).toMatchObject({
      ok: true,
      value: { accepted: 2 },
    });
    expect(await d.invoke('drift.accept', { keys: ['code-drift:nope'] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const after = await d.invoke('drift.report', {});
    const afterValue = (after.ok ? after.value : { findings: [] }) as {
      findings: { key: string; state: string }[];
    };
    const mine = afterValue.findings.filter((f) => keys.includes(f.key));
    expect(mine.map((f) => f.state)).toEqual(['accepted', 'accepted']);
    expect(log.filter((l) => /invalid reply|failed:/.test(l))).toEqual([]);
  });
});
