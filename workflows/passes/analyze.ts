// `analyze`: the read-only consistency analysis, with a Markdown report and a coverage table.
import type { PassImplementation } from '../engine/pass.ts';
import { analyzeWorkspace } from './analysis/analyze-workspace.ts';
import { renderAnalysisReport } from './analysis/report.ts';
import { documentsInScope } from './support/scope.ts';

export const analyzePass: PassImplementation = {
  name: 'analyze',
  kind: 'deterministic',
  description:
    'Consistency analysis: duplication, ambiguity, under-specification, coverage and inconsistency, with stable finding IDs.',
  async run(context) {
    const scope = documentsInScope(context);
    const analysis = analyzeWorkspace(context.workspace, context.files, scope);
    const count = (severity: string) =>
      analysis.findings.filter((f) => f.severity === severity).length;
    return {
      summary: `${analysis.findings.length} findings (${count('CRITICAL')} critical, ${count('HIGH')} high); coverage ${analysis.coverage.coveragePercent}%`,
      output: { ...analysis, report: renderAnalysisReport(analysis) },
      metrics: {
        criticalFindings: count('CRITICAL'),
        highFindings: count('HIGH'),
        findings: analysis.findings.length,
        uncoveredRequirements: analysis.coverage.uncoveredRequirements,
        coveragePercent: analysis.coverage.coveragePercent,
      },
      changes: [],
    };
  },
};
