// `repo.status`: where the workspace stands in git. One statusMatrix walk with the repository's
// shared cache (isomorphic-git re-hashes only files whose stat changed), plus refs.
import type { Database } from 'better-sqlite3';
import type { RepoStatus } from '../../ipc/contract/repo.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { countDivergence } from './divergence.ts';
import { clearMergeState, foreignMergeHead, loadMergeState } from './merge-state.ts';
import { readCredential, remoteUrl, REMOTE, resolveOrNull, upstreamRef } from './remote.ts';
import { fs, git, headState, isShallow, locateRepository, type Repo } from './repository.ts';

type Change = RepoStatus['changes'][number];

export function describeRow(
  file: string,
  head: number,
  workdir: number,
  stage: number,
): Change | null {
  if (head === 1 && workdir === 1 && stage === 1) return null;
  if (head === 0 && workdir === 0 && stage === 0) return null;
  if (head === 0 && workdir === 2 && stage === 0)
    return { path: file, state: 'untracked', staged: false };
  // `staged`: the index differs from HEAD for this file.
  if (head === 0) return { path: file, state: 'added', staged: stage !== 0 };
  if (workdir === 0) return { path: file, state: 'deleted', staged: stage !== 1 };
  return { path: file, state: 'modified', staged: stage !== 1 };
}

export async function changedFiles(repo: Repo): Promise<Change[]> {
  const rows = await git.statusMatrix({
    fs,
    dir: repo.dir,
    gitdir: repo.gitdir,
    cache: repo.cache,
  });
  const out: Change[] = [];
  for (const [file, head, workdir, stage] of rows) {
    const change = describeRow(file, head, workdir, stage);
    if (change) out.push(change);
  }
  return out;
}

export async function repoStatus(
  root: string,
  db: Database,
  secrets: SecretStore,
): Promise<RepoStatus> {
  const started = performance.now();
  const tokenStorage = { kind: secrets.kind, warning: secrets.warning };
  const repo = await locateRepository(root);
  if (!repo) {
    return {
      root,
      isRepository: false,
      canInitialize: true,
      repositoryRoot: null,
      branch: null,
      detached: false,
      head: null,
      shallow: false,
      remote: null,
      upstream: null,
      changes: [],
      merge: null,
      tokenStorage,
      elapsedMs: performance.now() - started,
    };
  }
  const head = await headState(repo);
  const remote = await remoteUrl(repo).catch(() => null);
  let upstream: RepoStatus['upstream'] = null;
  if (head.branch && remote) {
    const ref = await upstreamRef(repo, head.branch);
    const oid = await resolveOrNull(repo, ref);
    if (oid) {
      const { ahead, behind } = await countDivergence(repo, head.oid, oid);
      upstream = { ref: ref.replace('refs/remotes/', ''), ahead, behind };
    }
  }
  let state = loadMergeState(db, repo);
  if (state && head.oid !== state.oursOid) {
    // The branch moved on without Cairn (git finished or dropped the merge): nothing to resolve.
    clearMergeState(db, repo);
    state = null;
  }
  const foreign = foreignMergeHead(repo, state);
  return {
    root,
    isRepository: true,
    canInitialize: false,
    repositoryRoot: repo.dir,
    branch: head.branch,
    detached: head.branch === null,
    head: head.oid,
    shallow: isShallow(repo),
    remote: remote
      ? { name: REMOTE, url: remote.url, hasToken: readCredential(secrets, remote.origin) !== null }
      : null,
    upstream,
    changes: await changedFiles(repo),
    merge: state
      ? {
          theirs: state.theirsOid,
          theirsLabel: state.theirsLabel,
          startedByCairn: true,
          conflicts: state.conflicts.map((c) => ({
            path: c.path,
            kind: c.kind,
            resolved: c.resolution !== null,
            resolution: c.resolution,
          })),
        }
      : foreign && /^[0-9a-f]{40}$/.test(foreign)
        ? {
            theirs: foreign,
            theirsLabel: foreign.slice(0, 8),
            startedByCairn: false,
            conflicts: [],
          }
        : null,
    tokenStorage,
    elapsedMs: performance.now() - started,
  };
}
