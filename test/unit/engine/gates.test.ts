import { describe, expect, it } from 'vitest';
import { GateSchema } from '../../../workflows/engine/definition.ts';
import { evaluateGate } from '../../../workflows/engine/gates.ts';
import type { PassResult } from '../../../workflows/engine/pass.ts';

const result = (metrics: Record<string, number>): PassResult => ({
  summary: 's',
  output: null,
  metrics,
  changes: [],
});

describe('evaluateGate', () => {
  it('tests named criteria against the metrics they stand for', () => {
    const gate = GateSchema.parse({ auto: ['no-lint-errors', 'every-requirement-has-scenario'] });
    const clean = evaluateGate(gate, result({ lintErrors: 0, requirementsWithoutScenario: 0 }));
    expect(clean.auto).toEqual([
      { criterion: 'no-lint-errors', ok: true, detail: 'lintErrors = 0 (at most 0)' },
      {
        criterion: 'every-requirement-has-scenario',
        ok: true,
        detail: 'requirementsWithoutScenario = 0 (at most 0)',
      },
    ]);
    const dirty = evaluateGate(gate, result({ lintErrors: 2, requirementsWithoutScenario: 0 }));
    expect(dirty.auto.map((c) => c.ok)).toEqual([false, true]);
    expect(dirty.auto[0]?.detail).toBe('lintErrors = 2 (at most 0)');
  });

  it('tests a bound on a metric, passing at the bound and failing above it', () => {
    const gate = GateSchema.parse({ auto: [{ metric: 'openMarkers', max: 3 }] });
    expect(evaluateGate(gate, result({ openMarkers: 3 })).auto).toEqual([
      { criterion: 'openMarkers ≤ 3', ok: true, detail: 'openMarkers = 3 (at most 3)' },
    ]);
    expect(evaluateGate(gate, result({ openMarkers: 4 })).auto).toEqual([
      { criterion: 'openMarkers ≤ 3', ok: false, detail: 'openMarkers = 4 (at most 3)' },
    ]);
  });

  it('fails a criterion whose metric the pass does not report, naming it and what is reported', () => {
    const gate = GateSchema.parse({ auto: ['no-critical-findings', { metric: 'typo', max: 0 }] });
    const state = evaluateGate(gate, result({ lintErrors: 0, lintWarnings: 1 }));
    expect(state.auto).toEqual([
      {
        criterion: 'no-critical-findings',
        ok: false,
        detail:
          "the pass reports no 'criticalFindings' metric (it reports: lintErrors, lintWarnings)",
      },
      {
        criterion: 'typo ≤ 0',
        ok: false,
        detail: "the pass reports no 'typo' metric (it reports: lintErrors, lintWarnings)",
      },
    ]);
    expect(evaluateGate(gate, result({})).auto[0]?.detail).toContain('(it reports: none)');
  });

  it('leaves a human step pending, undecided and unanswered', () => {
    const state = evaluateGate(GateSchema.parse({ human: true }), result({}));
    expect(state).toEqual({ auto: [], human: 'pending', answers: null, decidedAt: null });
  });

  it('has nothing to decide for a pass without a gate', () => {
    expect(evaluateGate(undefined, result({ lintErrors: 9 }))).toEqual({
      auto: [],
      human: null,
      answers: null,
      decidedAt: null,
    });
  });
});
