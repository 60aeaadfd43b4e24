// Handlers of the specs.* channels (contract/specs.ts).
import type { Core } from '../../services/core.ts';
import { createFromTemplate } from '../../services/specs/create-from-template.ts';
import { lintFolder } from '../../services/specs/lint-folder.ts';
import type { Handlers } from '../dispatch.ts';

export function createSpecHandlers(
  core: Core,
): Pick<Handlers, 'specs.lint' | 'specs.createFromTemplate'> {
  return {
    'specs.lint': async () => {
      const { root } = core.requireWorkspace();
      const started = performance.now();
      const { result } = await lintFolder(root);
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
