// Automatic gate criteria, tested against the metrics a pass reports.
import type { CriterionDefinition, GateDefinition } from './definition.ts';
import type { PassResult } from './pass.ts';

/** The named criteria, as bounds on metrics. */
const NAMED: Record<Extract<CriterionDefinition, string>, { metric: string; max: number }> = {
  'no-lint-errors': { metric: 'lintErrors', max: 0 },
  'every-requirement-has-scenario': { metric: 'requirementsWithoutScenario', max: 0 },
  'no-critical-findings': { metric: 'criticalFindings', max: 0 },
};

export interface CriterionOutcome {
  criterion: string;
  ok: boolean;
  detail: string;
}

export interface GateState {
  auto: CriterionOutcome[];
  /** `pending` while a person has to decide; null when the gate has no human step. */
  human: 'pending' | 'approved' | 'rejected' | null;
  answers: Record<string, string> | null;
  decidedAt: string | null;
}

export function criterionName(criterion: CriterionDefinition): string {
  return typeof criterion === 'string' ? criterion : `${criterion.metric} ≤ ${criterion.max}`;
}

export function evaluateGate(gate: GateDefinition | undefined, result: PassResult): GateState {
  const auto = (gate?.auto ?? []).map((criterion): CriterionOutcome => {
    const { metric, max } = typeof criterion === 'string' ? NAMED[criterion] : criterion;
    const name = criterionName(criterion);
    const value = result.metrics[metric];
    if (value === undefined) {
      return {
        criterion: name,
        ok: false,
        detail: `the pass reports no '${metric}' metric (it reports: ${Object.keys(result.metrics).join(', ') || 'none'})`,
      };
    }
    return {
      criterion: name,
      ok: value <= max,
      detail: `${metric} = ${value} (at most ${max})`,
    };
  });
  return {
    auto,
    human: gate?.human ? 'pending' : null,
    answers: null,
    decidedAt: null,
  };
}
