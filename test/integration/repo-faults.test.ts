// Bad input and faults, each against the real server and real repositories: a wrong or missing
// token (never shown), a connection cut mid-push, a server that vanishes mid-fetch or stops
// answering, a corrupt object, a shallow clone, a detached HEAD, a folder that is not a
// repository, and large binary files. Each gives a clear error and loses nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { CairnFailure } from '../../electron/ipc/failure.ts';
import { cloneRepository } from '../../electron/services/repo/clone.ts';
import { commitChanges } from '../../electron/services/repo/commit.ts';
import { driftReport } from '../../electron/services/repo/drift-service.ts';
import { createHttpClient } from '../../electron/services/repo/http-client.ts';
import {
  fetchRemote,
  readCredential,
  storeCredential,
} from '../../electron/services/repo/remote.ts';
import { requireRepository } from '../../electron/services/repo/repository.ts';
import { repoStatus } from '../../electron/services/repo/status.ts';
import { push, sync } from '../../electron/services/repo/sync.ts';
import { Core } from '../../electron/services/core.ts';
import { cairnSide, NO_GLOBAL_GIT, type CairnSide } from '../support/cairn-repo.ts';
import { startGitServer, type GitServer } from '../support/git-http-server.ts';
import { commitAll, fsck, git, seedRepo, writeFiles } from '../support/native-git.ts';
import { tempDir } from '../support/temp-dir.ts';

const TOKEN = 'ghp_RightToken0000000000000000000000000001';
const WRONG = 'ghp_WrongToken0000000000000000000000000002';
const base = tempDir('cairn-faults-');
let server: GitServer;
let side: CairnSide;
let seed: string;
let n = 0;
const fresh = () => path.join(base, `clone-${n++}`);
const forms = (t: string) => [t, Buffer.from(`x-access-token:${t}`).toString('base64')];

beforeAll(async () => {
  server = await startGitServer(path.join(base, 'server'), TOKEN);
  seed = seedRepo(path.join(base, 'seed'), {
    'specs/a.md':
      '---\ncovers: [src/**]\n---\n\n# A\n\n### REQ-FAULT1: One\n\nThe system shall one.\n',
    'src/a.ts': '// REQ-FAULT1\n',
  });
  server.createRepo('specs', { from: seed });
  side = cairnSide(base, 'Fay');
});
afterEach(async () => {
  await server.setFaults({});
});
afterAll(async () => {
  await server.close();
  side.close();
});

async function failure(promise: Promise<unknown>): Promise<CairnFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CairnFailure);
    return error as CairnFailure;
  }
  throw new Error('expected a failure');
}

describe('tokens', () => {
  it('a wrong token fails the clone clearly, shows the token nowhere, keeps nothing', async () => {
    const into = fresh();
    const error = await failure(
      cloneRepository({ url: server.url('specs'), into, token: WRONG }, side),
    );
    expect(error.code).toBe('auth_failed');
    expect(error.message).toMatch(/refused the stored token .*enter a new token/);
    for (const form of forms(WRONG)) expect(error.message).not.toContain(form);
    expect(fs.existsSync(into)).toBe(false);
    expect(
      fs.existsSync(side.secrets.file) ? fs.readFileSync(side.secrets.file, 'utf8') : '',
    ).not.toContain(WRONG);
    // The server did echo it back: Cairn is what kept it out.
    expect(server.requests.some((r) => r.status === 401)).toBe(true);
  });

  it('through the contract, a wrong token reaches neither the reply nor the log', async () => {
    const dataDir = path.join(base, 'contract-data');
    const core = new Core({ dataDir, host: 'web', version: 'test', workspace: base });
    const log: string[] = [];
    const dispatcher = createDispatcher(
      createHandlers(core, { repo: { env: NO_GLOBAL_GIT } }),
      (l) => log.push(l),
    );
    try {
      const reply = await dispatcher.invoke('repo.clone', {
        url: server.url('specs'),
        into: fresh(),
        token: WRONG,
      });
      expect(reply.ok).toBe(false);
      const text = JSON.stringify(reply) + log.join('\n');
      expect(text).toMatch(/auth_failed/);
      for (const form of forms(WRONG)) expect(text).not.toContain(form);
      // A URL with the token inside is refused without echoing it.
      const inUrl = await dispatcher.invoke('repo.clone', {
        url: server.url('specs').replace('http://', `http://user:${WRONG}@`),
        into: fresh(),
      });
      expect(inUrl).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(JSON.stringify(inUrl) + log.join('\n')).not.toContain(WRONG);
      // With the right token, clone works and the reply carries no token either.
      const ok = await dispatcher.invoke('repo.clone', {
        url: server.url('specs'),
        into: fresh(),
        token: TOKEN,
      });
      expect(ok.ok).toBe(true);
      expect(JSON.stringify(ok)).not.toContain(TOKEN);
      const status = await dispatcher.invoke('repo.status', {});
      expect(status).toMatchObject({ ok: true, value: { remote: { hasToken: true } } });
      expect(JSON.stringify(status)).not.toContain(TOKEN);
    } finally {
      core.close();
    }
  });

  it('a token that stopped working, or none at all, is reported for what it is', async () => {
    const dir = fresh();
    await cloneRepository({ url: server.url('specs'), into: dir, token: TOKEN }, side);
    const repo = await requireRepository(dir);
    const origin = new URL(server.url('specs')).origin;
    storeCredential(side.secrets, origin, { username: 'x-access-token', token: WRONG });
    const refused = await failure(fetchRemote(repo, side));
    expect(refused.code).toBe('auth_failed');
    for (const form of forms(WRONG)) expect(refused.message).not.toContain(form);
    storeCredential(side.secrets, origin, null);
    const missing = await failure(fetchRemote(repo, side));
    expect(missing).toMatchObject({ code: 'auth_failed' });
    expect(missing.message).toMatch(/none is stored/);
    storeCredential(side.secrets, origin, { username: 'x-access-token', token: TOKEN });
    expect(readCredential(side.secrets, origin)?.token).toBe(TOKEN);
  });
});

describe('connections that fail', () => {
  it('a connection cut mid-push leaves both repositories valid, and the push works after', async () => {
    const dir = fresh();
    await cloneRepository({ url: server.url('specs'), into: dir, token: TOKEN }, side);
    const repo = await requireRepository(dir);
    // Random text does not compress: the pack is large enough to cut in the middle.
    writeFiles(dir, { 'specs/big.md': crypto.randomBytes(150_000).toString('base64') });
    const commit = await commitChanges(repo, side.db, { message: 'big', env: side.env });
    const serverRepo = path.join(base, 'server', 'specs.git');
    const before = git(serverRepo, 'rev-parse', 'main').trim();
    await server.setFaults({ cutPushAfterBytes: 60_000 });
    const error = await failure(push(repo, side));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/Lost the connection .*Nothing was changed locally/);
    // The server side of the cut push stops too: nothing is left running (or spinning).
    if (server.runningBackends() !== null) {
      await expect.poll(() => server.runningBackends(), { timeout: 5000 }).toEqual([]);
    }
    await server.setFaults({});
    expect(git(serverRepo, 'rev-parse', 'main').trim()).toBe(before);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(commit.oid);
    expect(git(dir, 'rev-parse', 'origin/main').trim()).toBe(before);
    fsck(serverRepo);
    fsck(dir);
    await push(repo, side);
    expect(git(serverRepo, 'rev-parse', 'main').trim()).toBe(commit.oid);
    fsck(serverRepo);
  });

  it('a server that vanishes mid-fetch changes nothing locally; sync reports offline and recovers', async () => {
    const dir = fresh();
    await cloneRepository({ url: server.url('specs'), into: dir, token: TOKEN }, side);
    const repo = await requireRepository(dir);
    // Someone else pushes a large commit.
    const other = path.join(base, `other-${n++}`);
    git(base, 'clone', '--quiet', path.join(base, 'server', 'specs.git'), other);
    writeFiles(other, { 'specs/large.md': crypto.randomBytes(150_000).toString('base64') });
    commitAll(other, 'large');
    git(other, 'push', '--quiet', 'origin', 'HEAD:main');
    writeFiles(dir, { 'specs/mine.md': '# Mine\n' });
    await commitChanges(repo, side.db, { message: 'mine', env: side.env });
    const tracking = git(dir, 'rev-parse', 'origin/main').trim();
    const packs = fs.readdirSync(path.join(dir, '.git/objects/pack')).sort();
    await server.setFaults({ cutFetchAfterBytes: 30_000 });
    const error = await failure(fetchRemote(repo, side));
    expect(error.code).toBe('network');
    expect(git(dir, 'rev-parse', 'origin/main').trim()).toBe(tracking);
    expect(fs.readdirSync(path.join(dir, '.git/objects/pack')).sort()).toEqual(packs);
    fsck(dir);
    const offline = await sync(repo, side);
    expect(offline).toMatchObject({ outcome: 'offline', ahead: 1, pushed: false });
    await server.setFaults({});
    const back = await sync(repo, side);
    expect(back).toMatchObject({ outcome: 'synced', pushed: true, ahead: 0, behind: 0 });
    expect(fs.existsSync(path.join(dir, 'specs/large.md'))).toBe(true);
    fsck(dir);
  });

  it('a server that stops answering is given up on after the idle timeout, not waited on forever', async () => {
    const dir = fresh();
    await cloneRepository({ url: server.url('specs'), into: dir, token: TOKEN }, side);
    const repo = await requireRepository(dir);
    await server.setFaults({ hang: true });
    const started = Date.now();
    const error = await failure(fetchRemote(repo, { ...side, http: createHttpClient(1_000) }));
    await server.setFaults({});
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/no data for 1 s/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('repositories in odd states', () => {
  it('a corrupt object stops drift and push with a clear error, changing no file', async () => {
    const dir = fresh();
    await cloneRepository({ url: server.url('specs'), into: dir, token: TOKEN }, side);
    const repo = await requireRepository(dir);
    writeFiles(dir, {
      'specs/b.md':
        '---\ncovers: [src/**]\n---\n\n# B\n\n### REQ-CORRUP: B\n\nThe system shall b.\n',
    });
    await commitChanges(repo, side.db, { message: 'b', env: side.env });
    const blob = git(dir, 'rev-parse', 'HEAD:specs/b.md').trim();
    const file = path.join(dir, '.git/objects', blob.slice(0, 2), blob.slice(2));
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, Buffer.from('this is not a zlib stream at all'));
    const before = fs.readFileSync(path.join(dir, 'specs/b.md'), 'utf8');
    const drift = await failure(driftReport(repo, side.db, dir));
    expect(drift.code).toBe('corrupt');
    expect(drift.message).toMatch(
      new RegExp(`repository at ${dir} has a damaged object.*git fsck`),
    );
    const pushed = await failure(push(repo, side));
    expect(pushed.code).toBe('corrupt');
    expect(fs.readFileSync(path.join(dir, 'specs/b.md'), 'utf8')).toBe(before);
  });

  it('a shallow clone is refused by drift with what to do; status says shallow', async () => {
    const dir = fresh();
    git(base, 'clone', '--quiet', '--depth', '1', `file://${seed}`, dir);
    const repo = await requireRepository(dir);
    expect((await repoStatus(dir, side.db, side.secrets)).shallow).toBe(true);
    const error = await failure(driftReport(repo, side.db, dir));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/shallow clone.*git fetch --unshallow.*fetch-depth: 0/);
  });

  it('a detached HEAD: status says so, commit and sync refuse, drift still works', async () => {
    const dir = fresh();
    await cloneRepository({ url: server.url('specs'), into: dir, token: TOKEN }, side);
    git(dir, 'checkout', '--quiet', '--detach');
    const repo = await requireRepository(dir);
    const status = await repoStatus(dir, side.db, side.secrets);
    expect(status).toMatchObject({ detached: true, branch: null });
    writeFiles(dir, { 'specs/c.md': '# C\n' });
    const commit = await failure(commitChanges(repo, side.db, { message: 'c', env: side.env }));
    expect(commit.message).toMatch(/HEAD is detached at [0-9a-f]{8}.*Switch to a branch/);
    expect((await failure(sync(repo, side))).message).toMatch(/HEAD is detached/);
    expect(fs.readFileSync(path.join(dir, 'specs/c.md'), 'utf8')).toBe('# C\n');
    const report = await driftReport(repo, side.db, dir);
    expect(report.head).toBe(git(dir, 'rev-parse', 'HEAD').trim());
  });

  it('a folder that is not a repository: status offers to initialise; other calls say what is wrong', async () => {
    const dir = fresh();
    fs.mkdirSync(dir);
    expect(await repoStatus(dir, side.db, side.secrets)).toMatchObject({
      isRepository: false,
      canInitialize: true,
    });
    const error = await failure(requireRepository(dir));
    expect(error).toMatchObject({ code: 'not_a_repository' });
    expect(error.message).toMatch(/is not in a git repository.*Initialise one/);
  });

  it('large binary files: commits over the limit are refused before anything is staged; others sync', async () => {
    const dir = fresh();
    await cloneRepository({ url: server.url('specs'), into: dir, token: TOKEN }, side);
    const repo = await requireRepository(dir);
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    fs.writeFileSync(path.join(dir, 'video.bin'), crypto.randomBytes(3 * 1024 * 1024));
    const refused = await failure(
      commitChanges(repo, side.db, { message: 'v', env: side.env, maxFileBytes: 2 * 1024 * 1024 }),
    );
    expect(refused.message).toMatch(
      /Cannot commit video\.bin \(3\.0 MiB\): files over 2 MiB .*\.gitignore.*Git LFS/,
    );
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('?? video.bin\n');
    // Under the limit, a binary commits, pushes, and is skipped by drift.
    await commitChanges(repo, side.db, { message: 'v', env: side.env });
    await sync(repo, side);
    const copy = fresh();
    await cloneRepository({ url: server.url('specs'), into: copy, token: TOKEN }, side);
    expect(
      fs
        .readFileSync(path.join(copy, 'video.bin'))
        .equals(fs.readFileSync(path.join(dir, 'video.bin'))),
    ).toBe(true);
    await driftReport(await requireRepository(copy), side.db, copy);
    fsck(copy);
  });
});
