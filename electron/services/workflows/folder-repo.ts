// The engine's RepoPort on a workspace folder: reads spec files with the same reader as lint,
// writes accepted changes atomically, and refuses paths that leave the folder.
import fs from 'node:fs';
import path from 'node:path';
import type { RepoPort } from '../../../workflows/engine/run-state.ts';
import type { WorkspaceInput } from '../../../workflows/specs/model.ts';
import { sha256Hex } from '../../../workflows/records/canonical-json.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { fs as gitFs, git, locateRepository } from '../repo/repository.ts';
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

  async committed(
    paths: readonly string[],
  ): Promise<Map<string, { commit: string; sha256: string }>> {
    const found = new Map<string, { commit: string; sha256: string }>();
    const repo = await locateRepository(this.root);
    if (!repo || paths.length === 0) return found;
    const head = await git
      .resolveRef({ fs: gitFs, dir: repo.dir, gitdir: repo.gitdir, ref: 'HEAD' })
      .catch(() => null);
    if (!head) return found;
    const rows = await git.statusMatrix({
      fs: gitFs,
      dir: repo.dir,
      gitdir: repo.gitdir,
      cache: repo.cache,
      filepaths: paths.map((p) => repo.prefix + p),
    });
    for (const [file, inHead, workdir, stage] of rows) {
      if (inHead !== 1 || workdir !== 1 || stage !== 1) continue;
      const rel = file.slice(repo.prefix.length);
      const text = await this.readFile(rel);
      if (text !== null) found.set(rel, { commit: head, sha256: sha256Hex(text) });
    }
    return found;
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
