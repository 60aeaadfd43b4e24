// `lint`: the spec linter over the pass's documents, with its mechanical fixes proposed as one
// change per file.
import type { FileChange, PassImplementation } from '../engine/pass.ts';
import { applyEdits } from '../lint/apply-fixes.ts';
import type { Finding } from '../lint/finding.ts';
import { lintWorkspace } from '../lint/lint-workspace.ts';
import { documentsInScope, textOf } from './support/scope.ts';

export const lintPass: PassImplementation = {
  name: 'lint',
  kind: 'deterministic',
  description: 'Lints the specs (EARS, scenarios, IDs, links) and proposes the mechanical fixes.',
  async run(context) {
    const scope = documentsInScope(context);
    const whole = scope === context.workspace.documents;
    const paths = new Set(scope.map((d) => d.path));
    // The whole workspace is linted so that citations resolve; findings are kept for the scope.
    const findings = lintWorkspace(context.workspace).findings.filter(
      (f) => whole || paths.has(f.path),
    );
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity]++;
    const requirements = scope.flatMap((d) => d.requirements);
    const changes = fixChanges(findings, (path) => textOf(context, path));
    return {
      summary: `${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes in ${scope.length} documents; ${changes.length} files with mechanical fixes`,
      output: { findings, counts, documents: scope.length },
      metrics: {
        lintErrors: counts.error,
        lintWarnings: counts.warning,
        requirementsWithoutScenario: requirements.filter(
          (r) => r.scenarioExpected && r.scenarios.length === 0,
        ).length,
        requirements: requirements.length,
      },
      changes,
    };
  },
};

function fixChanges(
  findings: readonly Finding[],
  read: (path: string) => string | null,
): FileChange[] {
  const changes: FileChange[] = [];
  const paths = [...new Set(findings.filter((f) => f.fix).map((f) => f.path))];
  for (const path of paths) {
    const before = read(path);
    if (before === null) continue;
    const fixable = findings.filter((f) => f.path === path && f.fix);
    const { text: after, skipped } = applyEdits(
      before,
      fixable.flatMap((f) => f.fix?.edits ?? []),
    );
    if (after === before) continue;
    const rules = [...new Set(fixable.map((f) => f.ruleId))].sort();
    const skippedEdits = new Set(skipped);
    const applied = fixable.filter((f) => f.fix?.edits.every((e) => !skippedEdits.has(e))).length;
    changes.push({
      path,
      before,
      after,
      summary: `Apply ${applied} mechanical lint fix${applied === 1 ? '' : 'es'} (${rules.join(', ')})`,
    });
  }
  return changes;
}
