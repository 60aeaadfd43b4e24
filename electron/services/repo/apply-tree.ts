// Moves the working tree and the index from one tree to another (a fast-forward, a merge
// result, an aborted merge). Before writing anything it checks that every file it will touch
// is exactly as committed: a local change or an untracked file in the way stops it, with the
// list of files, and nothing is written. Files are written atomically (temp file + rename).
import path from 'node:path';
import { CairnFailure } from '../../ipc/failure.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { fs, git, type Repo } from './repository.ts';
import { diffTrees, readBlobBytes, type BlobChange } from './trees.ts';

export interface ApplyOptions {
  /** The commit the index and working tree are at now (for the safety check), or null. */
  headCommit: string | null;
  /** Paths to write but leave unstaged (conflicted files with markers). */
  unstaged?: ReadonlySet<string>;
  /** Overwrite local changes on these paths (abort of a merge restores them). */
  overwrite?: ReadonlySet<string>;
  action: string;
}

const STATUS_CLEAN = new Set(['1,1,1', '0,0,0']);

export async function checkTouchable(
  repo: Repo,
  changes: readonly BlobChange[],
  options: ApplyOptions,
): Promise<void> {
  if (changes.length === 0) return;
  const touched = new Set(changes.map((c) => c.path));
  const blocked: string[] = [];
  if (options.headCommit) {
    const rows = await git.statusMatrix({
      fs,
      dir: repo.dir,
      gitdir: repo.gitdir,
      ref: options.headCommit,
      cache: repo.cache,
      filter: (f) => touched.has(f),
    });
    for (const [file, head, workdir, stage] of rows) {
      if (options.overwrite?.has(file)) continue;
      if (!STATUS_CLEAN.has(`${head},${workdir},${stage}`)) blocked.push(file);
    }
  } else {
    for (const change of changes) {
      if (fs.existsSync(path.join(repo.dir, change.path))) blocked.push(change.path);
    }
  }
  // A folder where a file must go (or a file where a folder must go) is in the way too.
  for (const change of changes) {
    if (!change.after) continue;
    const parts = change.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      const full = path.join(repo.dir, parent);
      if (fs.existsSync(full) && !fs.statSync(full).isDirectory() && !touched.has(parent))
        blocked.push(parent);
    }
  }
  if (blocked.length > 0) {
    const list = [...new Set(blocked)].sort();
    throw new CairnFailure(
      'conflict',
      `Cannot ${options.action}: it would overwrite ${list.length === 1 ? 'a local change to' : 'local changes to'} ` +
        `${list.slice(0, 8).join(', ')}${list.length > 8 ? ` and ${list.length - 8} more` : ''}. ` +
        'Commit those changes (or move untracked files away), then try again. Nothing was changed.',
    );
  }
}

function removeEmptyParents(root: string, rel: string): void {
  let dir = path.dirname(rel);
  while (dir !== '.' && dir !== '') {
    const full = path.join(root, dir);
    try {
      if (fs.readdirSync(full).length > 0) return;
      fs.rmdirSync(full);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}

/** Writes one blob into the working tree (regular, executable or symlink). */
export async function writeWorktreeFile(repo: Repo, rel: string, oid: string, mode: string) {
  const full = path.join(repo.dir, rel);
  const bytes = await readBlobBytes(repo, oid);
  const stat = fs.lstatSync(full, { throwIfNoEntry: false });
  if (stat?.isDirectory()) fs.rmSync(full, { recursive: true });
  if (mode === '120000') {
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.rmSync(full, { force: true });
    fs.symlinkSync(Buffer.from(bytes).toString('utf8'), full);
    return;
  }
  writeFileAtomic(full, bytes, { mode: mode === '100755' ? 0o755 : 0o644 });
}

/** Applies the change from tree `from` to tree `to`; returns the paths it wrote or deleted. */
export async function applyTree(
  repo: Repo,
  from: string | null,
  to: string,
  options: ApplyOptions,
): Promise<BlobChange[]> {
  const changes = await diffTrees(repo, from, to);
  await checkTouchable(repo, changes, options);
  await writeChanges(repo, changes, options.unstaged);
  return changes;
}

export async function writeChanges(
  repo: Repo,
  changes: readonly BlobChange[],
  unstaged: ReadonlySet<string> = new Set(),
): Promise<void> {
  // Deletions first: a file may give way to a folder of the same name.
  for (const change of changes) {
    if (change.after) continue;
    fs.rmSync(path.join(repo.dir, change.path), { force: true });
    removeEmptyParents(repo.dir, change.path);
  }
  for (const change of changes) {
    if (change.after)
      await writeWorktreeFile(repo, change.path, change.after.oid, change.after.mode);
  }
  const staged = changes.filter((c) => !unstaged.has(c.path));
  const added = staged.filter((c) => c.after).map((c) => c.path);
  if (added.length > 0) {
    await git.add({
      fs,
      dir: repo.dir,
      gitdir: repo.gitdir,
      filepath: added,
      cache: repo.cache,
      force: true,
    });
  }
  for (const change of staged) {
    if (!change.after)
      await git.remove({
        fs,
        dir: repo.dir,
        gitdir: repo.gitdir,
        filepath: change.path,
        cache: repo.cache,
      });
  }
}
