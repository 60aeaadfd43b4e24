// Pull, push and sync. Offline is a normal state, not an error: sync keeps the commits local,
// says how many wait, and sends them next time.
import type { Database } from 'better-sqlite3';
import { CairnFailure } from '../../ipc/failure.ts';
import { countDivergence } from './divergence.ts';
import { mergeIntoCurrent, requireReadyToMerge } from './merge-branch.ts';
import {
  fetchRemote,
  pushBranch,
  REMOTE,
  requireRemote,
  resolveOrNull,
  upstreamRef,
  type RemoteDeps,
} from './remote.ts';
import { requireBranch, type Repo } from './repository.ts';

export interface SyncDeps extends RemoteDeps {
  db: Database;
  env?: NodeJS.ProcessEnv;
}

export async function pull(repo: Repo, deps: SyncDeps) {
  const head = await requireBranch(repo, 'pull');
  await requireRemote(repo);
  await requireReadyToMerge(repo, deps.db, 'pull');
  await fetchRemote(repo, deps);
  return mergeUpstream(repo, deps, head.branch);
}

/** Merges the fetched upstream of `branch`; the caller has checked the tree is ready. */
async function mergeUpstream(repo: Repo, deps: SyncDeps, branch: string) {
  const ref = await upstreamRef(repo, branch);
  const theirs = await resolveOrNull(repo, ref);
  if (!theirs) {
    const head = await resolveOrNull(repo, 'HEAD');
    return { outcome: 'no-remote-branch' as const, head, conflicts: [], merged: [] };
  }
  const result = await mergeIntoCurrent(
    repo,
    deps.db,
    theirs,
    ref.replace('refs/remotes/', ''),
    deps.env,
    { checked: true },
  );
  return {
    outcome: result.outcome,
    head: result.head,
    conflicts: result.conflicts.map((c) => ({
      path: c.path,
      kind: c.kind,
      resolved: false,
      resolution: null,
    })),
    merged: result.merged,
  };
}

export async function push(repo: Repo, deps: SyncDeps) {
  const head = await requireBranch(repo, 'push');
  if (!head.oid) throw new CairnFailure('invalid_input', 'Nothing to push: make a first commit.');
  await requireReadyToMerge(repo, deps.db, 'push').catch((error: unknown) => {
    // Uncommitted edits do not stop a push of what is committed; a pending merge does.
    if (error instanceof CairnFailure && /merge/.test(error.message)) throw error;
  });
  await pushBranch(repo, deps, head.branch);
  return { pushed: true, branch: head.branch, head: head.oid };
}

/** Pull, then push what is ahead. Offline (no connection) it reports and keeps everything. */
export async function sync(repo: Repo, deps: SyncDeps) {
  const head = await requireBranch(repo, 'sync');
  await requireRemote(repo);
  await requireReadyToMerge(repo, deps.db, 'sync');
  const status = async () => {
    const now = await requireBranch(repo, 'sync');
    const theirs = await resolveOrNull(repo, await upstreamRef(repo, now.branch));
    return { now, ...(await countDivergence(repo, now.oid, theirs)) };
  };
  try {
    await fetchRemote(repo, deps);
  } catch (error) {
    if (error instanceof CairnFailure && error.code === 'network') {
      const { ahead, behind } = await status();
      return {
        outcome: 'offline' as const,
        pull: null,
        pushed: false,
        ahead,
        behind,
        message:
          `Cannot reach ${REMOTE}: ${error.message} ` +
          (ahead > 0
            ? `${ahead} commit${ahead === 1 ? ' waits' : 's wait'} here and will be sent at the next sync.`
            : 'Nothing is waiting to be sent.'),
      };
    }
    throw error;
  }
  const pulled = await mergeUpstream(repo, deps, head.branch);
  if (pulled.outcome === 'conflicts') {
    const { ahead, behind } = await status();
    return {
      outcome: 'conflicts' as const,
      pull: pulled,
      pushed: false,
      ahead,
      behind,
      message: `${pulled.conflicts.length} file${pulled.conflicts.length === 1 ? '' : 's'} changed on both sides in ways Cairn cannot merge alone. Both versions are kept; resolve each, commit, then sync again.`,
    };
  }
  const before = await status();
  let pushed = false;
  if (before.ahead > 0 || pulled.outcome === 'no-remote-branch') {
    try {
      await pushBranch(repo, deps, head.branch);
    } catch (error) {
      // The connection went between fetch and push: what was merged stays, and waits.
      if (!(error instanceof CairnFailure) || error.code !== 'network') throw error;
      return {
        outcome: 'offline' as const,
        pull: pulled,
        pushed: false,
        ahead: before.ahead,
        behind: before.behind,
        message: `${error.message} ${before.ahead} commit${before.ahead === 1 ? ' waits' : 's wait'} here and will be sent at the next sync.`,
      };
    }
    pushed = true;
  }
  // After a merge and a successful push both sides hold the same commit.
  const after = pushed ? { ahead: 0, behind: 0 } : before;
  return {
    outcome:
      pushed || pulled.outcome !== 'up-to-date' ? ('synced' as const) : ('up-to-date' as const),
    pull: pulled,
    pushed,
    ahead: after.ahead,
    behind: after.behind,
    message: pushed
      ? `Sent ${before.ahead || 'all'} commit${before.ahead === 1 ? '' : 's'} to ${REMOTE}.`
      : pulled.outcome === 'up-to-date' || pulled.outcome === 'ahead'
        ? 'Already in sync.'
        : `Brought in the latest from ${REMOTE}.`,
  };
}
