import { requirementKey } from '../../lint/citations.ts';
import type { SpecDocument } from '../../specs/model.ts';
import { stableId } from '../support/stable-id.ts';
import type { AmbiguityIssue, AmbiguityKind, AmbiguityReport } from './ambiguity.ts';
import type { AnalysisFinding, AnalysisSeverity } from './finding.ts';

const SEVERITY: Record<AmbiguityKind, AnalysisSeverity> = {
  'open-marker': 'MEDIUM',
  'vague-word': 'MEDIUM',
  unmeasured: 'MEDIUM',
  'and-or': 'MEDIUM',
  'weak-modal': 'LOW',
};

const RECOMMENDATION: Record<AmbiguityKind, string> = {
  'open-marker': 'Answer the open question (the clarify pass asks it) and remove the marker.',
  'vague-word': 'Replace the word with something a test can observe.',
  unmeasured: 'Give a number: a time, a size or a count.',
  'and-or': 'Say "and" or "or", or split the requirement.',
  'weak-modal': 'Use "shall" if it is required, or drop the requirement if it is not.',
};

/**
 * One finding per ambiguous phrase. The ID hashes the requirement (or file), the kind, the
 * words and which occurrence of them it is, so edits elsewhere do not renumber it.
 */
export function ambiguityFindings(
  report: AmbiguityReport,
  scope: readonly SpecDocument[],
): AnalysisFinding[] {
  const approved = new Set(
    scope
      .filter((d) => ['approved', 'done'].includes(String(d.frontmatter?.data['status'])))
      .map((d) => d.path),
  );
  const findings: AnalysisFinding[] = [];
  const add = (issues: AmbiguityIssue[], owner: string, requirementId: string | null) => {
    const seen = new Map<string, number>();
    for (const issue of issues) {
      const words = issue.text.toLowerCase();
      const nth = (seen.get(issue.kind + words) ?? 0) + 1;
      seen.set(issue.kind + words, nth);
      const severity =
        issue.kind === 'open-marker' && approved.has(issue.path) ? 'HIGH' : SEVERITY[issue.kind];
      findings.push({
        id: stableId('AMB', issue.kind, owner, words, String(nth)),
        category: 'ambiguity',
        severity,
        path: issue.path,
        range: issue.range,
        requirementId,
        summary: issue.message,
        recommendation: RECOMMENDATION[issue.kind],
      });
    }
  };
  for (const r of report.requirements) {
    add(r.issues, requirementKey(r.scope, r.requirementId), r.requirementId);
  }
  const paths = [...new Set(report.elsewhere.map((issue) => issue.path))];
  for (const path of paths) {
    add(
      report.elsewhere.filter((issue) => issue.path === path),
      path,
      null,
    );
  }
  return findings;
}
