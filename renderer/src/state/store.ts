import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice.ts';
import { createAssistSlice, type AssistSlice } from './assist-slice.ts';
import { createConsentSlice, type ConsentSlice } from './consent-slice.ts';
import { createCostsSlice, type CostsSlice } from './costs-slice.ts';
import { createDriftSlice, type DriftSlice } from './drift-slice.ts';
import { createLintSlice, type LintSlice } from './lint-slice.ts';
import { createModelsSlice, type ModelsSlice } from './models-slice.ts';
import { createNetworkSlice, type NetworkSlice } from './network-slice.ts';
import { createReviewSlice, type ReviewSlice } from './review-slice.ts';
import { createRoutingSlice, type RoutingSlice } from './routing-slice.ts';
import { createSettingsSlice, type SettingsSlice } from './settings-slice.ts';
import { createRecordsSlice, type RecordsSlice } from './records-slice.ts';
import { createRunsSlice, type RunsSlice } from './runs-slice.ts';
import { createSyncSlice, type SyncSlice } from './sync-slice.ts';
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
  ReviewSlice &
  NetworkSlice &
  CostsSlice &
  DriftSlice &
  SettingsSlice &
  RoutingSlice &
  RecordsSlice &
  RunsSlice &
  EditorSlice &
  SearchSlice &
  ReferencesSlice &
  LiveLintSlice &
  AssistSlice &
  SyncSlice;

export const useCairn = create<CairnState>()((...a) => ({
  ...createAppSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createLintSlice(...a),
  ...createConsentSlice(...a),
  ...createModelsSlice(...a),
  ...createReviewSlice(...a),
  ...createNetworkSlice(...a),
  ...createCostsSlice(...a),
  ...createDriftSlice(...a),
  ...createSettingsSlice(...a),
  ...createRoutingSlice(...a),
  ...createRecordsSlice(...a),
  ...createRunsSlice(...a),
  ...createEditorSlice(...a),
  ...createSearchSlice(...a),
  ...createReferencesSlice(...a),
  ...createLiveLintSlice(...a),
  ...createAssistSlice(...a),
  ...createSyncSlice(...a),
}));
