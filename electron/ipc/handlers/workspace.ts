// Handlers of the editor's workspace.* channels (contract/workspace.ts).
import { lintContextOf } from '../../../workflows/lint/lint-document.ts';
import type { workspaceChannels } from '../contract/workspace.ts';
import type { Core } from '../../services/core.ts';
import { writeWorkspaceFile } from '../../services/workspace/write-file.ts';
import type { Handlers } from '../dispatch.ts';

type WorkspaceHandlers = Pick<Handlers, keyof typeof workspaceChannels>;

export function createWorkspaceHandlers(core: Core): WorkspaceHandlers {
  return {
    'workspace.search': async ({ query, limit }) => {
      const started = performance.now();
      const hits = await core.workspaceIndex.find(query, { limit });
      return { hits, elapsedMs: performance.now() - started };
    },
    'workspace.writeFile': async ({ path, text, expectedVersion, overwrite }) => {
      const { root } = core.requireWorkspace();
      const written = await writeWorkspaceFile(root, path, text, { expectedVersion, overwrite });
      await core.workspaceIndex.saved(path, text);
      return written;
    },
    'workspace.references': ({ id }) => core.requirementTracer.references(id),
    'workspace.lintContext': async () => lintContextOf(await core.workspaceIndex.workspace()),
    'workspace.changes': async (_input, emit, signal) => {
      const index = core.workspaceIndex;
      const { files, elapsedMs } = await index.open();
      if (signal.aborted) return;
      emit({ type: 'ready', files, elapsedMs });
      const stop = index.watch((change) =>
        emit({ type: 'changed', paths: change.changed, listingChanged: change.listingChanged }),
      );
      signal.addEventListener('abort', stop, { once: true });
    },
  };
}
