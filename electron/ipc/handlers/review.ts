// Handlers of the review.* channels: thin wrappers over the repo services (versions, specs at a
// commit, commit and sync), the semantic diff, the comment files and the consent and run stores.
import { SqliteEgressStore } from '../../services/egress/egress-store.ts';
import type { Core } from '../../services/core.ts';
import { requireIdentity } from '../../services/repo/identity.ts';
import { exclusive } from '../../services/repo/lock.ts';
import { locateRepository, requireRepository, type Repo } from '../../services/repo/repository.ts';
import { changedFiles } from '../../services/repo/status.ts';
import { listVersions } from '../../services/repo/versions.ts';
import { commentSharing, shareComments } from '../../services/review/comment-sharing.ts';
import { addComment, listComments, setResolved } from '../../services/review/comment-store.ts';
import { diffVersions } from '../../services/review/version-diff.ts';
import { waitingWork } from '../../services/review/waiting-work.ts';
import type { reviewChannels } from '../contract/review.ts';
import type { Handlers } from '../dispatch.ts';
import type { RepoHandlerOptions } from './repo.ts';

type ReviewHandlers = Pick<Handlers, keyof typeof reviewChannels>;

export function createReviewHandlers(core: Core, options: RepoHandlerOptions): ReviewHandlers {
  const root = () => core.requireWorkspace().root;
  const withRepo = async <T>(fn: (repo: Repo) => Promise<T>): Promise<T> => {
    const repo = await requireRepository(root());
    return exclusive(repo.gitdir, () => fn(repo));
  };
  const author = async (repo: Repo) => {
    const who = await requireIdentity(repo, core.db, options.env);
    return `${who.name} <${who.email}>`;
  };
  return {
    'review.versions': () =>
      withRepo(async (repo) => ({
        ...(await listVersions(repo)),
        workingChanges: (await changedFiles(repo)).length,
      })),
    'review.diff': async ({ from, to }) => {
      const started = performance.now();
      const diff = await diffVersions(root(), from, to);
      return { ...diff, elapsedMs: performance.now() - started };
    },
    'review.comments': async () => {
      const listing = listComments(root());
      const repo = await locateRepository(root());
      const sharing = repo
        ? await exclusive(repo.gitdir, () => commentSharing(repo, root()))
        : null;
      return { ...listing, sharing };
    },
    'review.addComment': ({ spec, requirement, text, commit }) =>
      withRepo(async (repo) =>
        addComment(root(), { spec, requirement, text, commit, author: await author(repo) }),
      ),
    'review.resolveComment': ({ id, resolved }) =>
      withRepo(async (repo) => setResolved(root(), id, resolved, await author(repo))),
    'review.shareComments': ({ online }) =>
      withRepo((repo) =>
        shareComments(
          repo,
          root(),
          { db: core.db, secrets: options.secrets, http: options.http, env: options.env },
          { online },
        ),
      ),
    'review.waiting': () => {
      const requests = new SqliteEgressStore(core.db).list({ statuses: ['pending', 'approved'] });
      const runs = core.workflows.workflows.runs.listRuns({ status: 'deferred', limit: 200 });
      return { items: waitingWork(requests, runs) };
    },
  };
}
