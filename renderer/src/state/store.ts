import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice.ts';
import { createConsentSlice, type ConsentSlice } from './consent-slice.ts';
import { createLintSlice, type LintSlice } from './lint-slice.ts';
import { createModelsSlice, type ModelsSlice } from './models-slice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';
import { createEditorSlice, type EditorSlice } from './editor-slice.ts';
import { createSearchSlice, type SearchSlice } from './search-slice.ts';
import { createReferencesSlice, type ReferencesSlice } from './references-slice.ts';
import { createLiveLintSlice, type LiveLintSlice } from './live-lint-slice.ts';

export type CairnState = AppSlice &
  WorkspaceSlice &
  LintSlice &
  ConsentSlice &
  ModelsSlice &
  EditorSlice &
  SearchSlice &
  ReferencesSlice &
  LiveLintSlice;

export const useCairn = create<CairnState>()((...a) => ({
  ...createAppSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createLintSlice(...a),
  ...createConsentSlice(...a),
  ...createModelsSlice(...a),
  ...createEditorSlice(...a),
  ...createSearchSlice(...a),
  ...createReferencesSlice(...a),
  ...createLiveLintSlice(...a),
}));
