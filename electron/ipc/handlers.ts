import type { Core } from '../services/core.ts';
import { listSpecFiles, readWorkspaceFile } from '../services/workspace/workspace.ts';
import type { Handlers } from './dispatch.ts';
import { createModelHandlers } from './handlers/models.ts';
import { createSpecHandlers } from './handlers/specs.ts';
import { createDriftHandlers } from './handlers/drift.ts';
import { createConsentHandlers } from './handlers/consent.ts';
import { createCostHandlers } from './handlers/costs.ts';
import { createProviderHandlers } from './handlers/providers.ts';
import { createRoutingHandlers } from './handlers/routing.ts';
import { createSettingsHandlers } from './handlers/settings.ts';
import { createRecordHandlers } from './handlers/records.ts';
import { createRunHandlers } from './handlers/runs.ts';
import { createAssistHandlers } from './handlers/assist.ts';
import { createRepoHandlers, type RepoHandlerOptions } from './handlers/repo.ts';
import { createReviewHandlers } from './handlers/review.ts';
import { createWorkspaceHandlers } from './handlers/workspace.ts';
import { textVersion } from '../services/workspace/write-file.ts';

export interface HandlerOptions {
  /** Git sync options; the secret store defaults to the core's. */
  repo?: Partial<RepoHandlerOptions>;
}

export function createHandlers(core: Core, options: HandlerOptions = {}): Handlers {
  const secrets = options.repo?.secrets ?? core.secrets;
  return {
    ...createRepoHandlers(core, { ...options.repo, secrets }),
    ...createDriftHandlers(core, options.repo?.env),
    'app.info': () => ({
      name: 'Cairn',
      version: core.version,
      host: core.host,
      dataDir: core.dataDir,
      databasePath: core.databasePath,
      schemaVersion: core.schemaVersion,
      workspace: core.workspace,
      recentWorkspaces: core.recentWorkspaces(),
    }),
    'workspace.open': ({ root }) => core.openWorkspace(root),
    'workspace.listSpecs': async () => {
      const { root } = core.requireWorkspace();
      return { root, files: await listSpecFiles(root, { cache: core.listingCache }) };
    },
    'workspace.readFile': async ({ path }) => {
      const { root } = core.requireWorkspace();
      const text = await readWorkspaceFile(root, path);
      return { path, text, version: textVersion(text) };
    },
    'workspace.scan': async (_input, emit, signal) => {
      const { root } = core.requireWorkspace();
      const started = performance.now();
      const files = await listSpecFiles(root, {
        onProgress: (p) => emit({ type: 'progress', ...p }),
        signal,
        cache: core.listingCache,
      });
      emit({ type: 'done', files, elapsedMs: performance.now() - started });
    },
    ...createModelHandlers(core),
    ...createSpecHandlers(core),
    ...createConsentHandlers(core),
    ...createReviewHandlers(core, { ...options.repo, secrets }),
    ...createCostHandlers(core),
    ...createProviderHandlers(core),
    ...createRoutingHandlers(core),
    ...createSettingsHandlers(core),
    ...createRecordHandlers(core),
    ...createRunHandlers(core),
    ...createWorkspaceHandlers(core),
    ...createAssistHandlers(core),
  };
}
