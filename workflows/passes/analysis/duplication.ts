// Duplication and inconsistency between requirements: near-identical statements under two IDs,
// and one ID declared twice (a copy, or two different statements: the worse case).
import { jaccard, wordSet } from '../../diff/similarity.ts';
import { requirementKey } from '../../lint/citations.ts';
import { requirementLabel } from '../../lint/labels.ts';
import type { Requirement, Workspace } from '../../specs/model.ts';
import { stableId } from '../support/stable-id.ts';
import type { AnalysisFinding } from './finding.ts';

/** Share of distinct words two statements must have in common to count as duplicates. */
const NEAR_DUPLICATE = 0.75;
/** Below this many distinct words, similarity says little ("The app shall sync."). */
const MIN_WORDS = 4;

const keyOf = (r: Requirement) => requirementKey(r.scope, r.id);
const normalize = (statement: string) => statement.replace(/\s+/g, ' ').trim().toLowerCase();

export function duplicationFindings(
  workspace: Workspace,
  inScope: (path: string) => boolean,
): AnalysisFinding[] {
  const requirements = workspace.documents.flatMap((d) =>
    d.requirements.filter((r) => r.statement.trim() !== ''),
  );
  return [...sameIdFindings(requirements, inScope), ...nearDuplicates(requirements, inScope)];
}

function sameIdFindings(
  requirements: readonly Requirement[],
  inScope: (path: string) => boolean,
): AnalysisFinding[] {
  const groups = new Map<string, Requirement[]>();
  for (const r of requirements) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  const findings: AnalysisFinding[] = [];
  for (const [key, group] of groups) {
    const [first, ...others] = group;
    if (!first || others.length === 0) continue;
    const differs = others.some((r) => normalize(r.statement) !== normalize(first.statement));
    const place = others.find((r) => inScope(r.path)) ?? (inScope(first.path) ? first : null);
    if (!place) continue;
    const label = requirementLabel(first);
    findings.push({
      id: stableId(differs ? 'INC' : 'DUP', 'same-id', key),
      category: differs ? 'inconsistency' : 'duplication',
      severity: differs ? 'CRITICAL' : 'HIGH',
      path: place.path,
      range: place.headingRange,
      requirementId: first.id,
      summary: differs
        ? `${label} is declared ${group.length} times with different statements (${group.map(where).join(', ')}).`
        : `${label} is declared ${group.length} times with the same statement (${group.map(where).join(', ')}).`,
      recommendation: differs
        ? 'Decide which statement holds, keep it under this ID and give the other a new ID.'
        : 'Delete the copy and cite the remaining declaration.',
    });
  }
  return findings;
}

function nearDuplicates(
  requirements: readonly Requirement[],
  inScope: (path: string) => boolean,
): AnalysisFinding[] {
  const words = requirements.map((r) => wordSet(r.statement));
  const findings: AnalysisFinding[] = [];
  for (let i = 0; i < requirements.length; i++) {
    for (let j = i + 1; j < requirements.length; j++) {
      const [a, b] = [requirements[i] as Requirement, requirements[j] as Requirement];
      const [wa, wb] = [words[i] as Set<string>, words[j] as Set<string>];
      if (keyOf(a) === keyOf(b) || a.kind !== b.kind) continue;
      if (!inScope(a.path) && !inScope(b.path)) continue;
      // An OpenSpec delta restates the requirement it modifies; that is its job.
      if (a.id === b.id && (a.delta || b.delta)) continue;
      if (wa.size < MIN_WORDS || wb.size < MIN_WORDS) continue;
      const similarity = jaccard(wa, wb);
      if (similarity < NEAR_DUPLICATE) continue;
      const [first, second] = [keyOf(a), keyOf(b)].sort();
      const place = inScope(b.path) ? b : a;
      findings.push({
        id: stableId('DUP', 'near', first as string, second as string),
        category: 'duplication',
        severity: 'HIGH',
        path: place.path,
        range: place.headingRange,
        requirementId: place.id,
        summary: `${requirementLabel(a)} and ${requirementLabel(b)} state nearly the same thing (${Math.round(similarity * 100)}% of their words in common).`,
        recommendation: 'Merge them into one requirement, or say what makes each one different.',
      });
    }
  }
  return findings;
}

function where(r: Requirement): string {
  return `${r.path}:${r.headingRange.start.line}`;
}
