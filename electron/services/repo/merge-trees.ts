// Three-way merge of trees, done on git objects without touching the working tree. Text files
// both sides changed go through Cairn's merge drivers (workflows/merge/): the Markdown-aware
// one for specs, a line merge for the rest. Nothing is ever dropped: a conflict keeps both
// sides (marker text in the file, and the blob IDs of base, ours and theirs in the conflict
// record); a binary both sides changed keeps ours in place and theirs in the record; a file
// against a folder keeps both, the file renamed `name~ours` or `name~theirs`.
//
// Why not isomorphic-git's merge(): with abortOnConflict: false it leaves the index stale for
// files only the other side changed, and it throws on add/add of a file against a folder.
import type { ConflictLabels } from '../../../workflows/merge/conflict-markers.ts';
import { mergeMarkdown, mergeText } from '../../../workflows/merge/merge-text.ts';
import { mergeBaselineText } from '../../../workflows/drift/baseline.ts';
import { fs, git, type Repo } from './repository.ts';
import { looksBinary, readBlobBytes, readTreeEntries, type Entry } from './trees.ts';

export type ConflictKind = 'content' | 'binary' | 'modify-delete' | 'file-directory';

export interface ConflictRecord {
  path: string;
  kind: ConflictKind;
  baseOid: string | null;
  oursOid: string | null;
  theirsOid: string | null;
  /** The blob written to the working tree (marker text, or the side kept in place). */
  mergedOid: string | null;
}

export interface TreeMerge {
  tree: string;
  conflicts: ConflictRecord[];
  /** Text files merged cleanly by a driver (both sides changed them). */
  merged: string[];
}

/** Text larger than this is not merged line by line (treated like a binary). */
export const MAX_MERGE_TEXT_BYTES = 8 * 1024 * 1024;

export const BASELINE_PATH_SUFFIX = '.cairn/drift-baseline.yaml';

const decoder = new TextDecoder('utf-8', { fatal: false });

export async function mergeTrees(
  repo: Repo,
  base: string | null,
  ours: string,
  theirs: string,
  labels: ConflictLabels,
): Promise<TreeMerge> {
  const state: TreeMerge = { tree: '', conflicts: [], merged: [] };
  state.tree = await mergeLevel(repo, base, ours, theirs, '', labels, state);
  return state;
}

const eq = (a: Entry | null, b: Entry | null) =>
  a === null || b === null ? a === b : a.oid === b.oid && a.mode === b.mode;

async function mergeLevel(
  repo: Repo,
  base: string | null,
  ours: string | null,
  theirs: string | null,
  prefix: string,
  labels: ConflictLabels,
  state: TreeMerge,
): Promise<string> {
  const empty = new Map<string, Entry>();
  const b = base ? await readTreeEntries(repo, base) : empty;
  const o = ours ? await readTreeEntries(repo, ours) : empty;
  const t = theirs ? await readTreeEntries(repo, theirs) : empty;
  const out: { path: string; mode: string; oid: string; type: Entry['type'] }[] = [];
  const put = (name: string, e: Entry) =>
    out.push({ path: name, mode: e.mode, oid: e.oid, type: e.type });
  const names = [...new Set([...b.keys(), ...o.keys(), ...t.keys()])].sort();
  for (const name of names) {
    const be = b.get(name) ?? null;
    const oe = o.get(name) ?? null;
    const te = t.get(name) ?? null;
    const path = prefix + name;
    if (eq(oe, te)) {
      if (oe) put(name, oe);
      continue;
    }
    if (eq(be, oe)) {
      if (te) put(name, te);
      continue;
    }
    if (eq(be, te)) {
      if (oe) put(name, oe);
      continue;
    }
    // Both sides changed this name, differently.
    const isTree = (e: Entry | null) => e?.type === 'tree';
    const isBlob = (e: Entry | null) => e?.type === 'blob';
    if ((isTree(oe) || !oe) && (isTree(te) || !te) && (oe || te)) {
      // Folders on both sides, or a folder one side changed and the other deleted: recurse, so
      // a deletion against a change surfaces per file as a modify/delete conflict.
      const sub = await mergeLevel(
        repo,
        isTree(be) ? be!.oid : null,
        oe?.oid ?? null,
        te?.oid ?? null,
        `${path}/`,
        labels,
        state,
      );
      // git keeps no empty folders.
      if (sub !== EMPTY_TREE_OID) put(name, { mode: '040000', oid: sub, type: 'tree' });
      continue;
    }
    if ((isBlob(oe) || !oe) && (isBlob(te) || !te)) {
      const blob = await mergeBlob(repo, path, isBlob(be) ? be : null, oe, te, labels, state);
      if (blob) put(name, blob);
      continue;
    }
    // A file against a folder (or a submodule against anything): keep both.
    const side = (e: Entry, label: 'ours' | 'theirs') => {
      if (e.type === 'tree') put(name, e);
      else {
        const renamed = `${name}~${label}`;
        put(renamed, e);
        state.conflicts.push({
          path: prefix + renamed,
          kind: 'file-directory',
          baseOid: isBlob(be) ? be!.oid : null,
          oursOid: label === 'ours' ? e.oid : null,
          theirsOid: label === 'theirs' ? e.oid : null,
          mergedOid: e.oid,
        });
      }
    };
    if (oe) side(oe, 'ours');
    if (te) side(te, 'theirs');
  }
  if (out.length === 0) return EMPTY_TREE_OID;
  return git.writeTree({ fs, gitdir: repo.gitdir, tree: out });
}

export const EMPTY_TREE_OID = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

async function mergeBlob(
  repo: Repo,
  path: string,
  be: Entry | null,
  oe: Entry | null,
  te: Entry | null,
  labels: ConflictLabels,
  state: TreeMerge,
): Promise<Entry | null> {
  const record = (kind: ConflictKind, mergedOid: string | null): void => {
    state.conflicts.push({
      path,
      kind,
      baseOid: be?.oid ?? null,
      oursOid: oe?.oid ?? null,
      theirsOid: te?.oid ?? null,
      mergedOid,
    });
  };
  if (!oe || !te) {
    // Deleted on one side, changed on the other: keep the changed file.
    const kept = (oe ?? te) as Entry;
    record('modify-delete', kept.oid);
    return kept;
  }
  const mode = be && oe.mode === be.mode ? te.mode : oe.mode;
  if (
    oe.mode === '120000' ||
    te.mode === '120000' ||
    oe.mode === '160000' ||
    te.mode === '160000'
  ) {
    record('binary', oe.oid);
    return oe;
  }
  const [baseBytes, oursBytes, theirsBytes] = await Promise.all([
    be ? readBlobBytes(repo, be.oid) : Promise.resolve(new Uint8Array()),
    readBlobBytes(repo, oe.oid),
    readBlobBytes(repo, te.oid),
  ]);
  const tooBig = (x: Uint8Array) => x.length > MAX_MERGE_TEXT_BYTES;
  if ([baseBytes, oursBytes, theirsBytes].some((x) => looksBinary(x) || tooBig(x))) {
    record('binary', oe.oid);
    return oe;
  }
  const input = {
    base: decoder.decode(baseBytes),
    ours: decoder.decode(oursBytes),
    theirs: decoder.decode(theirsBytes),
    labels,
  };
  const lower = path.toLowerCase();
  let outcome: { clean: boolean; text: string };
  if (lower === BASELINE_PATH_SUFFIX || lower.endsWith('/' + BASELINE_PATH_SUFFIX)) {
    outcome = mergeBaselineText(input.base, input.ours, input.theirs) ?? mergeText(input);
  } else if (/\.(md|markdown)$/.test(lower)) {
    outcome = mergeMarkdown(input);
  } else {
    outcome = mergeText(input);
  }
  const oid = await git.writeBlob({
    fs,
    gitdir: repo.gitdir,
    blob: new TextEncoder().encode(outcome.text),
  });
  if (outcome.clean) state.merged.push(path);
  else record('content', oid);
  return { mode, oid, type: 'blob' };
}
