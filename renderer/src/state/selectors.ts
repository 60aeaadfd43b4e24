import type { SpecFile } from '../../../electron/ipc/contract.ts';
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
