// Takes a model off the registry. Its file is deleted only when Cairn put it there (a download
// into Cairn's models folder); a file imported from elsewhere belongs to the user and stays.
import fs from 'node:fs';
import path from 'node:path';
import type { ModelRecord, ModelRegistryPort } from './registry-port.ts';

/**
 * What happened to the file: deleted; kept (not in Cairn's models folder); shared (kept, another
 * registered model names the same file); or already-gone.
 */
export type RemovedFile = 'deleted' | 'kept' | 'shared' | 'already-gone';

export interface RemoveResult {
  record: ModelRecord;
  file: RemovedFile;
}

export function isInsideFolder(folder: string, file: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`);
  return relative !== '' && !outside && !path.isAbsolute(relative);
}

/**
 * Deletes the file first (when it is Cairn's) and unregisters after, so that a file that cannot
 * be deleted leaves the model listed and the removal can be tried again.
 */
export function removeModel(
  record: ModelRecord,
  registry: ModelRegistryPort,
  modelsDir: string,
): RemoveResult {
  let file: RemovedFile = 'kept';
  if (isInsideFolder(modelsDir, record.path)) {
    // Another record may name the same path (a file replaced and imported again).
    const shared = registry.listModels().some((m) => m.id !== record.id && m.path === record.path);
    if (shared) file = 'shared';
    else if (!fs.existsSync(record.path)) file = 'already-gone';
    else {
      try {
        fs.rmSync(record.path);
      } catch (error) {
        throw new Error(
          `Cannot delete ${record.path}: ${(error as Error).message}. The model stays registered; close whatever uses the file and remove it again.`,
        );
      }
      file = 'deleted';
    }
  }
  registry.removeModel(record.id);
  return { record, file };
}
