// Handlers of the specs.* channels (contract/specs.ts).
import type { Core } from '../../services/core.ts';
import { lintFolder } from '../../services/specs/lint-folder.ts';
import type { Handlers } from '../dispatch.ts';

export function createSpecHandlers(core: Core): Pick<Handlers, 'specs.lint'> {
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
  };
}
