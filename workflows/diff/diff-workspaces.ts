// Semantic diff of two versions of a workspace, by requirement: what was added, removed,
// modified (statement or scenarios) or renamed. Requirements are paired by ID first (within
// their scope), then the rest by content similarity, so a requirement whose ID or OpenSpec
// name changed is reported as renamed, not as one removal and one addition.
import type { Requirement, Workspace } from '../specs/model.ts';
import { jaccard, wordSet } from './similarity.ts';

export type ChangeKind = 'added' | 'removed' | 'modified' | 'renamed';

export interface RequirementSummary {
  id: string;
  title: string;
  path: string;
  line: number;
  statement: string;
}

export interface ScenarioChanges {
  added: string[];
  removed: string[];
  modified: string[];
}

export interface RequirementChange {
  kind: ChangeKind;
  before?: RequirementSummary;
  after?: RequirementSummary;
  /** How the two versions were paired. */
  match?: 'id' | 'content';
  /** Word-set similarity of the two versions, 0 to 1. */
  similarity?: number;
  idChanged?: boolean;
  titleChanged?: boolean;
  statementChanged?: boolean;
  scenarios?: ScenarioChanges;
}

export interface SpecDiff {
  changes: RequirementChange[];
  counts: Record<ChangeKind, number>;
  unchanged: number;
}

/** Pairs by content need at least this similarity (see the unit tests for examples). */
export const RENAME_THRESHOLD = 0.5;
/** Words shared by more requirements than this say little about a pairing. */
const COMMON_WORD_LIMIT = 64;

export function diffWorkspaces(before: Workspace, after: Workspace): SpecDiff {
  const oldReqs = requirementsOf(before);
  const newReqs = requirementsOf(after);
  const newByKey = new Map(newReqs.map((r) => [key(r), r]));
  const pairs: { a: Requirement; b: Requirement; match: 'id' | 'content'; similarity: number }[] =
    [];
  const unmatchedOld: Requirement[] = [];
  const matchedNew = new Set<Requirement>();
  for (const a of oldReqs) {
    const b = newByKey.get(key(a));
    if (b && !matchedNew.has(b)) {
      matchedNew.add(b);
      pairs.push({ a, b, match: 'id', similarity: jaccard(words(a), words(b)) });
    } else unmatchedOld.push(a);
  }
  const unmatchedNew = newReqs.filter((r) => !matchedNew.has(r));
  const byContent = pairByContent(unmatchedOld, unmatchedNew);
  pairs.push(...byContent.pairs.map((p) => ({ ...p, match: 'content' as const })));

  const changes: RequirementChange[] = [];
  let unchanged = 0;
  for (const { a, b, match, similarity } of pairs) {
    const change = compare(a, b, match, similarity);
    if (change) changes.push(change);
    else unchanged++;
  }
  for (const a of oldReqs)
    if (byContent.leftOld.has(a)) changes.push({ kind: 'removed', before: summary(a) });
  for (const b of newReqs)
    if (byContent.leftNew.has(b)) changes.push({ kind: 'added', after: summary(b) });
  changes.sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, modified: 0, renamed: 0 };
  for (const c of changes) counts[c.kind]++;
  return { changes, counts, unchanged };
}

function requirementsOf(workspace: Workspace): Requirement[] {
  return workspace.documents.flatMap((d) => d.requirements);
}

function key(r: Requirement): string {
  return `${r.scope}#${r.kind}#${r.id}`;
}

const wordCache = new WeakMap<Requirement, Set<string>>();
function words(r: Requirement): Set<string> {
  let set = wordCache.get(r);
  if (!set) {
    set = wordSet(
      [
        r.title,
        r.statement,
        ...r.scenarios.flatMap((s) => [s.name, ...s.steps.map((t) => t.text)]),
      ].join(' '),
    );
    wordCache.set(r, set);
  }
  return set;
}

/** Greedy best-first pairing of the leftovers, over candidates that share a word. */
function pairByContent(olds: Requirement[], news: Requirement[]) {
  const index = new Map<string, number[]>();
  news.forEach((b, i) => {
    for (const w of words(b)) {
      const list = index.get(w);
      if (list) list.push(i);
      else index.set(w, [i]);
    }
  });
  const candidates: { i: number; j: number; similarity: number }[] = [];
  olds.forEach((a, i) => {
    const seen = new Set<number>();
    for (const w of words(a)) {
      const list = index.get(w);
      if (!list || list.length > COMMON_WORD_LIMIT) continue;
      for (const j of list) {
        if (seen.has(j)) continue;
        seen.add(j);
        const b = news[j] as Requirement;
        if (b.kind !== a.kind) continue;
        const similarity = jaccard(words(a), words(b));
        if (similarity >= RENAME_THRESHOLD) candidates.push({ i, j, similarity });
      }
    }
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: { a: Requirement; b: Requirement; similarity: number }[] = [];
  for (const c of candidates) {
    if (usedOld.has(c.i) || usedNew.has(c.j)) continue;
    usedOld.add(c.i);
    usedNew.add(c.j);
    pairs.push({
      a: olds[c.i] as Requirement,
      b: news[c.j] as Requirement,
      similarity: c.similarity,
    });
  }
  return {
    pairs,
    leftOld: new Set(olds.filter((_, i) => !usedOld.has(i))),
    leftNew: new Set(news.filter((_, j) => !usedNew.has(j))),
  };
}

function compare(
  a: Requirement,
  b: Requirement,
  match: 'id' | 'content',
  similarity: number,
): RequirementChange | null {
  const idChanged = a.id !== b.id;
  const titleChanged = normalize(a.title) !== normalize(b.title);
  const statementChanged = normalize(a.statement) !== normalize(b.statement);
  const scenarios = compareScenarios(a, b);
  const scenariosChanged =
    scenarios.added.length + scenarios.removed.length + scenarios.modified.length > 0;
  if (!idChanged && !titleChanged && !statementChanged && !scenariosChanged) return null;
  return {
    kind: idChanged || titleChanged ? 'renamed' : 'modified',
    before: summary(a),
    after: summary(b),
    match,
    similarity: Math.round(similarity * 100) / 100,
    idChanged,
    titleChanged,
    statementChanged,
    scenarios,
  };
}

function compareScenarios(a: Requirement, b: Requirement): ScenarioChanges {
  const text = (r: Requirement) =>
    new Map(
      r.scenarios.map((s) => [
        s.name,
        normalize(s.steps.map((t) => `${t.keyword} ${t.text}`).join('\n')),
      ]),
    );
  const before = text(a);
  const after = text(b);
  return {
    added: [...after.keys()].filter((n) => !before.has(n)),
    removed: [...before.keys()].filter((n) => !after.has(n)),
    modified: [...before.keys()].filter((n) => after.has(n) && after.get(n) !== before.get(n)),
  };
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function summary(r: Requirement): RequirementSummary {
  return {
    id: r.id,
    title: r.title,
    path: r.path,
    line: r.headingRange.start.line,
    statement: normalize(r.statement),
  };
}

function sortKey(c: RequirementChange): string {
  const s = c.after ?? c.before;
  return `${s?.path ?? ''}\0${String(s?.line ?? 0).padStart(9, '0')}\0${c.kind}`;
}
