// What a pass sees: the workspace on disk with this run's proposed (not yet accepted) changes
// laid over it, so `clarify` reads the requirements `specify` just proposed. Rejected and stale
// changes are left out; a change that no longer applies cleanly is left out too.
import type { SourceFile, WorkspaceInput } from '../specs/model.ts';
import { applyChange } from './apply-change.ts';
import type { ProposedChange } from './run-state.ts';

export function overlayChanges(
  base: WorkspaceInput,
  changes: readonly ProposedChange[],
): { input: WorkspaceInput; files: Map<string, string> } {
  const files = new Map(base.files.map((f) => [f.path, f.text]));
  const paths = new Set(base.paths);
  for (const change of changes) {
    if (change.status !== 'proposed' && change.status !== 'accepted') continue;
    const outcome = applyChange(files.get(change.path) ?? null, change);
    if (!outcome.ok) continue;
    files.set(change.path, outcome.text);
    paths.add(change.path);
  }
  const sourceFiles: SourceFile[] = [...files].map(([path, text]) => ({ path, text }));
  return {
    input: { files: sourceFiles, paths: [...paths].sort(), problems: base.problems },
    files,
  };
}
