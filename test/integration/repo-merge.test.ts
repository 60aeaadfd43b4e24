// Merging without losing work: conflicts keep both sides, are stored as a resolvable state
// (SQLite + MERGE_HEAD), resolved through the services, committed as a real merge; merges that
// cannot be done leave commits and files untouched. Real repositories, real isomorphic-git.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitChanges } from '../../electron/services/repo/commit.ts';
import {
  abortMerge,
  listConflicts,
  resolveConflict,
} from '../../electron/services/repo/conflicts.ts';
import { mergeIntoCurrent } from '../../electron/services/repo/merge-branch.ts';
import { loadMergeState } from '../../electron/services/repo/merge-state.ts';
import { repoStatus } from '../../electron/services/repo/status.ts';
import { cairnSide } from '../support/cairn-repo.ts';
import { commitAll, fsck, git, seedRepo, writeFiles } from '../support/native-git.ts';
import { tempDir } from '../support/temp-dir.ts';

const base = tempDir('cairn-merge-');
const side = cairnSide(base, 'Mia');
afterAll(() => side.close());
let n = 0;

const SPEC =
  '---\nid: S\nstatus: draft\n---\n\n# S\n\n### REQ-AAAA01: One\n\nThe system shall one.\n';

/** A repo on `main` with a `theirs` branch; returns the dir and theirs' commit. */
function fork(
  files: Record<string, string>,
  ours: (dir: string) => void,
  theirs: (dir: string) => void,
): { dir: string; theirs: string } {
  const dir = seedRepo(path.join(base, `r${n++}`), files);
  git(dir, 'checkout', '--quiet', '-b', 'theirs');
  theirs(dir);
  const theirsOid = commitAll(dir, 'their change', 'Theo');
  git(dir, 'checkout', '--quiet', 'main');
  ours(dir);
  commitAll(dir, 'our change', 'Mia');
  return { dir, theirs: theirsOid };
}
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

describe('merging', () => {
  it('stops on a real conflict with both sides in the file and a stored, resolvable state', async () => {
    const { dir, theirs } = fork(
      { 'spec.md': SPEC, 'other.md': 'x\n' },
      (d) => writeFiles(d, { 'spec.md': SPEC.replace('shall one', 'shall one, fast') }),
      (d) =>
        writeFiles(d, {
          'spec.md': SPEC.replace('shall one', 'shall one, safely'),
          'other.md': 'y\n',
        }),
    );
    const repo = await side.repo(dir);
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const result = await mergeIntoCurrent(repo, side.db, theirs, 'theirs', side.env);
    expect(result.outcome).toBe('conflicts');
    expect(result.conflicts.map((c) => [c.path, c.kind])).toEqual([['spec.md', 'content']]);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    const text = read(dir, 'spec.md');
    expect(text).toContain(
      '<<<<<<< main\nThe system shall one, fast.\n=======\nThe system shall one, safely.\n>>>>>>> theirs',
    );
    expect(read(dir, 'other.md')).toBe('y\n');
    expect(read(dir, '.git/MERGE_HEAD').trim()).toBe(theirs);
    // Native git agrees: a merge is in progress, the clean file is staged, the conflict is not.
    expect(git(dir, 'status', '--porcelain')).toBe('M  other.md\n M spec.md\n');
    const status = await repoStatus(dir, side.db, side.secrets);
    expect(status.merge).toMatchObject({
      theirs,
      startedByCairn: true,
      conflicts: [{ path: 'spec.md', resolved: false }],
    });
    const [detail] = await listConflicts(repo, side.db);
    expect(detail).toMatchObject({ path: 'spec.md', binary: false });
    expect(detail?.ours).toContain('one, fast');
    expect(detail?.theirs).toContain('one, safely');
    expect(detail?.base).toContain('shall one.');
    await expect(commitChanges(repo, side.db, { message: 'm', env: side.env })).rejects.toThrow(
      /1 conflict is unresolved \(spec\.md\)/,
    );
    await expect(mergeIntoCurrent(repo, side.db, theirs, 'theirs', side.env)).rejects.toThrow(
      /merge is waiting for 1 conflict/,
    );
    expect(await resolveConflict(repo, side.db, 'spec.md', 'both')).toEqual({
      path: 'spec.md',
      remaining: 0,
    });
    expect(read(dir, 'spec.md')).toContain(
      'The system shall one, fast.\nThe system shall one, safely.\n',
    );
    const commit = await commitChanges(repo, side.db, { message: 'Merge theirs', env: side.env });
    expect(commit.mergeCommit).toBe(true);
    expect(git(dir, 'log', '-1', '--format=%P').trim()).toBe(`${head} ${theirs}`);
    expect(fs.existsSync(path.join(dir, '.git/MERGE_HEAD'))).toBe(false);
    expect(loadMergeState(side.db, repo)).toBeNull();
    expect(git(dir, 'status', '--porcelain')).toBe('');
    fsck(dir);
  });

  it('resolves with ours, theirs, edited text, or the file as edited; refuses text that still has markers', async () => {
    const { dir, theirs } = fork(
      { 'a.md': 'a\n', 'b.md': 'b\n', 'c.md': 'c\n', 'd.md': 'd\n' },
      (d) =>
        writeFiles(d, {
          'a.md': 'a-ours\n',
          'b.md': 'b-ours\n',
          'c.md': 'c-ours\n',
          'd.md': 'd-ours\n',
        }),
      (d) =>
        writeFiles(d, {
          'a.md': 'a-theirs\n',
          'b.md': 'b-theirs\n',
          'c.md': 'c-theirs\n',
          'd.md': 'd-theirs\n',
        }),
    );
    const repo = await side.repo(dir);
    await mergeIntoCurrent(repo, side.db, theirs, 'theirs', side.env);
    await resolveConflict(repo, side.db, 'a.md', 'ours');
    await resolveConflict(repo, side.db, 'b.md', 'theirs');
    await expect(
      resolveConflict(repo, side.db, 'c.md', 'text', '<<<<<<< x\n1\n=======\n2\n>>>>>>> y\n'),
    ).rejects.toThrow(/still holds conflict markers/);
    await resolveConflict(repo, side.db, 'c.md', 'text', 'c-edited\n');
    await expect(resolveConflict(repo, side.db, 'd.md', 'file')).rejects.toThrow(
      /still holds conflict markers/,
    );
    fs.writeFileSync(path.join(dir, 'd.md'), 'd by hand\n');
    expect(await resolveConflict(repo, side.db, 'd.md', 'file')).toEqual({
      path: 'd.md',
      remaining: 0,
    });
    await commitChanges(repo, side.db, { message: 'merged', env: side.env });
    expect(['a.md', 'b.md', 'c.md', 'd.md'].map((f) => read(dir, f))).toEqual([
      'a-ours\n',
      'b-theirs\n',
      'c-edited\n',
      'd by hand\n',
    ]);
    fsck(dir);
  });

  it('aborts a merge: files and index return to our commit, their commit stays reachable', async () => {
    const { dir, theirs } = fork(
      { 'a.md': 'a\n', 'b.md': 'b\n' },
      (d) => writeFiles(d, { 'a.md': 'ours\n' }),
      (d) => writeFiles(d, { 'a.md': 'theirs\n', 'b.md': 'b2\n', 'new.md': 'n\n' }),
    );
    const repo = await side.repo(dir);
    await mergeIntoCurrent(repo, side.db, theirs, 'theirs', side.env);
    expect(read(dir, 'new.md')).toBe('n\n');
    await abortMerge(repo, side.db);
    expect(read(dir, 'a.md')).toBe('ours\n');
    expect(read(dir, 'b.md')).toBe('b\n');
    expect(fs.existsSync(path.join(dir, 'new.md'))).toBe(false);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'cat-file', '-t', theirs).trim()).toBe('commit');
    expect((await repoStatus(dir, side.db, side.secrets)).merge).toBeNull();
  });

  it('keeps both versions of a binary both sides changed, and a file one side deleted and the other changed', async () => {
    const bin = (x: number) => Buffer.from([0, 1, 2, x, 0, 255]).toString('latin1');
    const { dir, theirs } = fork(
      { 'logo.bin': bin(1), 'gone.md': 'keep me\n' },
      (d) => {
        fs.writeFileSync(path.join(d, 'logo.bin'), Buffer.from([0, 1, 2, 7, 0, 255]));
        fs.rmSync(path.join(d, 'gone.md'));
      },
      (d) => {
        fs.writeFileSync(path.join(d, 'logo.bin'), Buffer.from([0, 1, 2, 9, 0, 255]));
        writeFiles(d, { 'gone.md': 'keep me, edited\n' });
      },
    );
    const repo = await side.repo(dir);
    const result = await mergeIntoCurrent(repo, side.db, theirs, 'theirs', side.env);
    expect(result.conflicts.map((c) => [c.path, c.kind])).toEqual([
      ['gone.md', 'modify-delete'],
      ['logo.bin', 'binary'],
    ]);
    expect([...fs.readFileSync(path.join(dir, 'logo.bin'))]).toEqual([0, 1, 2, 7, 0, 255]);
    expect(read(dir, 'gone.md')).toBe('keep me, edited\n');
    const binary = result.conflicts.find((c) => c.kind === 'binary');
    expect(git(dir, 'cat-file', '-p', binary?.theirsOid as string)).toBe(
      Buffer.from([0, 1, 2, 9, 0, 255]).toString(),
    );
    await expect(resolveConflict(repo, side.db, 'logo.bin', 'both')).rejects.toThrow(/binary/);
    await resolveConflict(repo, side.db, 'logo.bin', 'theirs');
    await resolveConflict(repo, side.db, 'gone.md', 'ours');
    await commitChanges(repo, side.db, { message: 'merged', env: side.env });
    expect([...fs.readFileSync(path.join(dir, 'logo.bin'))]).toEqual([0, 1, 2, 9, 0, 255]);
    expect(fs.existsSync(path.join(dir, 'gone.md'))).toBe(false);
    fsck(dir);
  });

  it('keeps a file and a folder of the same name, renaming the file aside', async () => {
    const { dir, theirs } = fork(
      { 'keep.md': 'k\n' },
      (d) => writeFiles(d, { notes: 'a file\n' }),
      (d) => writeFiles(d, { 'notes/one.md': 'in a folder\n' }),
    );
    const repo = await side.repo(dir);
    const result = await mergeIntoCurrent(repo, side.db, theirs, 'theirs', side.env);
    expect(result.conflicts.map((c) => [c.path, c.kind])).toEqual([
      ['notes~ours', 'file-directory'],
    ]);
    expect(read(dir, 'notes~ours')).toBe('a file\n');
    expect(read(dir, 'notes/one.md')).toBe('in a folder\n');
    await resolveConflict(repo, side.db, 'notes~ours', 'ours');
    await commitChanges(repo, side.db, { message: 'merged', env: side.env });
    fsck(dir);
  });

  it('refuses a criss-cross merge (several merge bases) with a clear error, touching nothing', async () => {
    const dir = seedRepo(path.join(base, 'criss'), { 'a.md': '1\n', 'b.md': '1\n' });
    git(dir, 'checkout', '--quiet', '-b', 'other');
    writeFiles(dir, { 'b.md': '2\n' });
    const o1 = commitAll(dir, 'o1');
    git(dir, 'checkout', '--quiet', 'main');
    writeFiles(dir, { 'a.md': '2\n' });
    const m1 = commitAll(dir, 'm1');
    git(dir, 'merge', '--quiet', '--no-edit', o1);
    git(dir, 'checkout', '--quiet', 'other');
    git(dir, 'merge', '--quiet', '--no-edit', m1);
    writeFiles(dir, { 'c.md': 'other\n' });
    const theirs = commitAll(dir, 'o2');
    git(dir, 'checkout', '--quiet', 'main');
    writeFiles(dir, { 'd.md': 'main\n' });
    const head = commitAll(dir, 'm2');
    fs.writeFileSync(path.join(dir, 'untracked.md'), 'mine\n');
    const before = git(dir, 'status', '--porcelain');
    const repo = await side.repo(dir);
    await expect(mergeIntoCurrent(repo, side.db, theirs, 'other', side.env)).rejects.toThrow(
      /2 merge bases .*criss-cross.*Nothing was changed/,
    );
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe(before);
    expect(fs.existsSync(path.join(dir, '.git/MERGE_HEAD'))).toBe(false);
    expect(loadMergeState(side.db, repo)).toBeNull();
  });

  it('refuses to merge over uncommitted changes or an untracked file in the way, writing nothing', async () => {
    const { dir, theirs } = fork(
      { 'a.md': 'a\n' },
      (d) => writeFiles(d, { 'b.md': 'b\n' }),
      (d) => writeFiles(d, { 'a.md': 'a2\n', 'new.md': 'theirs\n' }),
    );
    const repo = await side.repo(dir);
    fs.appendFileSync(path.join(dir, 'a.md'), 'local edit\n');
    await expect(mergeIntoCurrent(repo, side.db, theirs, 'theirs', side.env)).rejects.toThrow(
      /uncommitted changes \(a\.md\)/,
    );
    expect(read(dir, 'a.md')).toBe('a\nlocal edit\n');
    git(dir, 'checkout', '--', 'a.md');
    fs.writeFileSync(path.join(dir, 'new.md'), 'my own\n');
    await expect(mergeIntoCurrent(repo, side.db, theirs, 'theirs', side.env)).rejects.toThrow(
      /would overwrite a local change to new\.md/,
    );
    expect(read(dir, 'new.md')).toBe('my own\n');
    expect(read(dir, 'a.md')).toBe('a\n');
    expect(loadMergeState(side.db, repo)).toBeNull();
  });
});
