// Git sync against a real git server (git http-backend on 127.0.0.1) with real isomorphic-git
// and a real SQLite database: clone with a token, commit, push, pull, branches, offline.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBranch, listBranches, switchBranch } from '../../electron/services/repo/branches.ts';
import { cloneRepository } from '../../electron/services/repo/clone.ts';
import { commitChanges } from '../../electron/services/repo/commit.ts';
import { initRepository } from '../../electron/services/repo/repository.ts';
import { setRemote } from '../../electron/services/repo/remote.ts';
import { repoStatus } from '../../electron/services/repo/status.ts';
import { pull, push, sync } from '../../electron/services/repo/sync.ts';
import { SECRETS_FILE } from '../../electron/services/secrets/file-secret-store.ts';
import { cairnSide, type CairnSide } from '../support/cairn-repo.ts';
import { startGitServer, type GitServer } from '../support/git-http-server.ts';
import { fsck, git, seedRepo } from '../support/native-git.ts';
import { tempDir } from '../support/temp-dir.ts';

const TOKEN = 'ghp_sync0test0token0000000000000000000000';
const base = tempDir('cairn-sync-');
let server: GitServer;
let ann: CairnSide;
let bob: CairnSide;
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

beforeAll(async () => {
  server = await startGitServer(path.join(base, 'server'), TOKEN);
  const seed = seedRepo(path.join(base, 'seed'), {
    'specs/a.md':
      '---\nid: A\ncovers: [src/**]\n---\n\n# A\n\n### REQ-AAAA01: One\n\nThe system shall one.\n',
    'src/a.ts': 'export const a = 1; // REQ-AAAA01\n',
  });
  server.createRepo('specs', { from: seed });
  ann = cairnSide(base, 'Ann');
  bob = cairnSide(base, 'Bob');
});
afterAll(async () => {
  await server.close();
  ann.close();
  bob.close();
});

describe('sync with a real git server', () => {
  const annDir = () => path.join(base, 'ann');
  const bobDir = () => path.join(base, 'bob');

  it('clones over HTTP with a token, keeping the token out of the repository', async () => {
    const result = await cloneRepository(
      { url: server.url('specs'), into: annDir(), token: TOKEN },
      ann,
    );
    expect(result).toMatchObject({ root: annDir(), branch: 'main' });
    expect(read(annDir(), 'specs/a.md')).toContain('REQ-AAAA01');
    expect(fs.readFileSync(path.join(annDir(), '.git/config'), 'utf8')).not.toContain(TOKEN);
    const secrets = path.join(ann.dataDir, SECRETS_FILE);
    expect(fs.statSync(secrets).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(secrets, 'utf8')).toMatch(/not in the system keychain/);
    await cloneRepository({ url: server.url('specs'), into: bobDir(), token: TOKEN }, bob);
    fsck(annDir());
  });

  it('reports status: branch, upstream, changes, token storage', async () => {
    fs.writeFileSync(path.join(annDir(), 'notes.md'), 'new\n');
    fs.appendFileSync(path.join(annDir(), 'src/a.ts'), '// more\n');
    const status = await repoStatus(annDir(), ann.db, ann.secrets);
    expect(status).toMatchObject({
      isRepository: true,
      branch: 'main',
      detached: false,
      shallow: false,
      upstream: { ref: 'origin/main', ahead: 0, behind: 0 },
      remote: { name: 'origin', url: server.url('specs'), hasToken: true },
      tokenStorage: { kind: 'file' },
    });
    expect(status.changes).toEqual([
      { path: 'notes.md', state: 'untracked', staged: false },
      { path: 'src/a.ts', state: 'modified', staged: false },
    ]);
  });

  it('commits with the user identity and pushes; the other clone pulls it', async () => {
    const repo = await ann.repo(annDir());
    const commit = await commitChanges(repo, ann.db, { message: 'Ann: notes', env: ann.env });
    expect(commit).toMatchObject({ files: 2, mergeCommit: false });
    expect(git(annDir(), 'log', '-1', '--format=%an <%ae>|%s').trim()).toBe(
      'Ann <ann@example.com>|Ann: notes',
    );
    expect((await repoStatus(annDir(), ann.db, ann.secrets)).upstream).toMatchObject({ ahead: 1 });
    await push(repo, ann);
    expect(git(path.join(base, 'server', 'specs.git'), 'rev-parse', 'main').trim()).toBe(
      commit.oid,
    );
    const pulled = await pull(await bob.repo(bobDir()), bob);
    expect(pulled).toMatchObject({ outcome: 'fast-forward', head: commit.oid });
    expect(read(bobDir(), 'notes.md')).toBe('new\n');
    expect(git(bobDir(), 'status', '--porcelain')).toBe('');
    fsck(bobDir());
  });

  it('merges concurrent commits to different parts of a spec cleanly', async () => {
    const annRepo = await ann.repo(annDir());
    const bobRepo = await bob.repo(bobDir());
    fs.writeFileSync(
      path.join(annDir(), 'specs/a.md'),
      read(annDir(), 'specs/a.md').replace('# A', '# A (Ann)'),
    );
    await commitChanges(annRepo, ann.db, { message: 'title', env: ann.env });
    expect(await sync(annRepo, ann)).toMatchObject({ outcome: 'synced', pushed: true });
    fs.appendFileSync(
      path.join(bobDir(), 'specs/a.md'),
      '\n### REQ-BBBB02: Two\n\nThe system shall two.\n',
    );
    await commitChanges(bobRepo, bob.db, { message: 'two', env: bob.env });
    const result = await sync(bobRepo, bob);
    expect(result).toMatchObject({ outcome: 'synced', pushed: true, ahead: 0, behind: 0 });
    expect(result.pull).toMatchObject({ outcome: 'merged', merged: ['specs/a.md'] });
    expect(read(bobDir(), 'specs/a.md')).toMatch(/# A \(Ann\)[\s\S]*REQ-BBBB02/);
    expect(git(bobDir(), 'log', '-1', '--format=%P').trim().split(' ')).toHaveLength(2);
    expect((await sync(annRepo, ann)).pull).toMatchObject({ outcome: 'fast-forward' });
    expect(read(annDir(), 'specs/a.md')).toBe(read(bobDir(), 'specs/a.md'));
    fsck(annDir());
    fsck(path.join(base, 'server', 'specs.git'));
  });

  it('creates, lists and switches branches, and pushes a new branch', async () => {
    const repo = await ann.repo(annDir());
    await createBranch(repo, ann.db, 'feature/x', true);
    fs.writeFileSync(path.join(annDir(), 'specs/x.md'), '# X\n');
    await commitChanges(repo, ann.db, { message: 'x', env: ann.env });
    await push(repo, ann);
    const branches = await listBranches(repo);
    expect(branches.current).toBe('feature/x');
    expect(branches.local.map((b) => b.name)).toEqual(['feature/x', 'main']);
    expect(branches.local.find((b) => b.name === 'feature/x')?.upstream).toBe('origin/feature/x');
    await switchBranch(repo, ann.db, 'main');
    expect(fs.existsSync(path.join(annDir(), 'specs/x.md'))).toBe(false);
    await switchBranch(repo, ann.db, 'feature/x');
    expect(read(annDir(), 'specs/x.md')).toBe('# X\n');
    await switchBranch(repo, ann.db, 'main');
    // Bob checks out the branch Ann pushed: it is created from origin/feature/x.
    const bobRepo = await bob.repo(bobDir());
    await sync(bobRepo, bob);
    await switchBranch(bobRepo, bob.db, 'feature/x');
    expect(read(bobDir(), 'specs/x.md')).toBe('# X\n');
    await switchBranch(bobRepo, bob.db, 'main');
  });

  it('works offline: commits stay local, sync says so, and sends them once the server is back', async () => {
    const repo = await ann.repo(annDir());
    const port = server.port;
    await server.close();
    fs.writeFileSync(path.join(annDir(), 'specs/offline.md'), '# Written on a plane\n');
    await commitChanges(repo, ann.db, { message: 'offline 1', env: ann.env });
    fs.appendFileSync(path.join(annDir(), 'specs/offline.md'), 'More.\n');
    await commitChanges(repo, ann.db, { message: 'offline 2', env: ann.env });
    const offline = await sync(repo, ann);
    expect(offline).toMatchObject({ outcome: 'offline', pushed: false, ahead: 2 });
    expect(offline.message).toMatch(/2 commits wait here/);
    expect(git(annDir(), 'log', '--format=%s', '-2').split('\n')).toEqual([
      'offline 2',
      'offline 1',
      '',
    ]);
    server = await startGitServer(path.join(base, 'server'), TOKEN, port);
    expect(await sync(repo, ann)).toMatchObject({ outcome: 'synced', pushed: true, ahead: 0 });
    expect(
      git(path.join(base, 'server', 'specs.git'), 'log', '-1', '--format=%s', 'main').trim(),
    ).toBe('offline 2');
  });

  it('initialises a plain folder, connects it to an empty remote and pushes the first commit', async () => {
    const dir = path.join(base, 'fresh');
    fs.mkdirSync(dir);
    const side = cairnSide(base, 'Cy');
    try {
      expect(await repoStatus(dir, side.db, side.secrets)).toMatchObject({
        isRepository: false,
        canInitialize: true,
      });
      const repo = await initRepository(dir);
      fs.writeFileSync(path.join(dir, 'prd.md'), '# PRD\n');
      await commitChanges(repo, side.db, { message: 'first', env: side.env });
      server.createRepo('empty');
      await setRemote(repo, side.secrets, server.url('empty'), TOKEN);
      expect(await sync(repo, side)).toMatchObject({ outcome: 'synced', pushed: true });
      expect(git(path.join(base, 'server', 'empty.git'), 'log', '--format=%s', 'main').trim()).toBe(
        'first',
      );
    } finally {
      side.close();
    }
  });
});
