// Drift analysis, pure: from the commit graph, the files each commit changed, the specs and
// the code at HEAD, find
//   code-drift    code a spec covers changed in commits the spec never saw (commits that are
//                 not ancestors of the spec's last change): which commits, files, authors;
//   spec-ahead    the spec changed and no covered code changed after it;
//   covers-nothing  a spec's covers match no file;
// and trace requirements: IDs cited in code and tests against the IDs the specs define
// (coverage matrix; untested requirements; tests citing unknown or removed requirements).
// Each finding has a stable key and evidence tokens; the baseline mutes accepted evidence.
import type { Baseline } from './baseline.ts';
import { CoversIndex } from './covers-index.ts';
import { HistoryGraph, type FileChange, type HistoryCommit } from './history.ts';
import { isTestPath } from './requirement-ids.ts';
import { shortHash, type RequirementFact } from './spec-facts.ts';

export type FindingKind =
  | 'code-drift'
  | 'spec-ahead'
  | 'untested-requirement'
  | 'unknown-requirement'
  | 'removed-requirement'
  | 'covers-nothing';

export interface DriftCommit {
  oid: string;
  author: string;
  time: number;
  summary: string;
  files: string[];
  /** Not accepted in the baseline. */
  isNew: boolean;
}

export interface DriftFinding {
  key: string;
  kind: FindingKind;
  severity: 'error' | 'warning' | 'note';
  state: 'new' | 'accepted';
  message: string;
  spec: string | null;
  requirement: string | null;
  paths: string[];
  commits: DriftCommit[];
  evidence: string[];
  newEvidence: string[];
}

export interface CoverageRow {
  id: string;
  spec: string;
  title: string;
  code: string[];
  tests: string[];
}

export interface SpecInput {
  path: string;
  covers: string[];
  requirements: RequirementFact[];
}

export interface CodeFileInput {
  path: string;
  /** Requirement IDs the file cites. */
  cites: string[];
}

export interface DriftInput {
  head: string;
  commits: readonly HistoryCommit[];
  changes: readonly FileChange[];
  specs: readonly SpecInput[];
  /** Non-spec files at HEAD that cite at least one requirement ID. */
  code: readonly CodeFileInput[];
  /** Every file path at HEAD (for covers that match nothing). */
  headPaths: readonly string[];
  /** IDs some earlier version of a spec defined: ID -> the spec that last defined it. */
  historicIds: ReadonlyMap<string, string>;
  baseline: Baseline;
  /** Limit findings to what commits in this set introduced (`--since`); null for all. */
  since: { ref: string; commits: ReadonlySet<string> } | null;
}

export interface DriftAnalysis {
  head: string;
  since: string | null;
  findings: DriftFinding[];
  coverage: CoverageRow[];
}

const shortOid = (oid: string) => oid.slice(0, 8);
const day = (time: number) => new Date(time * 1000).toISOString().slice(0, 10);
const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

export function analyzeDrift(input: DriftInput): DriftAnalysis {
  const graph = new HistoryGraph(input.commits);
  const findings: Omit<DriftFinding, 'state' | 'newEvidence'>[] = [];
  findings.push(...codeDrift(input, graph));
  const trace = traceRequirements(input, graph);
  findings.push(...trace.findings);
  const withBaseline = findings
    .map((f) => applyBaseline(f, input.baseline))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    head: input.head,
    since: input.since?.ref ?? null,
    findings: withBaseline,
    coverage: trace.coverage,
  };
}

function applyBaseline(
  finding: Omit<DriftFinding, 'state' | 'newEvidence'>,
  baseline: Baseline,
): DriftFinding {
  const accepted = new Set(baseline.entries.get(finding.key)?.evidence ?? []);
  const known = baseline.entries.has(finding.key);
  const newEvidence = known
    ? finding.evidence.filter((e) => !accepted.has(e))
    : [...finding.evidence];
  return {
    ...finding,
    state: known && newEvidence.length === 0 ? 'accepted' : 'new',
    newEvidence,
    commits: finding.commits.map((c) => ({ ...c, isNew: !known || !accepted.has(c.oid) })),
  };
}

function codeDrift(
  input: DriftInput,
  graph: HistoryGraph,
): Omit<DriftFinding, 'state' | 'newEvidence'>[] {
  const out: Omit<DriftFinding, 'state' | 'newEvidence'>[] = [];
  const specs = input.specs.filter((s) => s.covers.length > 0);
  const specPaths = new Set(input.specs.map((s) => s.path));
  const index = new CoversIndex(specs.map((s) => s.covers));
  // The last change of each spec file, and the covered changes of each spec.
  const lastChange = new Map<string, number>();
  for (const change of input.changes) {
    if (!specPaths.has(change.path)) continue;
    const prev = lastChange.get(change.path);
    if (prev === undefined || change.commit > prev) lastChange.set(change.path, change.commit);
  }
  const covered: FileChange[][] = specs.map(() => []);
  for (const change of input.changes) {
    if (specPaths.has(change.path)) continue;
    for (const s of index.specsFor(change.path)) covered[s]?.push(change);
  }
  const inRange = (i: number) =>
    !input.since || input.since.commits.has((graph.commits[i] as HistoryCommit).oid);
  // covers-nothing
  const matchedSpecs = new Set<number>();
  for (const path of input.headPaths) {
    if (specPaths.has(path)) continue;
    for (const s of index.specsFor(path)) matchedSpecs.add(s);
  }
  specs.forEach((spec, s) => {
    if (matchedSpecs.has(s)) return;
    const last = lastChange.get(spec.path);
    if (input.since && (last === undefined || !inRange(last))) return;
    out.push({
      key: `covers-nothing:${spec.path}`,
      kind: 'covers-nothing',
      severity: 'warning',
      message: `${spec.path} covers ${spec.covers.join(', ')}, but no file in the repository matches. Fix the globs, or the code has moved.`,
      spec: spec.path,
      requirement: null,
      paths: [],
      commits: [],
      evidence: [`covers:${shortHash(spec.covers.join('\n'))}`],
    });
  });
  // Group specs by their last change, so each ancestry scan serves all of them.
  const groups = new Map<number, number[]>();
  specs.forEach((spec, s) => {
    const last = lastChange.get(spec.path);
    if (last === undefined || covered[s]?.length === 0) return;
    const list = groups.get(last) ?? [];
    list.push(s);
    groups.set(last, list);
  });
  for (const [last, members] of groups) {
    // Ancestry by a backward scan from the spec's last change, only as far down as a covered
    // change that a straight stretch of history does not already settle.
    let floor = last;
    for (const s of members)
      for (const c of covered[s] ?? [])
        if (c.commit < floor && !graph.knownAncestor(c.commit, last)) floor = c.commit;
    const scanned = floor < last ? graph.ancestors([last], floor) : () => false;
    const seen = (i: number) => graph.knownAncestor(i, last) || scanned(i);
    const lastCommit = graph.commits[last] as HistoryCommit;
    const later: Map<number, FileChange[]>[] = [];
    for (const s of members) {
      const unseen = new Map<number, FileChange[]>();
      for (const c of covered[s] ?? []) {
        if (c.commit <= last && seen(c.commit)) continue;
        const list = unseen.get(c.commit) ?? [];
        list.push(c);
        unseen.set(c.commit, list);
      }
      later.push(unseen);
    }
    members.forEach((s, k) => {
      const spec = specs[s] as SpecInput;
      const unseen = later[k] as Map<number, FileChange[]>;
      const drift = [...unseen.entries()].filter(([i]) => inRange(i)).sort((a, b) => b[0] - a[0]);
      if (drift.length > 0) {
        const commits = drift.map(([i, changes]) => {
          const c = graph.commits[i] as HistoryCommit;
          return {
            oid: c.oid,
            author: c.author,
            time: c.time,
            summary: c.summary,
            files: [...new Set(changes.map((x) => x.path))].sort(),
            isNew: true,
          };
        });
        const files = [...new Set(commits.flatMap((c) => c.files))].sort();
        const authors = [...new Set(commits.map((c) => c.author.replace(/\s*<.*>$/, '')))];
        const list = commits
          .slice(0, 5)
          .map(
            (c) =>
              `${shortOid(c.oid)} ${day(c.time)} ${c.author.replace(/\s*<.*>$/, '')} "${c.summary}" (${c.files.slice(0, 3).join(', ')}${c.files.length > 3 ? ', …' : ''})`,
          )
          .join('; ');
        out.push({
          key: `code-drift:${spec.path}`,
          kind: 'code-drift',
          severity: 'warning',
          message:
            `${spec.path} last changed in ${shortOid(lastCommit.oid)} (${day(lastCommit.time)}); since then ${plural(commits.length, 'commit')} by ${authors.join(', ')} changed ${plural(files.length, 'covered file')}: ${list}${commits.length > 5 ? `; and ${commits.length - 5} more` : ''}. ` +
            'Check the spec still describes the code, update it, or accept.',
          spec: spec.path,
          requirement: null,
          paths: files,
          commits,
          evidence: commits.map((c) => c.oid),
        });
      }
    });
    // spec-ahead: no covered change descends from the spec's last change.
    for (const s of members) {
      const spec = specs[s] as SpecInput;
      if (!inRange(last)) continue;
      const after = (covered[s] ?? []).filter((c) => c.commit > last).map((c) => c.commit);
      const descends =
        after.some((c) => graph.knownAncestor(last, c)) ||
        (after.length > 0 && graph.ancestors(after, last)(last));
      if (descends) continue;
      pushSpecAhead(out, spec, lastCommit);
    }
  }
  // Specs whose covered code never changed in the indexed history at all.
  specs.forEach((spec, s) => {
    const last = lastChange.get(spec.path);
    if (last === undefined || (covered[s]?.length ?? 0) > 0 || !inRange(last)) return;
    if (!matchedSpecs.has(s)) return; // already reported as covering nothing
    pushSpecAhead(out, spec, graph.commits[last] as HistoryCommit);
  });
  return out;
}

function pushSpecAhead(
  out: Omit<DriftFinding, 'state' | 'newEvidence'>[],
  spec: SpecInput,
  last: HistoryCommit,
): void {
  out.push({
    key: `spec-ahead:${spec.path}`,
    kind: 'spec-ahead',
    severity: 'note',
    message:
      `${spec.path} changed in ${shortOid(last.oid)} (${day(last.time)}, ${last.author.replace(/\s*<.*>$/, '')}: "${last.summary}"), ` +
      `and no code it covers (${spec.covers.join(', ')}) has changed since. Implement the change, or accept if the code already matches.`,
    spec: spec.path,
    requirement: null,
    paths: [],
    commits: [
      {
        oid: last.oid,
        author: last.author,
        time: last.time,
        summary: last.summary,
        files: [spec.path],
        isNew: true,
      },
    ],
    evidence: [`spec:${last.oid}`],
  });
}

function traceRequirements(
  input: DriftInput,
  graph: HistoryGraph,
): { findings: Omit<DriftFinding, 'state' | 'newEvidence'>[]; coverage: CoverageRow[] } {
  const defined = new Map<string, { spec: string; req: RequirementFact }>();
  for (const spec of [...input.specs].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    for (const req of spec.requirements)
      if (!defined.has(req.id)) defined.set(req.id, { spec: spec.path, req });
  }
  const code = new Map<string, string[]>();
  const tests = new Map<string, string[]>();
  const unknown = new Map<string, string[]>();
  for (const file of input.code) {
    const test = isTestPath(file.path);
    for (const id of file.cites) {
      if (defined.has(id)) {
        const map = test ? tests : code;
        map.set(id, [...(map.get(id) ?? []), file.path]);
      } else {
        unknown.set(id, [...(unknown.get(id) ?? []), file.path]);
      }
    }
  }
  // With --since, only what the range touched.
  const touched = new Set<string>();
  if (input.since) {
    for (const change of input.changes) {
      const c = graph.commits[change.commit] as HistoryCommit;
      if (input.since.commits.has(c.oid)) touched.add(change.path);
    }
  }
  const relevant = (paths: string[]) => !input.since || paths.some((p) => touched.has(p));
  const coverage: CoverageRow[] = [...defined.entries()]
    .map(([id, { spec, req }]) => ({
      id,
      spec,
      title: req.title,
      code: [...new Set(code.get(id) ?? [])].sort(),
      tests: [...new Set(tests.get(id) ?? [])].sort(),
    }))
    .sort((a, b) => (a.spec === b.spec ? a.id.localeCompare(b.id) : a.spec < b.spec ? -1 : 1));
  const findings: Omit<DriftFinding, 'state' | 'newEvidence'>[] = [];
  for (const row of coverage) {
    if (row.tests.length > 0 || !relevant([row.spec])) continue;
    const req = (defined.get(row.id) as { req: RequirementFact }).req;
    findings.push({
      key: `untested-requirement:${row.id}`,
      kind: 'untested-requirement',
      severity: 'warning',
      message:
        `${row.id} (${row.spec}:${req.line}${req.title ? `, "${req.title}"` : ''}) is cited by no test` +
        (row.code.length > 0
          ? ` (code citing it: ${row.code.slice(0, 3).join(', ')})`
          : ' and by no code') +
        '. Add a test that names it, or accept.',
      spec: row.spec,
      requirement: row.id,
      paths: row.code,
      commits: [],
      evidence: [`statement:${shortHash(req.statement)}`],
    });
  }
  for (const [id, paths] of [...unknown.entries()].sort()) {
    const files = [...new Set(paths)].sort();
    if (!relevant(files)) continue;
    const removedFrom = input.historicIds.get(id);
    const tests = files.filter(isTestPath);
    const what =
      tests.length > 0 ? (tests.length === files.length ? 'tests' : 'tests and code') : 'code';
    findings.push({
      key: `${removedFrom ? 'removed' : 'unknown'}-requirement:${id}`,
      kind: removedFrom ? 'removed-requirement' : 'unknown-requirement',
      severity: tests.length > 0 ? 'error' : 'warning',
      message: removedFrom
        ? `${id} was removed from ${removedFrom}, but ${what} still cite it: ${files.slice(0, 5).join(', ')}. Update them to the requirement that replaced it, or delete the citation.`
        : `${id} is cited by ${what} (${files.slice(0, 5).join(', ')}) but no spec defines it. Fix the ID, or add the requirement.`,
      spec: removedFrom ?? null,
      requirement: id,
      paths: files,
      commits: [],
      evidence: files,
    });
  }
  return { findings, coverage };
}
