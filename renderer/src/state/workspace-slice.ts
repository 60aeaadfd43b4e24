import type { StateCreator } from 'zustand';
import type { CairnError, SpecFile } from '../../../electron/ipc/contract.ts';
import { gitStates, type GitState } from '../components/workspace/git-states.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export interface WorkspaceSlice {
  files: SpecFile[];
  scan: { state: 'idle' | 'scanning' | 'done' | 'error'; scanned: number; found: number };
  filesError: CairnError | null;
  /** The file shown in the editor (or being opened). */
  selectedPath: string | null;
  /** Changed files by workspace path, when the workspace is in a git repository. */
  gitStates: Map<string, GitState>;
  /** The core's index of the workspace (search, references, watching for changes). */
  index: { state: 'building' | 'ready' | 'error'; files: number; message: string | null };
  scanWorkspace(): () => void;
  /** Opens a file in the editor; kept for callers from before the editor (see openDocument). */
  selectFile(path: string): Promise<void>;
  loadGitStatus(): Promise<void>;
  /** Builds the index and follows changes on disk until the returned function is called. */
  watchWorkspace(): () => void;
}

export const createWorkspaceSlice: StateCreator<CairnState, [], [], WorkspaceSlice> = (
  set,
  get,
) => ({
  files: [],
  scan: { state: 'idle', scanned: 0, found: 0 },
  filesError: null,
  selectedPath: null,
  gitStates: new Map(),
  index: { state: 'building', files: 0, message: null },
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
  selectFile(path) {
    return get().openDocument(path);
  },
  async loadGitStatus() {
    const result = await api().invoke('repo.status', {});
    // Not a repository, or git unreadable: the tree simply shows no git badges.
    set({ gitStates: result.ok ? gitStates(result.value) : new Map() });
  },
  watchWorkspace() {
    set({ index: { state: 'building', files: 0, message: null } });
    let stopScan: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refreshDerived = () => {
      if (timer !== null) clearTimeout(timer);
      // Several saves or edits in a row refresh once.
      timer = setTimeout(() => {
        timer = null;
        void get().loadLintContext();
        void get().loadGitStatus();
      }, 500);
    };
    const stop = api().subscribe('workspace.changes', {}, (event) => {
      if (event.type === 'ready') {
        set({ index: { state: 'ready', files: event.files, message: null } });
      } else if (event.type === 'changed') {
        void get().filesChangedOnDisk(event.paths);
        if (event.listingChanged) {
          stopScan?.();
          stopScan = get().scanWorkspace();
        }
        refreshDerived();
      } else {
        set({ index: { state: 'error', files: 0, message: event.error.message } });
      }
    });
    return () => {
      stop();
      stopScan?.();
      if (timer !== null) clearTimeout(timer);
    };
  },
});
