// Drift for a workspace: bring the history index up to date, load what the analysis needs from
// SQLite (and the few blobs not yet cached), run the pure analysis (workflows/drift/), and
// apply the baseline from .cairn/drift-baseline.yaml in the working tree.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  analyzeDrift,
  type CodeFileInput,
  type SpecInput,
} from '../../../workflows/drift/analyze.ts';
import {
  acceptInto,
  BASELINE_FILE,
  emptyBaseline,
  parseBaseline,
  serializeBaseline,
  type Baseline,
} from '../../../workflows/drift/baseline.ts';
import type { DriftReport } from '../../../workflows/drift/format.ts';
import {
  HistoryGraph,
  type FileChange,
  type HistoryCommit,
} from '../../../workflows/drift/history.ts';
import { isCodeCandidate } from '../../../workflows/drift/requirement-ids.ts';
import { CairnFailure } from '../../ipc/failure.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { BlobFactsCache } from './blob-facts.ts';
import { guard } from './errors.ts';
import { indexHistory, type IndexProgress } from './history-index.ts';
import { fs, resolveRevision, type Repo } from './repository.ts';

export interface DriftOptions {
  /** Only findings introduced by commits after this ref (a branch, tag or commit). */
  since?: string;
  /** Where the report is: reading and indexing new commits, then reading files at HEAD. */
  onProgress?: (progress: DriftProgress) => void;
  signal?: AbortSignal;
}

export type DriftProgress =
  IndexProgress | { phase: 'analysing'; done: number; total: number | null };

/** How often (in files) analysis progress is reported and a cancel is noticed. */
const REPORT_EVERY = 200;

interface CommitRow {
  seq: number;
  oid: string;
  parents: string;
  author_name: string;
  author_email: string;
  author_time: number;
  summary: string;
}

function readBaseline(workspace: string): { baseline: Baseline; problem: string | null } {
  const file = path.join(workspace, BASELINE_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { baseline: emptyBaseline(), problem: null };
  }
  try {
    return { baseline: parseBaseline(text), problem: null };
  } catch (error) {
    // A broken baseline must not hide findings: everything shows as new, and the report says why.
    return { baseline: emptyBaseline(), problem: (error as Error).message };
  }
}

export async function driftReport(
  repo: Repo,
  db: Database,
  workspace: string,
  options: DriftOptions = {},
): Promise<DriftReport> {
  const { onProgress, signal } = options;
  const index = await indexHistory(repo, db, { onProgress, signal });
  if (!index.head) {
    throw new CairnFailure(
      'invalid_input',
      `${repo.dir} has no commits yet: commit your specs and code, then check drift.`,
    );
  }
  const head = index.head;
  const started = performance.now();
  return guard({ action: 'analyse drift', dir: repo.dir }, async () => {
    const rows = db
      .prepare(
        'SELECT seq, oid, parents, author_name, author_email, author_time, summary FROM git_commits WHERE repo_id = ? ORDER BY seq',
      )
      .all(index.repoId) as CommitRow[];
    // Only commits reachable from HEAD: a rewritten history leaves old commits behind.
    const bySeq = new Map<string, number>();
    rows.forEach((r, i) => bySeq.set(r.oid, i));
    const reach = new Uint8Array(rows.length);
    const headAt = bySeq.get(head);
    if (headAt === undefined) throw new Error(`HEAD ${head} is missing from the index`);
    reach[headAt] = 1;
    for (let i = headAt; i >= 0; i--) {
      if (!reach[i]) continue;
      for (const p of (rows[i] as CommitRow).parents.split(' ')) {
        const j = p ? bySeq.get(p) : undefined;
        if (j !== undefined) reach[j] = 1;
      }
    }
    const commits: HistoryCommit[] = [];
    const position = new Map<number, number>();
    rows.forEach((r, i) => {
      if (!reach[i]) return;
      position.set(r.seq, commits.length);
      commits.push({
        oid: r.oid,
        parents: r.parents ? r.parents.split(' ') : [],
        author: `${r.author_name} <${r.author_email}>`,
        time: r.author_time,
        summary: r.summary,
      });
    });
    const prefix = repo.prefix;
    const local = (p: string) =>
      prefix && p.startsWith(prefix) ? p.slice(prefix.length) : prefix ? null : p;
    const changes: FileChange[] = [];
    for (const row of db
      .prepare('SELECT commit_seq, path, status FROM git_changes WHERE repo_id = ?')
      .iterate(index.repoId) as Iterable<{
      commit_seq: number;
      path: string;
      status: 'A' | 'M' | 'D';
    }>) {
      const at = position.get(row.commit_seq);
      const rel = local(row.path);
      if (at !== undefined && rel !== null)
        changes.push({ commit: at, path: rel, status: row.status });
    }
    const headFiles = (
      db
        .prepare('SELECT path, blob_oid FROM git_head_files WHERE repo_id = ?')
        .all(index.repoId) as {
        path: string;
        blob_oid: string;
      }[]
    )
      .map((f) => ({ rel: local(f.path), oid: f.blob_oid }))
      .filter((f): f is { rel: string; oid: string } => f.rel !== null);
    const facts = new BlobFactsCache(db);
    facts.preload(headFiles.map((f) => f.oid));
    const specs: SpecInput[] = [];
    const code: CodeFileInput[] = [];
    for (const [i, file] of headFiles.entries()) {
      if (i % REPORT_EVERY === 0) {
        signal?.throwIfAborted();
        onProgress?.({ phase: 'analysing', done: i, total: headFiles.length });
      }
      if (/\.(md|markdown)$/i.test(file.rel)) {
        const f = await facts.get(repo, file.oid, true);
        if (f.kind === 'spec' && (f.covers.length > 0 || f.requirements.length > 0)) {
          specs.push({ path: file.rel, covers: f.covers, requirements: f.requirements });
        }
      } else if (isCodeCandidate(file.rel)) {
        const f = await facts.get(repo, file.oid, false);
        if (f.kind === 'code' && f.cites.length > 0) code.push({ path: file.rel, cites: f.cites });
      }
    }
    const historicIds = new Map<string, string>();
    for (const row of db
      .prepare(
        'SELECT requirement_id, path FROM git_requirement_history WHERE repo_id = ? ORDER BY last_seq',
      )
      .all(index.repoId) as { requirement_id: string; path: string }[]) {
      const rel = local(row.path);
      if (rel !== null) historicIds.set(row.requirement_id, rel);
    }
    const { baseline, problem } = readBaseline(workspace);
    const since = options.since ? await sinceRange(repo, commits, options.since) : null;
    const analysis = analyzeDrift({
      head,
      commits,
      changes,
      specs,
      code,
      headPaths: headFiles.map((f) => f.rel),
      historicIds,
      baseline,
      since,
    });
    return {
      ...analysis,
      stats: {
        specs: specs.filter((s) => s.covers.length > 0).length,
        requirements: analysis.coverage.length,
        commitsIndexed: commits.length,
        newCommitsIndexed: index.added,
        indexMs: index.ms,
        analyzeMs: performance.now() - started,
      },
      baselineProblem: problem,
    };
  });
}

async function sinceRange(repo: Repo, commits: HistoryCommit[], ref: string) {
  const oid = await resolveRevision(repo, ref);
  const graph = new HistoryGraph(commits);
  const at = graph.index.get(oid);
  const head = commits.length - 1;
  const out = new Set<string>();
  if (at === undefined) {
    // Not in HEAD's history (another branch): everything not reachable from it counts.
    throw new CairnFailure(
      'invalid_input',
      `--since ${ref} (${oid.slice(0, 8)}) is not in the history of HEAD; give an ancestor such as the branch you merge into.`,
    );
  }
  const before = graph.ancestors([at]);
  const seen = new Uint8Array(commits.length);
  for (let i = 0; i <= head; i++) seen[i] = before(i) ? 1 : 0;
  for (let i = 0; i <= head; i++) if (!seen[i]) out.add((commits[i] as HistoryCommit).oid);
  return { ref, commits: out };
}

/** Accepts findings into the baseline file (atomically); returns how many were accepted. */
export async function acceptFindings(
  repo: Repo,
  db: Database,
  workspace: string,
  selection: { keys?: readonly string[]; all?: boolean; note?: string; by?: string },
): Promise<{ file: string; accepted: number }> {
  const report = await driftReport(repo, db, workspace);
  const wanted = selection.all ? null : new Set(selection.keys ?? []);
  const chosen = report.findings.filter((f) => !wanted || wanted.has(f.key));
  if (wanted) {
    const unknown = [...wanted].filter((k) => !report.findings.some((f) => f.key === k));
    if (unknown.length > 0) {
      throw new CairnFailure(
        'not_found',
        `No current finding has the key ${unknown
          .slice(0, 3)
          .map((k) => `'${k}'`)
          .join(', ')}. Run the drift report again; findings may have changed.`,
      );
    }
  }
  const { baseline, problem } = readBaseline(workspace);
  if (problem) {
    throw new CairnFailure('invalid_input', `Cannot accept: ${problem}`);
  }
  // Entries for findings that no longer exist are dropped; their evidence is history.
  const live = new Set(report.findings.map((f) => f.key));
  const kept: Baseline = { entries: new Map([...baseline.entries].filter(([k]) => live.has(k))) };
  const next = acceptInto(
    kept,
    chosen.map((f) => ({ key: f.key, evidence: f.evidence })),
    {
      at: new Date().toISOString(),
      ...(selection.by ? { by: selection.by } : {}),
      ...(selection.note ? { note: selection.note } : {}),
    },
  );
  const file = path.join(workspace, BASELINE_FILE);
  writeFileAtomic(file, serializeBaseline(next));
  return { file, accepted: chosen.length };
}
