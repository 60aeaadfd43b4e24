// Coverage gaps: requirements no task cites, tasks that cite nothing, and tasks that cite a
// requirement no spec declares (a broken trace: the worst of the three).
import { citationKey, requirementKeys } from '../../lint/citations.ts';
import { requirementLabel } from '../../lint/labels.ts';
import type { SpecDocument, Workspace } from '../../specs/model.ts';
import { stableId } from '../support/stable-id.ts';
import { taskLabel, type CoverageTable } from './coverage.ts';
import type { AnalysisFinding } from './finding.ts';

/** Layouts whose tasks cite requirements (OpenSpec tasks do not). */
const CITING_FORMATS = new Set(['cairn', 'speckit', 'kiro']);

export function coverageFindings(
  workspace: Workspace,
  scope: readonly SpecDocument[],
  table: CoverageTable,
): AnalysisFinding[] {
  const findings: AnalysisFinding[] = [];
  const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
  const foldersWithTasks = new Set(
    workspace.documents.filter((d) => d.tasks.length > 0).map((d) => folderOf(d.path)),
  );
  for (const row of table.rows) {
    if (row.covered !== false) continue;
    const document = scope.find((d) => d.path === row.path);
    const requirement = document?.requirements.find((r) => r.id === row.requirementId);
    const hasTasks = foldersWithTasks.has(folderOf(row.path));
    const label = requirementLabel({ id: row.requirementId, kind: row.kind });
    findings.push({
      id: stableId('COV', 'uncovered', `${row.scope}#${row.requirementId}`),
      category: 'coverage',
      severity: hasTasks ? 'HIGH' : 'LOW',
      path: row.path,
      range: requirement?.headingRange ?? {
        start: { line: 1, column: 1 },
        end: { line: 1, column: 1 },
      },
      requirementId: row.requirementId,
      summary: hasTasks
        ? `No task cites ${label}.`
        : `No task cites ${label} (there is no task list next to it yet).`,
      recommendation: hasTasks
        ? 'Add a task that implements it, or cite it from the task that does.'
        : 'Break the spec into tasks (the tasks pass) once it is settled.',
    });
  }
  const keys = requirementKeys(workspace);
  for (const document of scope) {
    if (!CITING_FORMATS.has(document.format)) continue;
    for (const task of document.tasks) {
      const label = task.id ? `Task ${task.id}` : `Task "${taskLabel(task)}"`;
      const taskKey = task.id ?? task.text;
      if (task.refs.length === 0) {
        findings.push({
          id: stableId('COV', 'uncited', document.path, taskKey),
          category: 'coverage',
          severity: 'LOW',
          path: document.path,
          range: task.idRange ?? task.range,
          requirementId: null,
          summary: `${label} cites no requirement.`,
          recommendation: 'Cite the requirement it serves, or say why it is needed (setup).',
        });
      }
      for (const ref of task.refs) {
        const key = citationKey(document, ref);
        if (key === null || keys.has(key)) continue;
        findings.push({
          id: stableId('COV', 'unknown', document.path, taskKey, ref.id),
          category: 'coverage',
          severity: 'CRITICAL',
          path: document.path,
          range: ref.range,
          requirementId: ref.id,
          summary: `${label} cites ${ref.id}, which no spec declares.`,
          recommendation: 'Fix the ID, or add the requirement the task implements.',
        });
      }
    }
  }
  return findings;
}
