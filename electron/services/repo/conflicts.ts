// Conflicts of a merge in progress: read both sides, resolve one file at a time, or abort.
// Resolving writes the chosen text atomically and stages it; the merge commit is made by
// repo.commit once every conflict is resolved.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { hasConflictMarkers, resolveMarkers } from '../../../workflows/merge/conflict-markers.ts';
import { splitLines, joinLines } from '../../../workflows/merge/lines.ts';
import { CairnFailure } from '../../ipc/failure.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { writeChanges } from './apply-tree.ts';
import {
  clearMergeState,
  loadMergeState,
  markResolved,
  type MergeState,
  type Resolution,
} from './merge-state.ts';
import { fs, git, type Repo } from './repository.ts';
import { commitTree, diffTrees, looksBinary, readBlobBytes } from './trees.ts';

const MAX_SHOWN_BYTES = 5 * 1024 * 1024;
const decoder = new TextDecoder();

function requireMerge(db: Database, repo: Repo): MergeState {
  const state = loadMergeState(db, repo);
  if (!state)
    throw new CairnFailure('not_found', 'No merge is in progress: there is nothing to resolve.');
  return state;
}

async function textOf(
  repo: Repo,
  oid: string | null,
): Promise<{ text: string | null; binary: boolean }> {
  if (!oid) return { text: null, binary: false };
  const bytes = await readBlobBytes(repo, oid);
  if (looksBinary(bytes)) return { text: null, binary: true };
  if (bytes.length > MAX_SHOWN_BYTES) return { text: null, binary: false };
  return { text: decoder.decode(bytes), binary: false };
}

function currentText(repo: Repo, rel: string): string | null {
  try {
    const bytes = fs.readFileSync(path.join(repo.dir, rel));
    return bytes.length > MAX_SHOWN_BYTES || looksBinary(bytes) ? null : bytes.toString('utf8');
  } catch {
    return null;
  }
}

export async function listConflicts(repo: Repo, db: Database) {
  const state = loadMergeState(db, repo);
  if (!state) return [];
  const out = [];
  for (const c of state.conflicts) {
    const [base, ours, theirs] = await Promise.all([
      textOf(repo, c.baseOid),
      textOf(repo, c.oursOid),
      textOf(repo, c.theirsOid),
    ]);
    out.push({
      path: c.path,
      kind: c.kind,
      resolved: c.resolution !== null,
      resolution: c.resolution,
      base: base.text,
      ours: ours.text,
      theirs: theirs.text,
      current: currentText(repo, c.path),
      binary: c.kind === 'binary' || base.binary || ours.binary || theirs.binary,
    });
  }
  return out;
}

export async function resolveConflict(
  repo: Repo,
  db: Database,
  rel: string,
  take: Resolution,
  text?: string,
): Promise<{ path: string; remaining: number }> {
  const state = requireMerge(db, repo);
  const conflict = state.conflicts.find((c) => c.path === rel);
  if (!conflict) {
    throw new CairnFailure(
      'not_found',
      `'${rel}' is not in conflict. Conflicted files: ${state.conflicts.map((c) => c.path).join(', ') || 'none'}.`,
    );
  }
  const full = path.join(repo.dir, rel);
  const binary = conflict.kind === 'binary';
  if (binary && (take === 'both' || take === 'text')) {
    throw new CairnFailure(
      'invalid_input',
      `'${rel}' is binary: keep 'ours' or 'theirs' (or edit the file and take 'file').`,
    );
  }
  let content: Uint8Array | null;
  if (take === 'ours' || take === 'theirs') {
    const oid = take === 'ours' ? conflict.oursOid : conflict.theirsOid;
    content = oid ? await readBlobBytes(repo, oid) : null;
  } else if (take === 'text') {
    if (hasConflictMarkers(splitLines(text ?? '').lines)) {
      throw new CairnFailure(
        'invalid_input',
        `The text for '${rel}' still holds conflict markers (<<<<<<< … ======= … >>>>>>>). Remove them, or take 'both'.`,
      );
    }
    content = new TextEncoder().encode(text ?? '');
  } else {
    const exists = fs.existsSync(full);
    if (!exists && take === 'file') content = null;
    else {
      const now = exists
        ? fs.readFileSync(full)
        : await readBlobBytes(repo, conflict.mergedOid as string);
      if (take === 'file') {
        if (!looksBinary(now) && hasConflictMarkers(splitLines(now.toString()).lines)) {
          throw new CairnFailure(
            'invalid_input',
            `'${rel}' still holds conflict markers. Edit them away, or take 'both', 'ours' or 'theirs'.`,
          );
        }
        content = now;
      } else {
        const split = splitLines(Buffer.from(now).toString('utf8'));
        content = new TextEncoder().encode(
          joinLines(resolveMarkers(split.lines, 'both'), split.eol, split.finalNewline),
        );
      }
    }
  }
  if (content === null) {
    fs.rmSync(full, { force: true });
    await git.remove({ fs, dir: repo.dir, gitdir: repo.gitdir, filepath: rel, cache: repo.cache });
  } else {
    writeFileAtomic(full, content);
    await git.add({ fs, dir: repo.dir, gitdir: repo.gitdir, filepath: rel, cache: repo.cache });
  }
  markResolved(db, state.id, rel, take);
  const remaining = state.conflicts.filter((c) => c.path !== rel && !c.resolution).length;
  return { path: rel, remaining };
}

/** Returns the files and the index to our last commit; the other side stays in its ref. */
export async function abortMerge(repo: Repo, db: Database): Promise<{ head: string }> {
  const state = requireMerge(db, repo);
  const oursTree = await commitTree(repo, state.oursOid);
  // Everything the merge (or a resolution) changed goes back; other local edits stay.
  const changes = await diffTrees(repo, state.mergedTree, oursTree);
  const extra = state.conflicts
    .map((c) => c.path)
    .filter((p) => !changes.some((c) => c.path === p));
  for (const rel of extra) {
    const entry = await git
      .readTree({
        fs,
        gitdir: repo.gitdir,
        oid: oursTree,
        filepath: path.posix.dirname(rel) === '.' ? undefined : path.posix.dirname(rel),
        cache: repo.cache,
      })
      .then((t) => t.tree.find((e) => e.path === path.posix.basename(rel)) ?? null)
      .catch(() => null);
    changes.push({
      path: rel,
      before: null,
      after:
        entry && entry.type === 'blob' ? { mode: entry.mode, oid: entry.oid, type: 'blob' } : null,
    });
  }
  await writeChanges(repo, changes);
  clearMergeState(db, repo);
  return { head: state.oursOid };
}
