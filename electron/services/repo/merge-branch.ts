// Bringing another commit (the remote branch) into the current branch: up to date, a
// fast-forward, a clean merge commit, or a merge that stops on conflicts and is kept as a
// resolvable state. Every check happens before anything is written: when the merge cannot be
// done (several merge bases, local changes in the way) the branch, the index and the files are
// exactly as they were.
import type { Database } from 'better-sqlite3';
import { CairnFailure } from '../../ipc/failure.ts';
import { applyTree, checkTouchable } from './apply-tree.ts';
import { requireIdentity } from './identity.ts';
import { clearMergeState, loadMergeState, saveMergeState } from './merge-state.ts';
import { mergeTrees, type ConflictRecord } from './merge-trees.ts';
import { fs, git, requireBranch, type Repo } from './repository.ts';
import { commitTree, diffTrees } from './trees.ts';

export interface MergeOutcome {
  outcome: 'up-to-date' | 'ahead' | 'fast-forward' | 'merged' | 'conflicts';
  head: string | null;
  conflicts: ConflictRecord[];
  merged: string[];
}

/** Refuses when a merge is waiting or tracked files have uncommitted changes. */
export async function requireReadyToMerge(repo: Repo, db: Database, action: string) {
  const pending = loadMergeState(db, repo);
  if (pending) {
    const open = pending.conflicts.filter((c) => !c.resolution).map((c) => c.path);
    throw new CairnFailure(
      'conflict',
      open.length > 0
        ? `Cannot ${action}: a merge is waiting for ${open.length} conflict${open.length === 1 ? '' : 's'} to be resolved (${open.slice(0, 5).join(', ')}). Resolve them, or abort the merge.`
        : `Cannot ${action}: the merge with ${pending.theirsLabel} is resolved but not committed yet. Commit it first.`,
    );
  }
  const rows = await git.statusMatrix({
    fs,
    dir: repo.dir,
    gitdir: repo.gitdir,
    cache: repo.cache,
  });
  const dirty = rows
    .filter(
      ([, head, workdir, stage]) =>
        !(head === workdir && workdir === stage) && !(head === 0 && workdir === 2 && stage === 0),
    )
    .map(([file]) => file);
  if (dirty.length > 0) {
    throw new CairnFailure(
      'conflict',
      `Cannot ${action}: ${dirty.length} file${dirty.length === 1 ? ' has' : 's have'} uncommitted changes (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}). Commit them first; Cairn merges commits, never loose edits.`,
    );
  }
}

export async function mergeIntoCurrent(
  repo: Repo,
  db: Database,
  theirs: string,
  theirsLabel: string,
  env?: NodeJS.ProcessEnv,
  options: { checked?: boolean } = {},
): Promise<MergeOutcome> {
  const head = await requireBranch(repo, `merge ${theirsLabel}`);
  if (!options.checked) await requireReadyToMerge(repo, db, `merge ${theirsLabel}`);
  const ours = head.oid;
  const none = { conflicts: [], merged: [] };
  if (ours === theirs) return { outcome: 'up-to-date', head: ours, ...none };
  const theirsTree = await commitTree(repo, theirs);
  if (!ours) {
    // Nothing committed here yet: take theirs as it is.
    await checkOutAndMove(repo, head.branch, null, theirsTree, theirs, {
      headCommit: null,
      action: `merge ${theirsLabel}`,
    });
    return { outcome: 'fast-forward', head: theirs, ...none };
  }
  const bases = await git.findMergeBase({
    fs,
    gitdir: repo.gitdir,
    oids: [ours, theirs],
    cache: repo.cache,
  });
  if (bases.length > 1) {
    throw new CairnFailure(
      'unsupported',
      `Cannot merge ${theirsLabel} into ${head.branch}: the two histories have ${bases.length} merge bases ` +
        `(${bases.map((b: string) => b.slice(0, 8)).join(', ')}), a criss-cross that Cairn cannot merge yet. ` +
        'Nothing was changed: your commits and files are as they were. Merge with git on the command line (git merge), then sync again.',
    );
  }
  const base = (bases[0] as string | undefined) ?? null;
  if (base === theirs) return { outcome: 'ahead', head: ours, ...none };
  const oursTree = await commitTree(repo, ours);
  if (base === ours) {
    await checkOutAndMove(repo, head.branch, oursTree, theirsTree, theirs, {
      headCommit: ours,
      action: `fast-forward to ${theirsLabel}`,
    });
    return { outcome: 'fast-forward', head: theirs, ...none };
  }
  const identity = await requireIdentity(repo, db, env);
  const baseTree = base ? await commitTree(repo, base) : null;
  const labels = { ours: head.branch, theirs: theirsLabel };
  const result = await mergeTrees(repo, baseTree, oursTree, theirsTree, labels);
  const message = `Merge ${theirsLabel} into ${head.branch}`;
  if (result.conflicts.length === 0) {
    const now = Math.floor(Date.now() / 1000);
    const who = { ...identity, timestamp: now, timezoneOffset: new Date().getTimezoneOffset() };
    const commit = await git.writeCommit({
      fs,
      gitdir: repo.gitdir,
      commit: {
        message: message + '\n',
        tree: result.tree,
        parent: [ours, theirs],
        author: who,
        committer: who,
      },
    });
    // Files first, then the branch: if anything fails in between, the new files show as
    // local changes on top of our commit, and nothing is lost.
    await checkOutAndMove(repo, head.branch, oursTree, result.tree, commit, {
      headCommit: ours,
      action: `merge ${theirsLabel}`,
    });
    return { outcome: 'merged', head: commit, conflicts: [], merged: result.merged };
  }
  // Conflicts: check first, record the state, then write the files.
  // Conflicted text stays out of the index until resolved; a file renamed aside (file against
  // folder) is staged with the rest, so the index always describes a valid tree.
  const conflicted = new Set(
    result.conflicts.filter((c) => c.kind !== 'file-directory').map((c) => c.path),
  );
  const changes = await diffTrees(repo, oursTree, result.tree);
  await checkTouchable(repo, changes, { headCommit: ours, action: `merge ${theirsLabel}` });
  saveMergeState(db, repo, {
    branch: head.branch,
    oursOid: ours,
    theirsOid: theirs,
    theirsLabel,
    baseOid: base,
    mergedTree: result.tree,
    message,
    conflicts: result.conflicts,
  });
  try {
    await applyTree(repo, oursTree, result.tree, {
      headCommit: ours,
      unstaged: conflicted,
      action: `merge ${theirsLabel}`,
    });
  } catch (error) {
    clearMergeState(db, repo);
    throw error;
  }
  return { outcome: 'conflicts', head: ours, conflicts: result.conflicts, merged: result.merged };
}

/** Writes the files of `to` over those of `from`, then points the branch at `commit`. */
async function checkOutAndMove(
  repo: Repo,
  branch: string,
  from: Parameters<typeof applyTree>[1],
  to: Parameters<typeof applyTree>[2],
  commit: string,
  options: Parameters<typeof applyTree>[3],
): Promise<void> {
  await applyTree(repo, from, to, options);
  await git.writeRef({
    fs,
    gitdir: repo.gitdir,
    ref: `refs/heads/${branch}`,
    value: commit,
    force: true,
  });
}
