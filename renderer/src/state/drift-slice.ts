import type { StateCreator } from 'zustand';
import type { OutputOf } from '../../../electron/ipc/contract.ts';
import type { DriftRunEvent } from '../../../electron/ipc/contract/drift.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export type DriftReport = OutputOf<'drift.report'>;
export type DriftFinding = DriftReport['findings'][number];
export type DriftProgress = Omit<Extract<DriftRunEvent, { type: 'progress' }>, 'type'>;

export interface DriftProblem {
  code: string;
  message: string;
}

export interface DriftSlice {
  driftReport: DriftReport | null;
  driftRunning: boolean;
  /** Where the running report is; null before the first progress event. */
  driftProgress: DriftProgress | null;
  driftError: DriftProblem | null;
  /** What the last accept did, for the view's status line. */
  driftNotice: string | null;
  runDrift(): void;
  cancelDrift(): void;
  acceptDrift(keys: string[], note: string): Promise<boolean>;
}

/** The running report: a token to tell its events from a stopped one's, and how to stop it. */
let running: { stop: () => void } | null = null;

export const createDriftSlice: StateCreator<CairnState, [], [], DriftSlice> = (set, get) => ({
  driftReport: null,
  driftRunning: false,
  driftProgress: null,
  driftError: null,
  driftNotice: null,

  runDrift() {
    running?.stop();
    set({ driftRunning: true, driftProgress: null, driftError: null });
    const current = { stop: () => {} };
    running = current;
    current.stop = api().subscribe('drift.run', {}, (event) => {
      if (running !== current) return;
      if (event.type === 'progress') {
        const { type: _type, ...progress } = event;
        set({ driftProgress: progress });
        return;
      }
      running = null;
      current.stop();
      if (event.type === 'done') {
        set({ driftReport: event.report, driftRunning: false, driftProgress: null });
      } else {
        set({ driftError: event.error, driftRunning: false, driftProgress: null });
      }
    });
  },

  cancelDrift() {
    running?.stop();
    running = null;
    set({
      driftRunning: false,
      driftProgress: null,
      driftNotice: 'Stopped. Commits indexed so far are kept; the next check goes on from there.',
    });
  },

  async acceptDrift(keys, note) {
    set({ driftNotice: null, driftError: null });
    const trimmed = note.trim();
    const result = await api().invoke('drift.accept', {
      keys,
      ...(trimmed ? { note: trimmed } : {}),
    });
    if (!result.ok) {
      set({ driftError: result.error });
      return false;
    }
    const { accepted, file } = result.value;
    set({
      driftNotice: `Accepted ${accepted} finding${accepted === 1 ? '' : 's'} into ${file}. Commit and sync it to share it with your team.`,
    });
    get().runDrift();
    return true;
  },
});
