// `repo.commit`: stages every change (or the given paths) and commits it with the user's
// identity. Refuses, with the reason, on a detached HEAD, with conflicts unresolved, with
// nothing to commit, or with a file too large for git (Cairn keeps whole objects in memory).
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { CairnFailure } from '../../ipc/failure.ts';
import { requireIdentity } from './identity.ts';
import { clearMergeState, loadMergeState } from './merge-state.ts';
import { fs, git, requireBranch, type Repo } from './repository.ts';
import { describeRow } from './status.ts';

/** Files above this size are refused: git (and isomorphic-git) hold whole objects in memory. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface CommitOptions {
  message: string;
  paths?: readonly string[];
  maxFileBytes?: number;
  env?: NodeJS.ProcessEnv;
}

export async function commitChanges(
  repo: Repo,
  db: Database,
  options: CommitOptions,
): Promise<{ oid: string; files: number; mergeCommit: boolean }> {
  const head = await requireBranch(repo, 'commit');
  const identity = await requireIdentity(repo, db, options.env);
  const merge = loadMergeState(db, repo);
  if (merge) {
    const open = merge.conflicts.filter((c) => !c.resolution).map((c) => c.path);
    if (open.length > 0) {
      throw new CairnFailure(
        'conflict',
        `Cannot commit yet: ${open.length} conflict${open.length === 1 ? ' is' : 's are'} unresolved (${open.slice(0, 5).join(', ')}). Resolve ${open.length === 1 ? 'it' : 'them'} first; both sides are kept until you do.`,
      );
    }
    if (head.oid !== merge.oursOid) {
      clearMergeState(db, repo);
      throw new CairnFailure(
        'conflict',
        `The branch ${head.branch} moved while a merge was in progress (outside Cairn). The merge was dropped; sync again to redo it.`,
      );
    }
  }
  const wanted = options.paths ? new Set(options.paths.map((p) => p.replace(/\\/g, '/'))) : null;
  const inScope = (file: string) =>
    !wanted || wanted.has(file) || [...wanted].some((w) => file.startsWith(w.replace(/\/?$/, '/')));
  const rows = await git.statusMatrix({
    fs,
    dir: repo.dir,
    gitdir: repo.gitdir,
    cache: repo.cache,
  });
  const toAdd: string[] = [];
  const toRemove: string[] = [];
  let staged = 0;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const tooBig: string[] = [];
  for (const [file, h, w, s] of rows) {
    const change = describeRow(file, h, w, s);
    if (!change) continue;
    if (!inScope(file)) {
      if (change.staged) staged++;
      continue;
    }
    if (w === 0) toRemove.push(file);
    else {
      const size = fs.statSync(path.join(repo.dir, file)).size;
      if (size > maxBytes) tooBig.push(`${file} (${(size / 1024 / 1024).toFixed(1)} MiB)`);
      toAdd.push(file);
    }
  }
  if (tooBig.length > 0) {
    throw new CairnFailure(
      'invalid_input',
      `Cannot commit ${tooBig.join(', ')}: files over ${(maxBytes / 1024 / 1024).toFixed(0)} MiB do not belong in a spec repository (every clone keeps every version). ` +
        'Add them to .gitignore, or store them with Git LFS from the command line. Nothing was committed.',
    );
  }
  if (toAdd.length + toRemove.length + staged === 0 && !merge) {
    throw new CairnFailure(
      'invalid_input',
      'Nothing to commit: no file changed since the last commit.',
    );
  }
  if (toAdd.length > 0) {
    await git.add({ fs, dir: repo.dir, gitdir: repo.gitdir, filepath: toAdd, cache: repo.cache });
  }
  for (const file of toRemove) {
    await git.remove({ fs, dir: repo.dir, gitdir: repo.gitdir, filepath: file, cache: repo.cache });
  }
  const now = Math.floor(Date.now() / 1000);
  const who = { ...identity, timestamp: now, timezoneOffset: new Date().getTimezoneOffset() };
  const oid = await git.commit({
    fs,
    dir: repo.dir,
    gitdir: repo.gitdir,
    message: options.message.endsWith('\n') ? options.message : options.message + '\n',
    author: who,
    committer: who,
    cache: repo.cache,
    ...(merge ? { parent: [merge.oursOid, merge.theirsOid] } : {}),
  });
  if (merge) clearMergeState(db, repo);
  return { oid, files: toAdd.length + toRemove.length + staged, mergeCommit: merge !== null };
}
