// `coverage`: which requirements tasks cite, as a table.
import type { PassImplementation } from '../engine/pass.ts';
import { coverageTable } from './analysis/coverage.ts';
import { renderCoverageTable } from './analysis/report.ts';
import { documentsInScope } from './support/scope.ts';

export const coveragePass: PassImplementation = {
  name: 'coverage',
  kind: 'deterministic',
  description: 'A coverage table: each requirement, its scenarios and the tasks that cite it.',
  async run(context) {
    const table = coverageTable(context.workspace, documentsInScope(context));
    return {
      summary: `${table.coveragePercent}% of requirements cited by a task; ${table.uncoveredRequirements} without one`,
      output: { ...table, markdown: renderCoverageTable(table.rows).join('\n') },
      metrics: {
        uncoveredRequirements: table.uncoveredRequirements,
        coveragePercent: table.coveragePercent,
      },
      changes: [],
    };
  },
};
