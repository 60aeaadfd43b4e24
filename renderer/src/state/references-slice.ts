// The Workspace view's side panel: which tab shows, and the references of one requirement.
import type { StateCreator } from 'zustand';
import type { CairnError } from '../../../electron/ipc/contract.ts';
import type { RequirementReferences } from '../../../electron/ipc/contract/workspace.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export interface ReferencesSlice {
  /** The side panel tab shown (an id from components/workspace/SidePanel.tsx). */
  sidePanelTab: string;
  /** The requirement whose references are shown (the one at the cursor, or one clicked). */
  referencesId: string | null;
  references: RequirementReferences | null;
  referencesState: 'idle' | 'loading' | 'done' | 'error';
  referencesError: CairnError | null;
  /** The requirement the editor's cursor is in, as it moves. */
  cursorRequirement: string | null;
  /** When an ID was chosen outright (performance.now()); cursor moves before it do not count. */
  referencesChosenAt: number;
  /** The cursor is in requirement `id` since `at` (performance.now() of the move). */
  setCursorRequirement(id: string | null, at: number): void;
  showSidePanelTab(id: string): void;
  loadReferences(id: string | null): Promise<void>;
  /** Shows the References tab for `id` (Ctrl/Cmd-click on an ID, F12). */
  showReferences(id: string): Promise<void>;
}

export const createReferencesSlice: StateCreator<CairnState, [], [], ReferencesSlice> = (
  set,
  get,
) => ({
  sidePanelTab: 'findings',
  referencesId: null,
  references: null,
  referencesState: 'idle',
  referencesError: null,
  cursorRequirement: null,
  referencesChosenAt: 0,
  setCursorRequirement(id, at) {
    if (id === get().cursorRequirement) return;
    set({ cursorRequirement: id });
    // The References tab follows the cursor into another requirement; a clicked ID stays
    // until the cursor moves after the click.
    if (id && get().sidePanelTab === 'references' && at > get().referencesChosenAt) {
      void get().loadReferences(id);
    }
  },
  showSidePanelTab(id) {
    set({ sidePanelTab: id });
    const cursor = get().cursorRequirement;
    if (id === 'references' && cursor && !get().referencesId) void get().loadReferences(cursor);
  },
  async loadReferences(id) {
    if (id === get().referencesId && get().referencesState !== 'error') return;
    set({ referencesId: id, referencesError: null });
    if (!id) {
      set({ references: null, referencesState: 'idle' });
      return;
    }
    set({ referencesState: 'loading' });
    const result = await api().invoke('workspace.references', { id });
    if (get().referencesId !== id) return;
    set(
      result.ok
        ? { references: result.value, referencesState: 'done' }
        : { referencesState: 'error', referencesError: result.error },
    );
  },
  async showReferences(id) {
    set({ sidePanelTab: 'references', referencesChosenAt: performance.now() });
    await get().loadReferences(id);
  },
});
