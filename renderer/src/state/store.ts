import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';

export type CairnState = AppSlice & WorkspaceSlice;

export const useCairn = create<CairnState>()((...a) => ({
  ...createAppSlice(...a),
  ...createWorkspaceSlice(...a),
}));
