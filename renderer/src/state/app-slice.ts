import type { StateCreator } from 'zustand';
import type { AppInfo, CairnError } from '../../../electron/ipc/contract.ts';
import type { ConnectionState } from '../transport/websocket.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

/** In navigation order; Alt+1…9 follow it. */
export const VIEWS = [
  'workspace',
  'review',
  'runs',
  'records',
  'drift',
  'costs',
  'models',
  'consent',
  'settings',
] as const;
export type View = (typeof VIEWS)[number];

/** A run another view asks for (the Review view's "Run spec-review"); the Runs view takes it. */
export interface RunRequest {
  workflowId: string;
  itemId: string | null;
}

export interface AppSlice {
  view: View;
  runRequest: RunRequest | null;
  /** Opens the Runs view with this workflow (and work item) chosen, ready to estimate. */
  requestRun(request: RunRequest): void;
  clearRunRequest(): void;
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
  connection: ConnectionState;
  info: AppInfo | null;
  infoError: CairnError | null;
  setView(view: View): void;
  setConnection(state: ConnectionState): void;
  loadInfo(): Promise<void>;
}

export const createAppSlice: StateCreator<CairnState, [], [], AppSlice> = (set) => ({
  view: 'workspace',
  runRequest: null,
  requestRun: (runRequest) => set({ runRequest, view: 'runs' }),
  clearRunRequest: () => set({ runRequest: null }),
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  connection: 'connecting',
  info: null,
  infoError: null,
  setView: (view) => set({ view }),
  setConnection: (connection) => set({ connection }),
  async loadInfo() {
    const result = await api().invoke('app.info', {});
    set(result.ok ? { info: result.value, infoError: null } : { infoError: result.error });
  },
});
