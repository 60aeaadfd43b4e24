// The workspace as it was at a commit: every file path under the workspace folder and the text
// of the files specs live in, read from git objects (never from the working tree). The CLI's
// `cairn diff <ref> <ref>` and the Review view read versions through here.
import type { SourceFile, WorkspaceInput } from '../../../workflows/specs/model.ts';
import { isSpecTextFile } from '../specs/read-workspace-files.ts';
import { guard } from './errors.ts';
import { resolveRevision, type Repo } from './repository.ts';
import { commitTree, listTree, looksBinary, readBlobBytes } from './trees.ts';

export interface WorkspaceAt {
  oid: string;
  input: WorkspaceInput;
}

/**
 * The workspace at `ref` (a branch, tag or commit), with paths relative to the workspace
 * folder. `wants` picks the files whose text is read (default: Markdown and the config).
 */
export async function readWorkspaceAt(
  repo: Repo,
  ref: string,
  wants: (rel: string) => boolean = isSpecTextFile,
): Promise<WorkspaceAt> {
  const oid = await resolveRevision(repo, ref);
  return guard({ action: `read the specs at ${ref}`, dir: repo.dir }, async () => {
    const files: SourceFile[] = [];
    const paths: string[] = [];
    const decoder = new TextDecoder();
    for (const [file, entry] of await listTree(repo, await commitTree(repo, oid))) {
      if (!file.startsWith(repo.prefix)) continue;
      const rel = file.slice(repo.prefix.length);
      paths.push(rel);
      if (!wants(rel)) continue;
      const bytes = await readBlobBytes(repo, entry.oid);
      if (!looksBinary(bytes)) files.push({ path: rel, text: decoder.decode(bytes) });
    }
    return { oid, input: { files, paths } };
  });
}
