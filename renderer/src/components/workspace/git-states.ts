// Git's view of the workspace's files, for the tree's badges: repo.status lists changes by
// path in the repository, and the workspace may be a folder inside it.
import type { RepoStatus } from '../../../../electron/ipc/contract/repo.ts';

export type GitState = 'new' | 'modified' | 'deleted';

const STATE: Record<RepoStatus['changes'][number]['state'], GitState> = {
  added: 'new',
  untracked: 'new',
  modified: 'modified',
  deleted: 'deleted',
};

const slashes = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');

/** Changed files by their path in the workspace; files outside it are left out. */
export function gitStates(
  status: Pick<RepoStatus, 'root' | 'repositoryRoot' | 'changes'>,
): Map<string, GitState> {
  const states = new Map<string, GitState>();
  if (!status.repositoryRoot) return states;
  const repo = slashes(status.repositoryRoot);
  const root = slashes(status.root);
  const prefix =
    root === repo ? '' : root.startsWith(repo + '/') ? root.slice(repo.length + 1) + '/' : null;
  if (prefix === null) return states;
  for (const change of status.changes) {
    if (!change.path.startsWith(prefix)) continue;
    states.set(change.path.slice(prefix.length), STATE[change.state]);
  }
  return states;
}
