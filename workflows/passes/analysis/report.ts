// The analysis as Markdown, laid out like Spec Kit's analyze report: a findings table, the
// coverage table, then the numbers.
import type { Analysis } from './analyze-workspace.ts';
import type { CoverageRow } from './coverage.ts';
import { ANALYSIS_SEVERITIES } from './finding.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function renderAnalysisReport(analysis: Analysis): string {
  const lines = ['## Specification analysis report', ''];
  if (analysis.findings.length === 0) {
    lines.push('No findings.', '');
  } else {
    lines.push(
      '| ID | Category | Severity | Location | Summary | Recommendation |',
      '| --- | --- | --- | --- | --- | --- |',
      ...analysis.findings.map(
        (f) =>
          `| ${f.id} | ${f.category} | ${f.severity} | ${cell(`${f.path}:${f.range.start.line}`)} | ${cell(f.summary)} | ${cell(f.recommendation)} |`,
      ),
      '',
    );
  }
  lines.push('### Coverage', '', ...renderCoverageTable(analysis.coverage.rows), '');
  const bySeverity = ANALYSIS_SEVERITIES.map(
    (s) => `${analysis.findings.filter((f) => f.severity === s).length} ${s}`,
  ).join(', ');
  lines.push(
    '### Metrics',
    '',
    `- Requirements: ${analysis.requirements}`,
    `- Coverage: ${analysis.coverage.coveragePercent}% (${analysis.coverage.uncoveredRequirements} without a task)`,
    `- Findings: ${analysis.findings.length} (${bySeverity})`,
    '',
  );
  return lines.join('\n');
}

export function renderCoverageTable(rows: readonly CoverageRow[]): string[] {
  if (rows.length === 0) return ['No requirements in scope.'];
  return [
    '| Requirement | File | Scenarios | Tasks | Covered |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(r.requirementId)} | ${cell(r.path)} | ${r.scenarios} | ${cell(r.tasks.join(', ') || '—')} | ${r.covered === null ? 'n/a' : r.covered ? 'yes' : 'no'} |`,
    ),
  ];
}
