import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice.ts';
import { createConsentSlice, type ConsentSlice } from './consent-slice.ts';
import { createLintSlice, type LintSlice } from './lint-slice.ts';
import { createModelsSlice, type ModelsSlice } from './models-slice.ts';
import { createRunsSlice, type RunsSlice } from './runs-slice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';

export type CairnState = AppSlice &
  WorkspaceSlice &
  LintSlice &
  ConsentSlice &
  ModelsSlice &
  RunsSlice;

export const useCairn = create<CairnState>()((...a) => ({
  ...createAppSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createLintSlice(...a),
  ...createConsentSlice(...a),
  ...createModelsSlice(...a),
  ...createRunsSlice(...a),
}));
