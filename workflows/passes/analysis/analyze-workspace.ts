// The consistency analysis (in the spirit of Spec Kit's analyze): read-only, over the documents
// in scope, with the rest of the workspace as context (a task elsewhere still covers a
// requirement; a duplicate elsewhere is still a duplicate).
import type { SpecDocument, Workspace } from '../../specs/model.ts';
import { comparePositions } from '../../specs/source-text.ts';
import { findAmbiguities } from './ambiguity.ts';
import { ambiguityFindings } from './ambiguity-findings.ts';
import { coverageTable, type CoverageTable } from './coverage.ts';
import { coverageFindings } from './coverage-findings.ts';
import { duplicationFindings } from './duplication.ts';
import { ANALYSIS_SEVERITIES, type AnalysisFinding } from './finding.ts';
import { underspecificationFindings } from './specification.ts';

export interface Analysis {
  findings: AnalysisFinding[];
  coverage: CoverageTable;
  requirements: number;
}

export function analyzeWorkspace(
  workspace: Workspace,
  files: ReadonlyMap<string, string>,
  scope: readonly SpecDocument[],
): Analysis {
  const paths = new Set(scope.map((d) => d.path));
  const coverage = coverageTable(workspace, scope);
  const findings = [
    ...duplicationFindings(workspace, (path) => paths.has(path)),
    ...ambiguityFindings(findAmbiguities(workspace, files, scope), scope),
    ...underspecificationFindings(scope),
    ...coverageFindings(workspace, scope, coverage),
  ];
  return {
    findings: dedupeIds(findings).sort(compareAnalysisFindings),
    coverage,
    requirements: scope.reduce((n, d) => n + d.requirements.length, 0),
  };
}

/** Most severe first, then by file and place, so the report reads top-down. */
export function compareAnalysisFindings(a: AnalysisFinding, b: AnalysisFinding): number {
  const rank = (f: AnalysisFinding) => ANALYSIS_SEVERITIES.indexOf(f.severity);
  return (
    rank(a) - rank(b) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    comparePositions(a.range.start, b.range.start) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Two findings about the very same thing (a repeated task ID, say) share a hash: keep one. */
function dedupeIds(findings: AnalysisFinding[]): AnalysisFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.id) && seen.add(f.id));
}
