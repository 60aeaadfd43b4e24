// Full-text search in the Workspace view: the query as typed, the hits of the latest one.
import type { StateCreator } from 'zustand';
import type { CairnError } from '../../../electron/ipc/contract.ts';
import type { SearchHit } from '../../../electron/ipc/contract/workspace.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export interface SearchSlice {
  searchQuery: string;
  searchHits: SearchHit[];
  searchState: 'idle' | 'searching' | 'done' | 'error';
  searchError: CairnError | null;
  searchMs: number | null;
  /** Bumped to ask the search box to take the focus (Ctrl+K, Ctrl+Shift+F). */
  searchFocus: number;
  search(query: string): Promise<void>;
  focusSearch(): void;
}

/** Keystrokes closer together than this send one query. */
const TYPING_PAUSE_MS = 120;
let pending: ReturnType<typeof setTimeout> | null = null;

export const createSearchSlice: StateCreator<CairnState, [], [], SearchSlice> = (set, get) => ({
  searchQuery: '',
  searchHits: [],
  searchState: 'idle',
  searchError: null,
  searchMs: null,
  searchFocus: 0,
  async search(query) {
    set({ searchQuery: query });
    if (query.trim() === '') {
      set({ searchHits: [], searchState: 'idle', searchError: null, searchMs: null });
      return;
    }
    set({ searchState: 'searching' });
    if (pending !== null) clearTimeout(pending);
    await new Promise<void>((resolve) => {
      pending = setTimeout(() => {
        pending = null;
        resolve();
      }, TYPING_PAUSE_MS);
    });
    if (get().searchQuery !== query) return;
    const result = await api().invoke('workspace.search', { query, limit: 100 });
    // Only the latest query's answer counts; earlier ones may arrive after it.
    if (get().searchQuery !== query) return;
    set(
      result.ok
        ? {
            searchHits: result.value.hits,
            searchState: 'done',
            searchError: null,
            searchMs: result.value.elapsedMs,
          }
        : { searchHits: [], searchState: 'error', searchError: result.error },
    );
  },
  focusSearch() {
    set({ searchFocus: get().searchFocus + 1 });
  },
});
