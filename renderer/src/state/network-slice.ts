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

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 commits and 1 request", or null when nothing waits. */
export function waitingForNetwork(s: CairnState): string | null {
  const requests = s.waiting?.length ?? 0;
  const parts = [
    s.commitsWaiting > 0 ? count(s.commitsWaiting, 'commit', 'commits') : null,
    requests > 0 ? count(requests, 'request', 'requests') : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  const total = s.commitsWaiting + requests;
  return `${parts.join(' and ')} ${total === 1 ? 'waits' : 'wait'} for the network`;
}

/** The plain words the status bar shows, and every network action says when it cannot run. */
export function offlineMessage(s: CairnState): string {
  const waiting = waitingForNetwork(s);
  return `Offline — everything on this computer works${waiting ? `; ${waiting}` : ''}`;
}
