// The engine's RepoPort on a workspace folder: reads spec files with the same reader as lint,
// writes accepted changes atomically, and refuses paths that leave the folder.
import fs from 'node:fs';
import path from 'node:path';
import type { RepoPort } from '../../../workflows/engine/run-state.ts';
import type { WorkspaceInput } from '../../../workflows/specs/model.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { readWorkspaceFiles } from '../specs/read-workspace-files.ts';

export class FolderRepo implements RepoPort {
  constructor(readonly root: string) {}

  read(): Promise<WorkspaceInput> {
    return readWorkspaceFiles(this.root);
  }

  async readFile(rel: string): Promise<string | null> {
    try {
      return await fs.promises.readFile(this.resolve(rel), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async writeFile(rel: string, text: string): Promise<void> {
    writeFileAtomic(this.resolve(rel), text);
  }

  private resolve(rel: string): string {
    const full = path.resolve(this.root, rel);
    const inside = path.relative(this.root, full);
    if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new Error(`Refusing to write ${rel}: it is outside the workspace ${this.root}.`);
    }
    return full;
  }
}
