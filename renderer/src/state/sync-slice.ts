import type { StateCreator } from 'zustand';
import type { CairnError, OutputOf } from '../../../electron/ipc/contract.ts';
import { commitMessage, describeShare, describeShareError } from '../components/sync/sync-words.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export type ConflictDetail = OutputOf<'repo.conflicts'>['conflicts'][number];

export interface SyncState {
  /** `identity`: a commit needs the user's name and e-mail first. */
  status: 'idle' | 'working' | 'done' | 'offline' | 'conflicts' | 'identity' | 'error';
  /** What happened, in plain words. */
  message: string | null;
  /** What the button is doing now ("Saving…", "Sharing…"). */
  step: string | null;
}

export interface SyncSlice {
  syncState: SyncState;
  /** Conflicted documents of the merge in progress; null when the resolver is closed. */
  syncConflicts: ConflictDetail[] | null;
  /** Commits every change and syncs (pull, then push); offline, the commits wait. */
  saveAndShare(): Promise<void>;
  /** Saves the name and e-mail commits are made with, then tries again. */
  setIdentityAndShare(name: string, email: string): Promise<void>;
  /**
   * Keeps the given text (or one side whole) for a conflicted document; after the last one,
   * commits the merge and shares.
   */
  resolveConflict(path: string, keep: { text: string } | 'ours' | 'theirs'): Promise<void>;
  closeConflicts(): void;
}

const IDENTITY_MISSING = /does not know who you are/;

export const createSyncSlice: StateCreator<CairnState, [], [], SyncSlice> = (set, get) => {
  const say = (status: SyncState['status'], message: string | null) =>
    set({ syncState: { status, message, step: null } });
  const working = (step: string) =>
    set({ syncState: { ...get().syncState, status: 'working', step } });
  const fail = (error: CairnError) => say('error', describeShareError(error));

  const openConflicts = async () => {
    const found = await api().invoke('repo.conflicts', {});
    if (!found.ok) return fail(found.error);
    const open = found.value.conflicts.filter((c) => !c.resolved);
    set({ syncConflicts: open });
    say('conflicts', describeShare({ kind: 'conflicts', documents: open.length }));
  };

  /** Pull then push, and say what came of it; `saved` documents were just committed. */
  const share = async (saved: number) => {
    working('Sharing with the team…');
    const synced = await api().invoke('repo.sync', {});
    if (!synced.ok) return fail(synced.error);
    const { outcome, ahead, pushed, pull } = synced.value;
    if (outcome === 'offline') {
      return say('offline', describeShare({ kind: 'offline', saved, waiting: ahead }));
    }
    if (outcome === 'conflicts') return openConflicts();
    const broughtIn = pull?.outcome === 'fast-forward' || pull?.outcome === 'merged';
    say('done', describeShare({ kind: 'shared', saved, pushed, broughtIn }));
  };

  return {
    syncState: { status: 'idle', message: null, step: null },
    syncConflicts: null,

    async saveAndShare() {
      working('Saving your changes…');
      const status = await api().invoke('repo.status', {});
      if (!status.ok) return fail(status.error);
      const repo = status.value;
      if (!repo.isRepository) return say('done', describeShare({ kind: 'not-shared-folder' }));
      if (repo.merge?.conflicts.some((c) => !c.resolved)) return openConflicts();
      let saved = 0;
      if (repo.changes.length > 0 || repo.merge) {
        const committed = await api().invoke('repo.commit', {
          message: repo.merge
            ? `Combine my changes with ${repo.merge.theirsLabel}`
            : commitMessage(repo.changes.map((c) => c.path)),
        });
        if (!committed.ok) {
          if (IDENTITY_MISSING.test(committed.error.message)) {
            return say('identity', 'Before your first save, tell Cairn who you are.');
          }
          return fail(committed.error);
        }
        saved = committed.value.files;
      }
      if (!repo.remote) return say('done', describeShare({ kind: 'no-remote', saved }));
      await share(saved);
    },

    async setIdentityAndShare(name, email) {
      const result = await api().invoke('repo.setIdentity', { name, email });
      if (!result.ok) return say('identity', result.error.message);
      await get().saveAndShare();
    },

    async resolveConflict(path, keep) {
      working('Keeping your choice…');
      const result = await api().invoke(
        'repo.resolveConflict',
        typeof keep === 'string' ? { path, take: keep } : { path, take: 'text', text: keep.text },
      );
      if (!result.ok) return fail(result.error);
      const left = (get().syncConflicts ?? []).filter((c) => c.path !== path);
      set({ syncConflicts: left });
      if (result.value.remaining > 0) {
        return say('conflicts', describeShare({ kind: 'conflicts', documents: left.length }));
      }
      set({ syncConflicts: null });
      await get().saveAndShare();
    },

    closeConflicts: () => set({ syncConflicts: null }),
  };
};
