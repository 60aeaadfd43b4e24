// The git history index in SQLite, built incrementally: only commits not yet indexed are read
// (newest first from HEAD until known commits), then stored parents-first with the files each
// changed. The files of the indexed HEAD are kept too, updated by a tree diff, so drift never
// lists a whole tree again.
import type { Database } from 'better-sqlite3';
import { CairnFailure } from '../../ipc/failure.ts';
import { BlobFactsCache } from './blob-facts.ts';
import { guard } from './errors.ts';
import { fs, git, isShallow, type Repo } from './repository.ts';
import { diffTrees, type BlobChange } from './trees.ts';

export interface IndexResult {
  repoId: number;
  head: string | null;
  commits: number;
  added: number;
  ms: number;
}

interface NewCommit {
  oid: string;
  tree: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  time: number;
  summary: string;
}

const BATCH = 1000;
/** How often (in commits) progress is reported and a cancel is noticed. */
const REPORT_EVERY = 100;

export interface IndexProgress {
  /** reading: walking new commits (the total is not known yet); indexing: storing them. */
  phase: 'reading' | 'indexing';
  done: number;
  total: number | null;
}

export interface IndexOptions {
  onProgress?: (progress: IndexProgress) => void;
  /** Stops between batches; what was stored so far stays and is not read again. */
  signal?: AbortSignal;
}

export function repoId(db: Database, repo: Repo): number {
  db.prepare('INSERT OR IGNORE INTO git_repos (gitdir, updated_at) VALUES (?, ?)').run(
    repo.gitdir,
    new Date().toISOString(),
  );
  return (
    db.prepare('SELECT id FROM git_repos WHERE gitdir = ?').get(repo.gitdir) as { id: number }
  ).id;
}

export function requireFullHistory(repo: Repo): void {
  if (!isShallow(repo)) return;
  const grafts = fs
    .readFileSync(`${repo.gitdir}/shallow`, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean);
  throw new CairnFailure(
    'unsupported',
    `${repo.dir} is a shallow clone: its history stops at ${grafts.length} cut-off commit${grafts.length === 1 ? '' : 's'} ` +
      `(${grafts.map((g) => g.slice(0, 8)).join(', ')}), so drift cannot tell what changed since each spec was written. ` +
      'Fetch the full history first: `git fetch --unshallow`, or in CI check out with full depth (GitHub Actions: actions/checkout with fetch-depth: 0).',
  );
}

export async function indexHistory(
  repo: Repo,
  db: Database,
  options: IndexOptions = {},
): Promise<IndexResult> {
  const { onProgress, signal } = options;
  const started = performance.now();
  requireFullHistory(repo);
  const id = repoId(db, repo);
  let head: string;
  try {
    head = await git.resolveRef({ fs, gitdir: repo.gitdir, ref: 'HEAD' });
  } catch {
    return { repoId: id, head: null, commits: 0, added: 0, ms: performance.now() - started };
  }
  return guard({ action: 'index the history for drift', dir: repo.dir }, async () => {
    const known = new Set(
      db.prepare('SELECT oid FROM git_commits WHERE repo_id = ?').pluck().all(id) as string[],
    );
    const fresh = await readNewCommits(repo, head, known, options);
    let seq =
      (db.prepare('SELECT MAX(seq) FROM git_commits WHERE repo_id = ?').pluck().get(id) as
        number | null) ?? 0;
    const facts = new BlobFactsCache(db);
    const insertCommit = db.prepare(
      `INSERT INTO git_commits (repo_id, seq, oid, parents, author_name, author_email, author_time, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertChange = db.prepare(
      'INSERT OR REPLACE INTO git_changes (repo_id, commit_seq, path, status, blob_oid) VALUES (?, ?, ?, ?, ?)',
    );
    const insertReq = db.prepare(
      `INSERT INTO git_requirement_history (repo_id, requirement_id, path, last_seq) VALUES (?, ?, ?, ?)
       ON CONFLICT (repo_id, requirement_id, path) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq)`,
    );
    const trees = new Map<string, string>();
    const treeOf = async (oid: string) => {
      let tree = trees.get(oid);
      if (!tree) {
        tree = (await git.readCommit({ fs, gitdir: repo.gitdir, oid, cache: repo.cache })).commit
          .tree;
        trees.set(oid, tree);
      }
      return tree;
    };
    for (const c of fresh) trees.set(c.oid, c.tree);
    for (let start = 0; start < fresh.length; start += BATCH) {
      const rows: {
        commit: NewCommit;
        seq: number;
        changes: BlobChange[];
        reqs: [string, string][];
      }[] = [];
      for (const commit of fresh.slice(start, start + BATCH)) {
        if ((start + rows.length) % REPORT_EVERY === 0) {
          signal?.throwIfAborted();
          onProgress?.({ phase: 'indexing', done: start + rows.length, total: fresh.length });
        }
        const changes = await commitChanges(repo, commit, treeOf);
        const reqs: [string, string][] = [];
        for (const change of changes) {
          if (!change.after || !/\.(md|markdown)$/i.test(change.path)) continue;
          const f = await facts.get(repo, change.after.oid, true);
          if (f.kind === 'spec') for (const r of f.requirements) reqs.push([r.id, change.path]);
        }
        rows.push({ commit, seq: ++seq, changes, reqs });
      }
      db.transaction(() => {
        for (const { commit, seq: s, changes, reqs } of rows) {
          insertCommit.run(
            id,
            s,
            commit.oid,
            commit.parents.join(' '),
            commit.authorName,
            commit.authorEmail,
            commit.time,
            commit.summary,
          );
          for (const ch of changes) {
            const status = ch.before && ch.after ? 'M' : ch.after ? 'A' : 'D';
            insertChange.run(id, s, ch.path, status, ch.after?.oid ?? null);
          }
          for (const [req, path] of reqs) insertReq.run(id, req, path, s);
        }
      })();
    }
    await updateHeadFiles(repo, db, id, head, treeOf);
    return {
      repoId: id,
      head,
      commits: known.size + fresh.length,
      added: fresh.length,
      ms: performance.now() - started,
    };
  });
}

/** Commits reachable from `head` that are not indexed yet, parents first. */
async function readNewCommits(
  repo: Repo,
  head: string,
  known: ReadonlySet<string>,
  { onProgress, signal }: IndexOptions,
): Promise<NewCommit[]> {
  const read = new Map<string, NewCommit>();
  const pending = [head];
  while (pending.length > 0) {
    const oid = pending.pop() as string;
    if (known.has(oid) || read.has(oid)) continue;
    if (read.size % REPORT_EVERY === REPORT_EVERY - 1) {
      signal?.throwIfAborted();
      onProgress?.({ phase: 'reading', done: read.size, total: null });
    }
    const { commit } = await git.readCommit({ fs, gitdir: repo.gitdir, oid, cache: repo.cache });
    read.set(oid, {
      oid,
      tree: commit.tree,
      parents: commit.parent,
      authorName: commit.author.name,
      authorEmail: commit.author.email,
      time: commit.author.timestamp,
      summary: commit.message.split('\n', 1)[0] ?? '',
    });
    for (const p of commit.parent) if (!known.has(p) && !read.has(p)) pending.push(p);
  }
  // Depth-first post-order: every parent is emitted before its children.
  const ordered: NewCommit[] = [];
  const done = new Set<string>();
  const stack: { oid: string; next: number }[] = [{ oid: head, next: 0 }];
  if (!read.has(head)) return [];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { oid: string; next: number };
    const commit = read.get(top.oid) as NewCommit;
    const parent = commit.parents[top.next];
    if (parent !== undefined) {
      top.next++;
      if (read.has(parent) && !done.has(parent)) {
        done.add(parent);
        stack.push({ oid: parent, next: 0 });
      }
      continue;
    }
    stack.pop();
    ordered.push(commit);
  }
  return ordered;
}

/** Files a commit changed: against its parent, or for a merge, against every parent. */
async function commitChanges(
  repo: Repo,
  commit: NewCommit,
  treeOf: (oid: string) => Promise<string>,
): Promise<BlobChange[]> {
  if (commit.parents.length === 0) return diffTrees(repo, null, commit.tree);
  const [first, ...others] = commit.parents as [string, ...string[]];
  const changes = await diffTrees(repo, await treeOf(first), commit.tree);
  if (others.length === 0 || changes.length === 0) return changes;
  let keep = new Set(changes.map((c) => c.path));
  for (const other of others) {
    const against = new Set(
      (await diffTrees(repo, await treeOf(other), commit.tree)).map((c) => c.path),
    );
    keep = new Set([...keep].filter((p) => against.has(p)));
  }
  return changes.filter((c) => keep.has(c.path));
}

async function updateHeadFiles(
  repo: Repo,
  db: Database,
  id: number,
  head: string,
  treeOf: (oid: string) => Promise<string>,
): Promise<void> {
  const indexed = db.prepare('SELECT indexed_head FROM git_repos WHERE id = ?').pluck().get(id) as
    string | null;
  if (indexed === head) return;
  let from: string | null = null;
  if (indexed) {
    try {
      from = await treeOf(indexed);
    } catch {
      from = null; // the old head is gone (history rewritten): start over
    }
  }
  const changes = await diffTrees(repo, from, await treeOf(head));
  const del = db.prepare('DELETE FROM git_head_files WHERE repo_id = ? AND path = ?');
  const put = db.prepare(
    'INSERT OR REPLACE INTO git_head_files (repo_id, path, blob_oid) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    if (from === null) db.prepare('DELETE FROM git_head_files WHERE repo_id = ?').run(id);
    for (const c of changes) {
      if (c.after) put.run(id, c.path, c.after.oid);
      else del.run(id, c.path);
    }
    db.prepare('UPDATE git_repos SET indexed_head = ?, updated_at = ? WHERE id = ?').run(
      head,
      new Date().toISOString(),
      id,
    );
  })();
}
