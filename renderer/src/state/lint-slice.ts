import type { StateCreator } from 'zustand';
import type { CairnError } from '../../../electron/ipc/contract.ts';
import type { LintReport } from '../../../electron/ipc/contract/specs.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export interface LintSlice {
  lint: LintReport | null;
  lintState: 'idle' | 'running' | 'done' | 'error';
  lintError: CairnError | null;
  runLint(): Promise<void>;
}

export const createLintSlice: StateCreator<CairnState, [], [], LintSlice> = (set) => ({
  lint: null,
  lintState: 'idle',
  lintError: null,
  async runLint() {
    set({ lintState: 'running' });
    const result = await api().invoke('specs.lint', {});
    set(
      result.ok
        ? { lint: result.value, lintState: 'done', lintError: null }
        : { lintState: 'error', lintError: result.error },
    );
  },
});
