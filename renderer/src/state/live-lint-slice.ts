// Lint of the open document as it is typed: the rest of the workspace as the linter needs it
// (fetched once per workspace and after changes on disk), and the findings of the last run.
import type { StateCreator } from 'zustand';
import type { CairnError } from '../../../electron/ipc/contract.ts';
import type { LintContext } from '../../../workflows/lint/lint-document.ts';
import type { Finding } from '../../../workflows/lint/finding.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export interface LiveLint {
  path: string;
  /** The text the findings are about. */
  text: string;
  findings: Finding[];
  elapsedMs: number;
}

export interface LiveLintSlice {
  lintContext: LintContext | null;
  lintContextError: CairnError | null;
  /** The last lint of the open document. */
  liveLint: LiveLint | null;
  /** Errors and warnings of every document linted live since the view opened, by path. */
  liveCounts: Record<string, { errors: number; warnings: number }>;
  loadLintContext(): Promise<void>;
  setLiveLint(result: LiveLint): void;
}

export const createLiveLintSlice: StateCreator<CairnState, [], [], LiveLintSlice> = (set, get) => ({
  lintContext: null,
  lintContextError: null,
  liveLint: null,
  liveCounts: {},
  async loadLintContext() {
    const result = await api().invoke('workspace.lintContext', {});
    set(
      result.ok
        ? { lintContext: result.value, lintContextError: null }
        : { lintContextError: result.error },
    );
  },
  setLiveLint(liveLint) {
    let errors = 0;
    let warnings = 0;
    for (const f of liveLint.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    set({ liveLint, liveCounts: { ...get().liveCounts, [liveLint.path]: { errors, warnings } } });
  },
});
