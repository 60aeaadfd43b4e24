// A merge that stopped on conflicts, kept as a resolvable state: the merge and each conflicted
// path (with the blob IDs of base, ours and theirs) in the app database, and MERGE_HEAD /
// MERGE_MSG in the git directory so that git itself also sees a merge in progress.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { ConflictKind, ConflictRecord } from './merge-trees.ts';
import { fs, type Repo } from './repository.ts';

export interface MergeState {
  id: number;
  branch: string;
  oursOid: string;
  theirsOid: string;
  theirsLabel: string;
  baseOid: string | null;
  mergedTree: string;
  message: string;
  startedAt: string;
  conflicts: StoredConflict[];
}

export type Resolution = 'ours' | 'theirs' | 'both' | 'file' | 'text';

export interface StoredConflict extends ConflictRecord {
  resolution: Resolution | null;
  resolvedAt: string | null;
}

interface MergeRow {
  id: number;
  branch: string;
  ours_oid: string;
  theirs_oid: string;
  theirs_label: string;
  base_oid: string | null;
  merged_tree: string;
  message: string;
  started_at: string;
}

interface ConflictRow {
  path: string;
  kind: ConflictKind;
  base_oid: string | null;
  ours_oid: string | null;
  theirs_oid: string | null;
  merged_oid: string | null;
  resolution: Resolution | null;
  resolved_at: string | null;
}

export function loadMergeState(db: Database, repo: Repo): MergeState | null {
  const row = db.prepare('SELECT * FROM repo_merges WHERE gitdir = ?').get(repo.gitdir) as
    MergeRow | undefined;
  if (!row) return null;
  const conflicts = (
    db
      .prepare('SELECT * FROM repo_conflicts WHERE merge_id = ? ORDER BY path')
      .all(row.id) as ConflictRow[]
  ).map((c) => ({
    path: c.path,
    kind: c.kind,
    baseOid: c.base_oid,
    oursOid: c.ours_oid,
    theirsOid: c.theirs_oid,
    mergedOid: c.merged_oid,
    resolution: c.resolution,
    resolvedAt: c.resolved_at,
  }));
  return {
    id: row.id,
    branch: row.branch,
    oursOid: row.ours_oid,
    theirsOid: row.theirs_oid,
    theirsLabel: row.theirs_label,
    baseOid: row.base_oid,
    mergedTree: row.merged_tree,
    message: row.message,
    startedAt: row.started_at,
    conflicts,
  };
}

export function saveMergeState(
  db: Database,
  repo: Repo,
  state: Omit<MergeState, 'id' | 'conflicts' | 'startedAt'> & { conflicts: ConflictRecord[] },
): void {
  db.transaction(() => {
    db.prepare('DELETE FROM repo_merges WHERE gitdir = ?').run(repo.gitdir);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO repo_merges (gitdir, branch, ours_oid, theirs_oid, theirs_label, base_oid, merged_tree, message, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        repo.gitdir,
        state.branch,
        state.oursOid,
        state.theirsOid,
        state.theirsLabel,
        state.baseOid,
        state.mergedTree,
        state.message,
        new Date().toISOString(),
      );
    const insert = db.prepare(
      `INSERT INTO repo_conflicts (merge_id, path, kind, base_oid, ours_oid, theirs_oid, merged_oid)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of state.conflicts) {
      insert.run(lastInsertRowid, c.path, c.kind, c.baseOid, c.oursOid, c.theirsOid, c.mergedOid);
    }
  })();
  writeFileAtomic(path.join(repo.gitdir, 'MERGE_HEAD'), state.theirsOid + '\n');
  writeFileAtomic(path.join(repo.gitdir, 'MERGE_MSG'), state.message + '\n');
}

export function markResolved(
  db: Database,
  mergeId: number,
  file: string,
  resolution: Resolution,
): void {
  db.prepare(
    'UPDATE repo_conflicts SET resolution = ?, resolved_at = ? WHERE merge_id = ? AND path = ?',
  ).run(resolution, new Date().toISOString(), mergeId, file);
}

export function clearMergeState(db: Database, repo: Repo): void {
  db.prepare('DELETE FROM repo_merges WHERE gitdir = ?').run(repo.gitdir);
  for (const name of ['MERGE_HEAD', 'MERGE_MSG', 'MERGE_MODE']) {
    fs.rmSync(path.join(repo.gitdir, name), { force: true });
  }
}

/** A merge in progress that Cairn did not start (MERGE_HEAD written by git). */
export function foreignMergeHead(repo: Repo, state: MergeState | null): string | null {
  if (state) return null;
  try {
    return fs.readFileSync(path.join(repo.gitdir, 'MERGE_HEAD'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
