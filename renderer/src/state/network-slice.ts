import type { StateCreator } from 'zustand';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

/**
 * Whether this computer is online (the browser's online/offline events) and whether the
 * workspace's git remote answered last time Cairn tried, with what waits for the network.
 * Everything on this computer works offline; only network actions need this.
 */
export interface NetworkSlice {
  online: boolean;
  /** null until a sync tried the remote; false when it could not be reached. */
  remoteReachable: boolean | null;
  remoteCheckedAt: string | null;
  /** Commits on this branch not yet on its upstream. */
  commitsWaiting: number;
  hasRemote: boolean;
  setOnline(online: boolean): void;
  /** Records what a sync learnt about the remote (true: it answered). */
  noteRemote(reachable: boolean | null): void;
  loadRepoState(): Promise<void>;
}

export const createNetworkSlice: StateCreator<CairnState, [], [], NetworkSlice> = (set) => ({
  // Typed by hand: tests load this slice in Node, where there is no navigator.
  online: (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine ?? true,
  remoteReachable: null,
  remoteCheckedAt: null,
  commitsWaiting: 0,
  hasRemote: false,
  setOnline: (online) => set({ online }),
  noteRemote: (reachable) =>
    set({ remoteReachable: reachable, remoteCheckedAt: new Date().toISOString() }),
  async loadRepoState() {
    const result = await api().invoke('repo.status', {});
    if (!result.ok) return;
    set({
      commitsWaiting: result.value.upstream?.ahead ?? 0,
      hasRemote: result.value.remote !== null,
    });
  },
});
