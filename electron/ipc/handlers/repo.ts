// Handlers of the repo.* channels (git sync): thin wrappers that find the workspace's
// repository, serialise operations on it, and call the services in electron/services/repo/.
import type { HttpClient } from 'isomorphic-git';
import type { repoChannels } from '../contract/repo.ts';
import type { Core } from '../../services/core.ts';
import { listBranches, createBranch, switchBranch } from '../../services/repo/branches.ts';
import { cloneRepository } from '../../services/repo/clone.ts';
import { commitChanges } from '../../services/repo/commit.ts';
import { abortMerge, listConflicts, resolveConflict } from '../../services/repo/conflicts.ts';
import { saveIdentity } from '../../services/repo/identity.ts';
import { exclusive } from '../../services/repo/lock.ts';
import {
  fetchRemote,
  readCredential,
  REMOTE,
  requireRemote,
  setRemote,
  storeCredential,
  DEFAULT_USERNAME,
} from '../../services/repo/remote.ts';
import { initRepository, requireRepository, type Repo } from '../../services/repo/repository.ts';
import { repoStatus } from '../../services/repo/status.ts';
import { pull, push, sync } from '../../services/repo/sync.ts';
import type { SecretStore } from '../../services/secrets/secret-store.ts';
import type { Handlers } from '../dispatch.ts';

export interface RepoHandlerOptions {
  secrets: SecretStore;
  /** The HTTP client for remotes (tests pass one with a short idle timeout). */
  http?: HttpClient;
  env?: NodeJS.ProcessEnv;
}

type RepoHandlers = Pick<Handlers, keyof typeof repoChannels>;

export function createRepoHandlers(core: Core, options: RepoHandlerOptions): RepoHandlers {
  const deps = () => ({
    db: core.db,
    secrets: options.secrets,
    http: options.http,
    env: options.env,
  });
  const withRepo = async <T>(fn: (repo: Repo) => Promise<T>): Promise<T> => {
    const repo = await requireRepository(core.requireWorkspace().root);
    return exclusive(repo.gitdir, () => fn(repo));
  };
  return {
    'repo.status': () => repoStatus(core.requireWorkspace().root, core.db, options.secrets),
    'repo.init': async () => {
      const { root } = core.requireWorkspace();
      await initRepository(root);
      return repoStatus(root, core.db, options.secrets);
    },
    'repo.setIdentity': (identity) => {
      saveIdentity(core.db, identity);
      return identity;
    },
    'repo.setRemote': ({ url, token, username }) =>
      withRepo(async (repo) => {
        const result = await setRemote(repo, options.secrets, url, token, username);
        return { name: REMOTE, url: result.url.url, hasToken: result.hasToken };
      }),
    'repo.setToken': ({ token, username }) =>
      withRepo(async (repo) => {
        const remote = await requireRemote(repo);
        storeCredential(
          options.secrets,
          remote.origin,
          token ? { token, username: username ?? DEFAULT_USERNAME } : null,
        );
        return { hasToken: readCredential(options.secrets, remote.origin) !== null };
      }),
    'repo.clone': async (input) => {
      const result = await cloneRepository(input, deps());
      core.openWorkspace(result.root);
      return result;
    },
    'repo.commit': ({ message, paths }) =>
      withRepo((repo) => commitChanges(repo, core.db, { message, paths, env: options.env })),
    'repo.branches': () => withRepo((repo) => listBranches(repo)),
    'repo.createBranch': ({ name, switchTo }) =>
      withRepo((repo) => createBranch(repo, core.db, name, switchTo)),
    'repo.switchBranch': ({ name }) => withRepo((repo) => switchBranch(repo, core.db, name)),
    'repo.fetch': () => withRepo((repo) => fetchRemote(repo, deps())),
    'repo.pull': () => withRepo((repo) => pull(repo, deps())),
    'repo.push': () => withRepo((repo) => push(repo, deps())),
    'repo.sync': () => withRepo((repo) => sync(repo, deps())),
    'repo.conflicts': () =>
      withRepo(async (repo) => ({ conflicts: await listConflicts(repo, core.db) })),
    'repo.resolveConflict': ({ path, take, text }) =>
      withRepo((repo) => resolveConflict(repo, core.db, path, take, text)),
    'repo.abortMerge': () => withRepo((repo) => abortMerge(repo, core.db)),
  };
}
