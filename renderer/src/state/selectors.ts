import type { SpecFile } from '../../../electron/ipc/contract.ts';
import type { LintFinding } from '../../../electron/ipc/contract/specs.ts';
import type { CairnState } from './store.ts';

export interface FolderGroup {
  folder: string;
  files: SpecFile[];
}

/** Spec files grouped by folder, folders in path order. */
export function filesByFolder(files: readonly SpecFile[]): FolderGroup[] {
  const groups = new Map<string, SpecFile[]>();
  for (const file of files) {
    const slash = file.path.lastIndexOf('/');
    const folder = slash === -1 ? '' : file.path.slice(0, slash);
    groups.set(folder, [...(groups.get(folder) ?? []), file]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([folder, groupFiles]) => ({ folder, files: groupFiles }));
}

export const selectWorkspaceName = (s: CairnState) => s.info?.workspace?.name ?? null;
export const selectSelectedFile = (s: CairnState) =>
  s.files.find((f) => f.path === s.selectedPath) ?? null;

const NO_FINDINGS: readonly LintFinding[] = [];

/** Lint findings grouped by file path (one pass over the report). */
export function findingsByPath(findings: readonly LintFinding[]): Map<string, LintFinding[]> {
  const byPath = new Map<string, LintFinding[]>();
  for (const finding of findings) {
    const list = byPath.get(finding.path);
    if (list) list.push(finding);
    else byPath.set(finding.path, [finding]);
  }
  return byPath;
}

/** A new array on every call: use inside useMemo, never as a store selector. */
export function findingsOf(
  lint: { findings: readonly LintFinding[] } | null,
  path: string | null,
): readonly LintFinding[] {
  if (!lint || !path) return NO_FINDINGS;
  return lint.findings.filter((f) => f.path === path);
}
