// Sharing review comments: commit the comment files (only those) with the user's identity,
// then sync. Offline the commit still happens, so the comments are safe in the repository, and
// the reply says how many wait for the network. "Waiting" means: the comment file on this
// machine differs from (or is missing in) the upstream branch as last fetched.
import fs from 'node:fs';
import path from 'node:path';
import { COMMENTS_DIR } from '../../../workflows/review/comment-schema.ts';
import { CairnFailure } from '../../ipc/failure.ts';
import { commitChanges } from '../repo/commit.ts';
import { remoteUrl, REMOTE, resolveOrNull, upstreamRef } from '../repo/remote.ts';
import { git, headState, type Repo } from '../repo/repository.ts';
import { changedFiles } from '../repo/status.ts';
import { sync, type SyncDeps } from '../repo/sync.ts';
import { commitTree, listTree } from '../repo/trees.ts';
import { commentFiles } from './comment-store.ts';

export interface CommentSharing {
  /** Comment files not yet on the upstream branch (new or changed here). */
  pending: number;
  hasRemote: boolean;
  /** The upstream branch, as `origin/main`, or null before the first push. */
  upstream: string | null;
}

export async function commentSharing(repo: Repo, root: string): Promise<CommentSharing> {
  const files = commentFiles(root);
  const hasRemote = (await remoteUrl(repo)) !== null;
  const { branch } = await headState(repo);
  const ref = branch ? await upstreamRef(repo, branch) : null;
  const upstreamOid = ref ? await resolveOrNull(repo, ref) : null;
  const shared = new Map<string, string>();
  if (upstreamOid) {
    const folder = `${repo.prefix}${COMMENTS_DIR}/`;
    for (const [file, entry] of await listTree(repo, await commitTree(repo, upstreamOid)))
      if (file.startsWith(folder)) shared.set(file.slice(repo.prefix.length), entry.oid);
  }
  let pending = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(root, file));
    const { oid } = await git.hashBlob({ object: bytes });
    if (shared.get(file) !== oid) pending++;
  }
  return {
    pending,
    hasRemote,
    upstream: upstreamOid && ref ? ref.replace('refs/remotes/', '') : null,
  };
}

export interface ShareResult {
  outcome: 'shared' | 'offline' | 'no-remote' | 'conflicts' | 'blocked';
  /** The commit made for the comments, or null when they were committed already. */
  committed: string | null;
  pending: number;
  /** Whether the remote answered: null when it was not tried. */
  remoteReachable: boolean | null;
  message: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function shareComments(
  repo: Repo,
  root: string,
  deps: SyncDeps,
  options: { online: boolean },
): Promise<ShareResult> {
  const folder = `${repo.prefix}${COMMENTS_DIR}/`;
  const changed = (await changedFiles(repo)).filter((c) => c.path.startsWith(folder));
  let committed: string | null = null;
  if (changed.length > 0) {
    const added = changed.filter((c) => c.state === 'untracked' || c.state === 'added').length;
    const parts = [
      added > 0 ? plural(added, 'new comment', 'new comments') : '',
      changed.length - added > 0 ? plural(changed.length - added, 'update', 'updates') : '',
    ].filter(Boolean);
    const result = await commitChanges(repo, deps.db, {
      message: `Review comments: ${parts.join(', ')}`,
      paths: [`${repo.prefix}${COMMENTS_DIR}`],
      env: deps.env,
    });
    committed = result.oid;
  }
  const waiting = async () => (await commentSharing(repo, root)).pending;
  const saved = committed ? 'Your comments are committed in this repository' : 'Nothing new';
  if (!options.online) {
    const pending = await waiting();
    return {
      outcome: 'offline',
      committed,
      pending,
      remoteReachable: null,
      message: `Offline — ${saved.toLowerCase()}; ${plural(pending, 'comment waits', 'comments wait')} and will be shared when you are back online.`,
    };
  }
  if (!(await remoteUrl(repo))) {
    return {
      outcome: 'no-remote',
      committed,
      pending: await waiting(),
      remoteReachable: null,
      message: `${saved}. This repository has no remote yet, so there is nowhere to share them: add one (its HTTPS address and a token), then share again.`,
    };
  }
  let synced;
  try {
    synced = await sync(repo, deps);
  } catch (error) {
    if (!(error instanceof CairnFailure)) throw error;
    return {
      outcome: 'blocked',
      committed,
      pending: await waiting(),
      remoteReachable: error.code === 'network' ? false : null,
      message: `${saved}, but they could not be sent: ${error.message}`,
    };
  }
  const pending = await waiting();
  if (synced.outcome === 'offline') {
    return {
      outcome: 'offline',
      committed,
      pending,
      remoteReachable: false,
      message: `Could not reach ${REMOTE}. ${saved}; ${plural(pending, 'comment waits', 'comments wait')} and will be shared when you are back online.`,
    };
  }
  if (synced.outcome === 'conflicts') {
    return {
      outcome: 'conflicts',
      committed,
      pending,
      remoteReachable: true,
      message: `${saved}, but the sync stopped: ${synced.message}`,
    };
  }
  return {
    outcome: 'shared',
    committed,
    pending,
    remoteReachable: true,
    message:
      pending === 0
        ? `Shared: every comment is on ${REMOTE} now.`
        : `Synced, but ${plural(pending, 'comment is', 'comments are')} still not on ${REMOTE}.`,
  };
}
