// Under-specification: requirements with no statement, no scenario, or a scenario that does
// not say what happens (no THEN) or when (no WHEN/GIVEN).
import { requirementKey } from '../../lint/citations.ts';
import { requirementLabel } from '../../lint/labels.ts';
import { missingSteps } from '../../lint/rules/requirement-rules.ts';
import type { SpecDocument } from '../../specs/model.ts';
import { stableId } from '../support/stable-id.ts';
import type { AnalysisFinding } from './finding.ts';

export function underspecificationFindings(scope: readonly SpecDocument[]): AnalysisFinding[] {
  const findings: AnalysisFinding[] = [];
  for (const document of scope) {
    for (const r of document.requirements) {
      const key = requirementKey(r.scope, r.id);
      const label = requirementLabel(r);
      const base = { category: 'underspecification' as const, path: r.path, requirementId: r.id };
      if (r.statement.trim() === '') {
        findings.push({
          ...base,
          id: stableId('UND', 'empty', key),
          severity: 'HIGH',
          range: r.headingRange,
          summary: `${label} has a heading but no statement.`,
          recommendation: 'Write the statement under the heading in EARS form.',
        });
      }
      if (r.scenarioExpected && r.scenarios.length === 0) {
        findings.push({
          ...base,
          id: stableId('UND', 'no-scenario', key),
          severity: r.kind === 'story' ? 'MEDIUM' : 'HIGH',
          range: r.headingRange,
          summary: `${label} has no acceptance scenario, so nothing says how to test it.`,
          recommendation: 'Add a scenario with WHEN and THEN steps.',
        });
      }
      for (const scenario of r.scenarios) {
        const missing = missingSteps(scenario);
        if (missing.length === 0) continue;
        findings.push({
          ...base,
          id: stableId('UND', 'scenario', key, scenario.name, missing.join('+')),
          severity: 'MEDIUM',
          range: scenario.range,
          summary: `Scenario "${scenario.name}" of ${label} has no ${missing.join(' and no ')} step.`,
          recommendation: missing.includes('THEN')
            ? 'Add a THEN step with the observable outcome.'
            : 'Add a WHEN step with the action or event.',
        });
      }
    }
  }
  return findings;
}
