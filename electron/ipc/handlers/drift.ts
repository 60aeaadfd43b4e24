// Handlers of the drift.* channels.
import type { driftChannels } from '../contract/drift.ts';
import type { Core } from '../../services/core.ts';
import { acceptFindings, driftReport } from '../../services/repo/drift-service.ts';
import { resolveIdentity } from '../../services/repo/identity.ts';
import { exclusive } from '../../services/repo/lock.ts';
import { requireRepository } from '../../services/repo/repository.ts';
import type { Handlers } from '../dispatch.ts';

type DriftHandlers = Pick<Handlers, keyof typeof driftChannels>;

export function createDriftHandlers(core: Core, env?: NodeJS.ProcessEnv): DriftHandlers {
  return {
    'drift.report': async ({ since }) => {
      const { root } = core.requireWorkspace();
      const repo = await requireRepository(root);
      return exclusive(repo.gitdir, () => driftReport(repo, core.db, root, { since }));
    },
    'drift.run': async ({ since }, emit, signal) => {
      const { root } = core.requireWorkspace();
      const repo = await requireRepository(root);
      const report = await exclusive(repo.gitdir, () =>
        driftReport(repo, core.db, root, {
          since,
          signal,
          onProgress: (p) => emit({ type: 'progress', ...p }),
        }),
      );
      emit({ type: 'done', report });
    },
    'drift.accept': async ({ keys, all, note }) => {
      const { root } = core.requireWorkspace();
      const repo = await requireRepository(root);
      const who = await resolveIdentity(repo, core.db, env);
      return exclusive(repo.gitdir, () =>
        acceptFindings(repo, core.db, root, {
          keys,
          all,
          note,
          ...(who ? { by: `${who.name} <${who.email}>` } : {}),
        }),
      );
    },
  };
}
