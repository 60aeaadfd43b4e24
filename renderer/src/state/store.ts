import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice.ts';
import { createAssistSlice, type AssistSlice } from './assist-slice.ts';
import { createConsentSlice, type ConsentSlice } from './consent-slice.ts';
import { createLintSlice, type LintSlice } from './lint-slice.ts';
import { createModelsSlice, type ModelsSlice } from './models-slice.ts';
import { createSyncSlice, type SyncSlice } from './sync-slice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';

export type CairnState = AppSlice &
  WorkspaceSlice &
  LintSlice &
  ConsentSlice &
  ModelsSlice &
  AssistSlice &
  SyncSlice;

export const useCairn = create<CairnState>()((...a) => ({
  ...createAppSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createLintSlice(...a),
  ...createConsentSlice(...a),
  ...createModelsSlice(...a),
  ...createAssistSlice(...a),
  ...createSyncSlice(...a),
}));
