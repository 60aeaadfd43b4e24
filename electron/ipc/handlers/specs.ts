// Handlers of the specs.* channels (contract/specs.ts).
import { lintWorkspace } from '../../../workflows/lint/lint-workspace.ts';
import type { Core } from '../../services/core.ts';
import { createFromTemplate } from '../../services/specs/create-from-template.ts';
import type { Handlers } from '../dispatch.ts';

export function createSpecHandlers(
  core: Core,
): Pick<Handlers, 'specs.lint' | 'specs.createFromTemplate'> {
  return {
    'specs.lint': async () => {
      const { root } = core.requireWorkspace();
      const started = performance.now();
      // The workspace index holds the specs parsed already (the editor's search, references and
      // live lint read it too), so the folder is read and parsed once, not once per use.
      const result = lintWorkspace(await core.workspaceIndex.workspace());
      return {
        root,
        findings: result.findings,
        counts: result.counts,
        elapsedMs: performance.now() - started,
      };
    },
    'specs.createFromTemplate': async (request) => {
      const { root } = core.requireWorkspace();
      return createFromTemplate(root, core.workflows.workflows.catalog(root).templates, request);
    },
  };
}
