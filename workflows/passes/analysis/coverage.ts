// The coverage table: for each requirement in scope, its scenarios and the tasks (anywhere in
// the workspace) that cite it. OpenSpec has no convention for citing requirements from tasks,
// so its requirements are listed with `covered: null` and left out of the percentage.
import { citationKey, requirementKey } from '../../lint/citations.ts';
import type { Requirement, SpecDocument, Task, Workspace } from '../../specs/model.ts';

export interface CoverageRow {
  requirementId: string;
  kind: Requirement['kind'];
  scope: string;
  path: string;
  title: string;
  scenarios: number;
  /** Task IDs (or the start of the task's text) that cite the requirement. */
  tasks: string[];
  /** Null where the layout has no way to cite a requirement from a task. */
  covered: boolean | null;
}

export interface CoverageTable {
  rows: CoverageRow[];
  uncoveredRequirements: number;
  /** Covered rows over rows that can be covered, 0–100, one decimal; 100 when there are none. */
  coveragePercent: number;
}

export function coverageTable(workspace: Workspace, scope: readonly SpecDocument[]): CoverageTable {
  const citedBy = citations(workspace);
  const rows: CoverageRow[] = [];
  for (const document of scope) {
    const checkable = document.format !== 'openspec';
    for (const requirement of document.requirements) {
      const tasks = tasksCiting(requirement, document, citedBy);
      rows.push({
        requirementId: requirement.id,
        kind: requirement.kind,
        scope: requirement.scope,
        path: requirement.path,
        title: requirement.title,
        scenarios: requirement.scenarios.length,
        tasks,
        covered: checkable ? tasks.length > 0 : null,
      });
    }
  }
  const checkable = rows.filter((r) => r.covered !== null);
  const covered = checkable.filter((r) => r.covered).length;
  return {
    rows,
    uncoveredRequirements: checkable.length - covered,
    coveragePercent:
      checkable.length === 0 ? 100 : Math.round((1000 * covered) / checkable.length) / 10,
  };
}

export function taskLabel(task: Task): string {
  return task.id ?? (task.text.length > 40 ? task.text.slice(0, 39) + '…' : task.text);
}

/** Requirement key → labels of the tasks citing it, over every document of the workspace. */
function citations(workspace: Workspace): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const document of workspace.documents) {
    for (const task of document.tasks) {
      for (const ref of task.refs) {
        const key = citationKey(document, ref);
        if (key === null) continue;
        const labels = cited.get(key) ?? [];
        if (!labels.includes(taskLabel(task))) labels.push(taskLabel(task));
        cited.set(key, labels);
      }
    }
  }
  return cited;
}

/**
 * Tasks citing the requirement itself; for Kiro, a task citing a story covers its criteria
 * and a task citing a criterion covers its story.
 */
function tasksCiting(
  requirement: Requirement,
  document: SpecDocument,
  citedBy: ReadonlyMap<string, string[]>,
): string[] {
  const keys = [requirementKey(requirement.scope, requirement.id)];
  if (requirement.parentId) keys.push(requirementKey(requirement.scope, requirement.parentId));
  if (requirement.kind === 'story' && document.format === 'kiro') {
    for (const child of document.requirements) {
      if (child.parentId === requirement.id) keys.push(requirementKey(child.scope, child.id));
    }
  }
  return [...new Set(keys.flatMap((key) => citedBy.get(key) ?? []))];
}
