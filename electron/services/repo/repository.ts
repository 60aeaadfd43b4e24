// Finding and opening the git repository behind a workspace folder, with isomorphic-git on
// Node's fs. Cairn never runs a git binary.
import nodeFs from 'node:fs';
import path from 'node:path';
import * as git from 'isomorphic-git';
import { CairnFailure } from '../../ipc/failure.ts';

export interface Repo {
  /** The working tree root. */
  dir: string;
  gitdir: string;
  /** The workspace folder relative to `dir`, with a trailing slash, or '' when it is the root. */
  prefix: string;
  /** isomorphic-git's object cache, shared by every call on this repository. */
  cache: object;
}

/**
 * Node's fs as isomorphic-git wants it. isomorphic-git wraps the fs it is given on every call
 * and probes it by calling `readFile()` with no arguments, twice; Node's readFile answers that
 * by building and throwing an error, which made that probe a large share of small reads (a
 * history index is many small reads). This readFile answers the probe with a resolved promise.
 */
const readFile = nodeFs.promises.readFile as (...args: unknown[]) => Promise<unknown>;
const promises = {
  ...nodeFs.promises,
  readFile: (...args: unknown[]) =>
    args.length === 0 ? Promise.resolve(undefined) : readFile(...args),
};
const fs = { ...nodeFs, promises } as unknown as typeof nodeFs;

export { fs, git };

const caches = new Map<string, object>();

/** One cache per repository for the life of the process: status and walks reuse parsed packs. */
export function cacheFor(gitdir: string): object {
  let cache = caches.get(gitdir);
  if (!cache) {
    cache = {};
    caches.set(gitdir, cache);
  }
  return cache;
}

/** Drops the cached pack indexes of a repository (after another program rewrote its packs). */
export function forgetCache(gitdir: string): void {
  caches.delete(gitdir);
}

/** The repository that holds `folder`, or null when it is not in one. */
export async function locateRepository(folder: string): Promise<Repo | null> {
  const resolved = fs.realpathSync(path.resolve(folder));
  let dir: string;
  try {
    dir = await git.findRoot({ fs, filepath: resolved });
  } catch {
    return null;
  }
  dir = fs.realpathSync(dir);
  let gitdir = path.join(dir, '.git');
  if (fs.statSync(gitdir).isFile()) {
    // A linked worktree or submodule: `.git` is a file naming the real git directory.
    const match = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(gitdir, 'utf8'));
    if (!match?.[1]) return null;
    gitdir = path.resolve(dir, match[1]);
  }
  const rel = path.relative(dir, resolved).split(path.sep).join('/');
  return { dir, gitdir, prefix: rel ? `${rel}/` : '', cache: cacheFor(gitdir) };
}

export async function requireRepository(folder: string): Promise<Repo> {
  const repo = await locateRepository(folder);
  if (!repo) {
    throw new CairnFailure(
      'not_a_repository',
      `${folder} is not in a git repository, so Cairn cannot commit, sync or track drift there. ` +
        'Initialise one (Cairn can do it for you), or open a folder you cloned.',
    );
  }
  return repo;
}

/** Makes `folder` a repository (branch `main`), unless it already is one. */
export async function initRepository(folder: string, defaultBranch = 'main'): Promise<Repo> {
  const existing = await locateRepository(folder);
  if (existing && existing.prefix === '') return existing;
  await git.init({ fs, dir: folder, defaultBranch });
  return (await locateRepository(folder)) as Repo;
}

export interface HeadState {
  /** The current branch, or null when HEAD is detached. */
  branch: string | null;
  /** The commit HEAD points at, or null in a repository with no commits yet. */
  oid: string | null;
}

export async function headState(repo: Repo): Promise<HeadState> {
  const branch = (await git.currentBranch({ fs, gitdir: repo.gitdir, test: false })) ?? null;
  let oid: string | null = null;
  try {
    oid = await git.resolveRef({ fs, gitdir: repo.gitdir, ref: 'HEAD' });
  } catch {
    oid = null;
  }
  return { branch, oid };
}

/** Whether the repository is a shallow clone (its history stops at a grafted commit). */
export function isShallow(repo: Repo): boolean {
  return fs.existsSync(path.join(repo.gitdir, 'shallow'));
}

export async function requireBranch(
  repo: Repo,
  action: string,
): Promise<HeadState & { branch: string }> {
  const head = await headState(repo);
  if (head.branch === null) {
    throw new CairnFailure(
      'conflict',
      `HEAD is detached at ${head.oid?.slice(0, 8) ?? '(nothing)'}, so Cairn cannot ${action}: ` +
        'commits made here belong to no branch and are easily lost. Switch to a branch, or create one here, first.',
    );
  }
  return head as HeadState & { branch: string };
}

/**
 * Resolves a revision: a ref (branch, tag, remote branch, HEAD), a full or abbreviated commit
 * ID, optionally followed by `~N` (N-th first parent) and `^N` (N-th parent) steps.
 */
export async function resolveRevision(repo: Repo, rev: string): Promise<string> {
  const match = /^(.*?)((?:[~^]\d*)*)$/.exec(rev.trim());
  const name = match?.[1] ?? '';
  const steps = match?.[2] ?? '';
  const unknown = () =>
    new CairnFailure(
      'not_found',
      `Unknown revision '${rev}' in ${repo.dir}: give a branch, tag or commit (optionally with ~N or ^N).`,
    );
  if (!name) throw unknown();
  let oid: string;
  try {
    oid = await git.resolveRef({ fs, gitdir: repo.gitdir, ref: name });
  } catch {
    if (!/^[0-9a-f]{4,40}$/i.test(name)) throw unknown();
    try {
      oid = await git.expandOid({
        fs,
        gitdir: repo.gitdir,
        oid: name.toLowerCase(),
        cache: repo.cache,
      });
    } catch {
      throw unknown();
    }
  }
  for (const step of steps.match(/[~^]\d*/g) ?? []) {
    const n = step.length > 1 ? Number(step.slice(1)) : 1;
    const hops = step[0] === '~' ? n : 1;
    const parentIndex = step[0] === '^' ? n - 1 : 0;
    for (let i = 0; i < hops; i++) {
      if (step[0] === '^' && n === 0) break;
      const { commit } = await git.readCommit({ fs, gitdir: repo.gitdir, oid, cache: repo.cache });
      const next = commit.parent[parentIndex];
      if (!next)
        throw new CairnFailure('not_found', `'${rev}' goes past the first commit of ${repo.dir}.`);
      oid = next;
    }
  }
  return oid;
}
