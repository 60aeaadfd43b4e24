import type { StateCreator } from 'zustand';
import type { CairnError } from '../../../electron/ipc/contract.ts';
import type {
  CommentView,
  ReviewDiff,
  ShareResult,
  VersionSpec,
  Versions,
  WaitingItem,
} from '../../../electron/ipc/contract/review.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export interface CommentProblem {
  file: string;
  line: number;
  message: string;
}

export interface ReviewSlice {
  reviewVersions: Versions | null;
  reviewFrom: VersionSpec | null;
  reviewTo: VersionSpec | null;
  reviewDiff: ReviewDiff | null;
  reviewDiffState: 'idle' | 'loading' | 'done' | 'error';
  reviewError: CairnError | null;
  reviewComments: CommentView[];
  reviewCommentProblems: CommentProblem[];
  /** Comment files not yet on the remote; null when the workspace is not a repository. */
  reviewCommentsPending: number | null;
  reviewSharing: boolean;
  reviewShareResult: ShareResult | null;
  reviewWaitingWork: WaitingItem[] | null;
  loadReviewVersions(): Promise<void>;
  chooseVersions(from: VersionSpec | null, to: VersionSpec | null): void;
  compareVersions(): Promise<void>;
  loadReviewComments(): Promise<void>;
  /** Returns true when the comment was saved. */
  addReviewComment(spec: string, requirement: string, text: string): Promise<boolean>;
  resolveReviewComment(id: string, resolved: boolean): Promise<void>;
  shareReviewComments(): Promise<void>;
  loadReviewWaitingWork(): Promise<void>;
}

/** Both sides of a comparison the first time: the last commit against the one before it,
 * or against my current files when some changed. */
function defaults(v: Versions): { from: VersionSpec | null; to: VersionSpec | null } {
  const ref = (oid: string | undefined): VersionSpec | null =>
    oid ? { kind: 'ref', ref: oid } : null;
  if (v.workingChanges > 0) return { from: ref(v.commits[0]?.oid), to: { kind: 'working-tree' } };
  return { from: ref(v.commits[1]?.oid ?? v.commits[0]?.oid), to: ref(v.commits[0]?.oid) };
}

let compareSequence = 0;

export const createReviewSlice: StateCreator<CairnState, [], [], ReviewSlice> = (set, get) => ({
  reviewVersions: null,
  reviewFrom: null,
  reviewTo: null,
  reviewDiff: null,
  reviewDiffState: 'idle',
  reviewError: null,
  reviewComments: [],
  reviewCommentProblems: [],
  reviewCommentsPending: null,
  reviewSharing: false,
  reviewShareResult: null,
  reviewWaitingWork: null,
  async loadReviewVersions() {
    const result = await api().invoke('review.versions', {});
    if (!result.ok) return set({ reviewError: result.error });
    const chosen = get().reviewFrom && get().reviewTo ? null : defaults(result.value);
    set({
      reviewVersions: result.value,
      ...(chosen ? { reviewFrom: chosen.from, reviewTo: chosen.to } : {}),
    });
    if (chosen && !get().reviewDiff) await get().compareVersions();
  },
  chooseVersions(from, to) {
    set({ reviewFrom: from, reviewTo: to });
    void get().compareVersions();
  },
  async compareVersions() {
    const { reviewFrom: from, reviewTo: to } = get();
    if (!from || !to) return;
    const mine = ++compareSequence;
    set({ reviewDiffState: 'loading', reviewError: null });
    const result = await api().invoke('review.diff', { from, to });
    // A later choice replaced this one while it ran: its answer is not wanted.
    if (mine !== compareSequence) return;
    if (result.ok) set({ reviewDiff: result.value, reviewDiffState: 'done' });
    else set({ reviewDiffState: 'error', reviewError: result.error });
  },
  async loadReviewComments() {
    const result = await api().invoke('review.comments', {});
    if (!result.ok) return set({ reviewError: result.error });
    set({
      reviewComments: result.value.comments,
      reviewCommentProblems: result.value.problems,
      reviewCommentsPending: result.value.sharing?.pending ?? null,
    });
  },
  async addReviewComment(spec, requirement, text) {
    const commit = get().reviewDiff?.to.oid ?? undefined;
    const result = await api().invoke('review.addComment', {
      spec,
      requirement,
      text,
      ...(commit ? { commit } : {}),
    });
    if (!result.ok) {
      set({ reviewError: result.error });
      return false;
    }
    await get().loadReviewComments();
    return true;
  },
  async resolveReviewComment(id, resolved) {
    const result = await api().invoke('review.resolveComment', { id, resolved });
    if (!result.ok) return set({ reviewError: result.error });
    await get().loadReviewComments();
  },
  async shareReviewComments() {
    const online = get().online;
    set({ reviewSharing: true, reviewError: null });
    // Offline the comments are still committed here (no network needed); only the sync waits.
    const result = await api().invoke('review.shareComments', { online });
    set({ reviewSharing: false });
    if (!result.ok) return set({ reviewError: result.error });
    const value = result.value;
    if (value.remoteReachable !== null) get().noteRemote(value.remoteReachable);
    await Promise.all([
      get().loadReviewComments(),
      get().loadRepoState(),
      get().loadReviewVersions(),
    ]);
    set({ reviewShareResult: value });
  },
  async loadReviewWaitingWork() {
    const result = await api().invoke('review.waiting', {});
    if (result.ok) set({ reviewWaitingWork: result.value.items });
  },
});
