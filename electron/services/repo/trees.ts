// Reading trees and comparing them, object by object, skipping every subtree both sides share:
// the cost follows what changed, not the size of the repository.
import { fs, git, type Repo } from './repository.ts';

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export interface Entry {
  mode: string;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
}

export interface BlobChange {
  path: string;
  before: Entry | null;
  after: Entry | null;
}

// Parsed trees by object ID, least recently used first out. Trees never change, so a hit is
// always right; walking history reads the same unchanged subtrees commit after commit. The
// budget counts entries, not trees: a folder of thousands of files weighs what it holds.
const TREE_MEMO_ENTRIES = 400_000;
const treeMemo = new Map<string, Map<string, Entry>>();
let memoEntries = 0;

export async function readTreeEntries(repo: Repo, oid: string): Promise<Map<string, Entry>> {
  const hit = treeMemo.get(oid);
  if (hit) {
    treeMemo.delete(oid);
    treeMemo.set(oid, hit);
    return hit;
  }
  const { tree } = await git.readTree({ fs, gitdir: repo.gitdir, oid, cache: repo.cache });
  const map = new Map<string, Entry>();
  for (const e of tree) map.set(e.path, { mode: e.mode, oid: e.oid, type: e.type });
  treeMemo.set(oid, map);
  memoEntries += map.size + 1;
  while (memoEntries > TREE_MEMO_ENTRIES && treeMemo.size > 1) {
    const [oldest, entries] = treeMemo.entries().next().value as [string, Map<string, Entry>];
    treeMemo.delete(oldest);
    memoEntries -= entries.size + 1;
  }
  return map;
}

export async function commitTree(repo: Repo, commitOid: string): Promise<string> {
  const { commit } = await git.readCommit({
    fs,
    gitdir: repo.gitdir,
    oid: commitOid,
    cache: repo.cache,
  });
  return commit.tree;
}

/** Blob-level differences between two trees (null = the empty tree). Submodules are skipped. */
export async function diffTrees(
  repo: Repo,
  before: string | null,
  after: string | null,
  prefix = '',
  out: BlobChange[] = [],
): Promise<BlobChange[]> {
  if (before === after) return out;
  const a = before ? await readTreeEntries(repo, before) : new Map<string, Entry>();
  const b = after ? await readTreeEntries(repo, after) : new Map<string, Entry>();
  const names = new Set([...a.keys(), ...b.keys()]);
  for (const name of [...names].sort()) {
    const x = a.get(name) ?? null;
    const y = b.get(name) ?? null;
    if (x && y && x.oid === y.oid && x.mode === y.mode) continue;
    const path = prefix + name;
    const xTree = x?.type === 'tree' ? x.oid : null;
    const yTree = y?.type === 'tree' ? y.oid : null;
    if (xTree || yTree) await diffTrees(repo, xTree, yTree, path + '/', out);
    const xBlob = x?.type === 'blob' ? x : null;
    const yBlob = y?.type === 'blob' ? y : null;
    if (xBlob || yBlob) out.push({ path, before: xBlob, after: yBlob });
  }
  return out;
}

/** Every blob of a tree, as path -> entry. */
export async function listTree(
  repo: Repo,
  tree: string,
  prefix = '',
  out = new Map<string, Entry>(),
): Promise<Map<string, Entry>> {
  for (const [name, entry] of await readTreeEntries(repo, tree)) {
    if (entry.type === 'tree') await listTree(repo, entry.oid, `${prefix}${name}/`, out);
    else if (entry.type === 'blob') out.set(prefix + name, entry);
  }
  return out;
}

export async function readBlobBytes(repo: Repo, oid: string): Promise<Uint8Array> {
  const { blob } = await git.readBlob({ fs, gitdir: repo.gitdir, oid, cache: repo.cache });
  return blob;
}

/** Git's own test: a NUL byte in the first 8000 bytes means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}
