// Ambiguity per requirement: the linter's word-level rules (vague words, weak modals, and/or,
// unmeasured bounds, open markers), grouped by the requirement they sit in, with the exact
// range the editor underlines. The linter stays the one place these word lists live.
import { lintWorkspace } from '../../lint/lint-workspace.ts';
import type { Finding } from '../../lint/finding.ts';
import type { Range, Requirement, SpecDocument, Workspace } from '../../specs/model.ts';
import { comparePositions } from '../../specs/source-text.ts';
import { textInRange } from '../support/scope.ts';

export type AmbiguityKind = 'vague-word' | 'weak-modal' | 'and-or' | 'unmeasured' | 'open-marker';

const KIND_OF_RULE: Record<string, AmbiguityKind> = {
  'EARS-003': 'vague-word',
  'EARS-004': 'weak-modal',
  'EARS-005': 'and-or',
  'EARS-006': 'unmeasured',
  'SPEC-001': 'open-marker',
};

export interface AmbiguityIssue {
  kind: AmbiguityKind;
  /** The words as written (`fast`, `TBD`). */
  text: string;
  path: string;
  range: Range;
  message: string;
}

export interface RequirementAmbiguity {
  requirementId: string;
  /** Where the ID is unique (Requirement.scope). */
  scope: string;
  path: string;
  title: string;
  issues: AmbiguityIssue[];
}

export interface AmbiguityReport {
  requirements: RequirementAmbiguity[];
  /** Open markers outside every requirement (a PRD's open questions, say). */
  elsewhere: AmbiguityIssue[];
}

export function findAmbiguities(
  workspace: Workspace,
  files: ReadonlyMap<string, string>,
  scope: readonly SpecDocument[],
): AmbiguityReport {
  const paths = new Set(scope.map((d) => d.path));
  const { findings } = lintWorkspace(workspace, { only: Object.keys(KIND_OF_RULE) });
  const byRequirement = new Map<Requirement, AmbiguityIssue[]>();
  const elsewhere: AmbiguityIssue[] = [];
  for (const finding of findings) {
    if (!paths.has(finding.path)) continue;
    const issue = issueOf(finding, files.get(finding.path) ?? '');
    const requirement = requirementAt(scope, finding);
    if (requirement)
      byRequirement.set(requirement, [...(byRequirement.get(requirement) ?? []), issue]);
    else elsewhere.push(issue);
  }
  const requirements = scope.flatMap((d) =>
    d.requirements.flatMap((r) => {
      const issues = byRequirement.get(r);
      return issues
        ? [{ requirementId: r.id, scope: r.scope, path: r.path, title: r.title, issues }]
        : [];
    }),
  );
  return { requirements, elsewhere };
}

function issueOf(finding: Finding, text: string): AmbiguityIssue {
  return {
    kind: KIND_OF_RULE[finding.ruleId] as AmbiguityKind,
    text: textInRange(text, finding.range),
    path: finding.path,
    range: finding.range,
    message: finding.message,
  };
}

/** The requirement a finding is about: the one it names, else the innermost one around it. */
function requirementAt(scope: readonly SpecDocument[], finding: Finding): Requirement | null {
  const document = scope.find((d) => d.path === finding.path);
  if (!document) return null;
  const containing = document.requirements.filter(
    (r) =>
      comparePositions(r.range.start, finding.range.start) <= 0 &&
      comparePositions(finding.range.end, r.range.end) <= 0,
  );
  const named = containing.find((r) => r.id === finding.requirementId);
  // Kiro criteria sit inside their story's range: the last (innermost) one wins.
  return named ?? containing[containing.length - 1] ?? null;
}
