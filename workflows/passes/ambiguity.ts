// `ambiguity`: the ambiguous words of each requirement, with the ranges the editor underlines.
import type { PassImplementation } from '../engine/pass.ts';
import { findAmbiguities } from './analysis/ambiguity.ts';
import { documentsInScope } from './support/scope.ts';

export const ambiguityPass: PassImplementation = {
  name: 'ambiguity',
  kind: 'deterministic',
  description:
    'Finds vague words, weak modals, and/or, unmeasured bounds and open markers, per requirement.',
  async run(context) {
    const report = findAmbiguities(context.workspace, context.files, documentsInScope(context));
    const issues = report.requirements.reduce((n, r) => n + r.issues.length, 0);
    return {
      summary: `${report.requirements.length} ambiguous requirements (${issues} phrases); ${report.elsewhere.length} open markers elsewhere`,
      output: report,
      metrics: {
        ambiguousRequirements: report.requirements.length,
        openMarkers: [...report.requirements.flatMap((r) => r.issues), ...report.elsewhere].filter(
          (i) => i.kind === 'open-marker',
        ).length,
      },
      changes: [],
    };
  },
};
