import type { StateCreator } from 'zustand';
import type { CairnError, SpecFile } from '../../../electron/ipc/contract.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export interface WorkspaceSlice {
  files: SpecFile[];
  scan: { state: 'idle' | 'scanning' | 'done' | 'error'; scanned: number; found: number };
  filesError: CairnError | null;
  selectedPath: string | null;
  fileText: string | null;
  fileError: CairnError | null;
  scanWorkspace(): () => void;
  selectFile(path: string): Promise<void>;
}

export const createWorkspaceSlice: StateCreator<CairnState, [], [], WorkspaceSlice> = (
  set,
  get,
) => ({
  files: [],
  scan: { state: 'idle', scanned: 0, found: 0 },
  filesError: null,
  selectedPath: null,
  fileText: null,
  fileError: null,
  scanWorkspace() {
    set({ scan: { state: 'scanning', scanned: 0, found: 0 }, filesError: null });
    return api().subscribe('workspace.scan', {}, (event) => {
      if (event.type === 'progress') {
        set({ scan: { state: 'scanning', scanned: event.scanned, found: event.found } });
      } else if (event.type === 'done') {
        set({
          files: event.files,
          scan: { state: 'done', scanned: event.files.length, found: event.files.length },
        });
      } else {
        set({ filesError: event.error, scan: { ...get().scan, state: 'error' } });
      }
    });
  },
  async selectFile(path) {
    set({ selectedPath: path, fileText: null, fileError: null });
    const result = await api().invoke('workspace.readFile', { path });
    if (get().selectedPath !== path) return;
    set(result.ok ? { fileText: result.value.text } : { fileError: result.error });
  },
});
