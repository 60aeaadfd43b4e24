import type { StateCreator } from 'zustand';
import type { OutputOf } from '../../../electron/ipc/contract.ts';
import type {
  RecordComparison,
  RecordDetail,
  RecordFilter,
  RecordSummary,
} from '../../../electron/ipc/contract/records.ts';
import { api } from './api.ts';
import type { InstalledModel, Problem } from './models-slice.ts';
import type { CairnState } from './store.ts';

export type RecordFacets = OutputOf<'records.facets'>;
export type { RecordComparison, RecordDetail, RecordFilter, RecordSummary };

export const RECORDS_PAGE_SIZE = 50;
/** How much of a running re-run's text the view keeps to show (its tail). */
const PREVIEW_CHARS = 600;

export type RerunState =
  | {
      status: 'running';
      sourceId: string;
      modelId: string;
      modelName: string | null;
      /** The last PREVIEW_CHARS characters the model produced. */
      preview: string;
      chars: number;
      startedAt: number;
    }
  | { status: 'done'; sourceId: string; modelId: string; rerunId: string }
  | {
      status: 'failed';
      sourceId: string;
      modelId: string;
      error: Problem;
      /** The failed re-run's own record, when it was written. */
      recordId: string | null;
    }
  | { status: 'cancelled'; sourceId: string; modelId: string };

export interface RecordsSlice {
  recordsFilter: RecordFilter;
  /** The page shown; null until the first one arrives. */
  recordsPage: { records: RecordSummary[]; total: number; next: string | null } | null;
  /** The `after` cursor of every page up to the one shown: [null] on the first page. */
  recordsCursors: (string | null)[];
  recordsLoading: boolean;
  recordsError: Problem | null;
  recordFacets: RecordFacets | null;
  openRecordId: string | null;
  recordDetail: RecordDetail | null;
  recordDetailError: Problem | null;
  /** The open record beside another call of the same request (its re-run, or its source). */
  recordComparison: RecordComparison | null;
  rerunModels: InstalledModel[] | null;
  rerun: RerunState | null;
  loadRecords(): Promise<void>;
  loadRecordFacets(): Promise<void>;
  /** Replaces the filter and goes back to the first page. */
  setRecordsFilter(filter: RecordFilter): void;
  olderRecords(): void;
  newerRecords(): void;
  openRecord(id: string): Promise<void>;
  closeRecord(): void;
  loadRerunModels(): Promise<void>;
  startRerun(modelId: string): void;
  cancelRerun(): void;
  /** Opens the Records view on the calls of one run (for links from other views). */
  showRecordsForRun(runId: string): void;
}

const problem = (error: { message: string; issues?: string[] }): Problem => ({
  message: error.message,
  ...(error.issues ? { issues: error.issues } : {}),
});

/** Drops empty fields, so that "All" in a filter means no condition at all. */
function compact(filter: RecordFilter): RecordFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''),
  ) as RecordFilter;
}

/** Replies to an older list request are dropped when a newer one was made since. */
let listRequest = 0;
let detailRequest = 0;
let stopRerun: (() => void) | null = null;

export const createRecordsSlice: StateCreator<CairnState, [], [], RecordsSlice> = (set, get) => {
  const loadPage = async (cursors: (string | null)[]) => {
    const request = ++listRequest;
    set({ recordsLoading: true });
    const result = await api().invoke('records.list', {
      ...compact(get().recordsFilter),
      after: cursors.at(-1) ?? null,
      limit: RECORDS_PAGE_SIZE,
    });
    if (request !== listRequest) return;
    set(
      result.ok
        ? {
            recordsPage: result.value,
            recordsCursors: cursors,
            recordsLoading: false,
            recordsError: null,
          }
        : { recordsLoading: false, recordsError: problem(result.error) },
    );
  };

  const loadComparison = async (sourceId: string, otherId: string, request: number) => {
    const result = await api().invoke('records.compare', { sourceId, otherId });
    if (request !== detailRequest) return;
    if (result.ok) set({ recordComparison: result.value });
  };

  return {
    recordsFilter: {},
    recordsPage: null,
    recordsCursors: [null],
    recordsLoading: false,
    recordsError: null,
    recordFacets: null,
    openRecordId: null,
    recordDetail: null,
    recordDetailError: null,
    recordComparison: null,
    rerunModels: null,
    rerun: null,

    loadRecords: () => loadPage(get().recordsCursors),

    async loadRecordFacets() {
      const result = await api().invoke('records.facets', {});
      if (result.ok) set({ recordFacets: result.value });
      else set({ recordsError: problem(result.error) });
    },

    setRecordsFilter(filter) {
      set({ recordsFilter: compact(filter) });
      void loadPage([null]);
    },

    olderRecords() {
      const next = get().recordsPage?.next;
      if (next) void loadPage([...get().recordsCursors, next]);
    },

    newerRecords() {
      const cursors = get().recordsCursors;
      if (cursors.length > 1) void loadPage(cursors.slice(0, -1));
    },

    async openRecord(id) {
      const request = ++detailRequest;
      const keepRerun = get().rerun?.sourceId === id;
      set({
        openRecordId: id,
        recordDetail: null,
        recordDetailError: null,
        recordComparison: null,
        ...(keepRerun ? {} : { rerun: null }),
      });
      const result = await api().invoke('records.get', { id });
      if (request !== detailRequest) return;
      if (!result.ok) return set({ recordDetailError: problem(result.error) });
      set({ recordDetail: result.value, openRecordId: result.value.envelope.id });
      const { envelope } = result.value;
      const rerun = get().rerun;
      if (rerun?.status === 'done' && rerun.sourceId === envelope.id) {
        await loadComparison(envelope.id, rerun.rerunId, request);
      } else if (envelope.rerunOf) {
        await loadComparison(envelope.rerunOf, envelope.id, request);
      }
    },

    closeRecord() {
      detailRequest++;
      set({ openRecordId: null, recordDetail: null, recordDetailError: null });
    },

    async loadRerunModels() {
      const result = await api().invoke('models.list', {});
      if (result.ok) set({ rerunModels: result.value.models });
    },

    startRerun(modelId) {
      const source = get().recordDetail?.envelope;
      if (!source || stopRerun) return;
      const sourceId = source.id;
      set({
        recordComparison: null,
        rerun: {
          status: 'running',
          sourceId,
          modelId,
          modelName: get().rerunModels?.find((m) => m.id === modelId)?.name ?? null,
          preview: '',
          chars: 0,
          startedAt: Date.now(),
        },
      });
      const finish = (rerun: RerunState) => {
        stopRerun?.();
        stopRerun = null;
        set({ rerun });
      };
      stopRerun = api().subscribe('records.rerun', { id: sourceId, modelId }, (event) => {
        const current = get().rerun;
        if (current?.status !== 'running' || current.sourceId !== sourceId) return;
        if (event.type === 'started') {
          set({ rerun: { ...current, modelName: event.model.name } });
        } else if (event.type === 'text') {
          set({
            rerun: {
              ...current,
              preview: (current.preview + event.text).slice(-PREVIEW_CHARS),
              chars: current.chars + event.text.length,
            },
          });
        } else if (event.type === 'done') {
          const rerunId = event.result.other.envelope.id;
          finish({ status: 'done', sourceId, modelId, rerunId });
          if (get().openRecordId === sourceId) set({ recordComparison: event.result });
          void get().loadRecords();
        } else {
          finish({
            status: 'failed',
            sourceId,
            modelId,
            error: problem(event.error),
            recordId: event.recordId ?? null,
          });
          void get().loadRecords();
        }
      });
    },

    cancelRerun() {
      const current = get().rerun;
      if (current?.status !== 'running' || !stopRerun) return;
      // Stopping the subscription cancels the generation; the core records what it had.
      stopRerun();
      stopRerun = null;
      set({ rerun: { status: 'cancelled', sourceId: current.sourceId, modelId: current.modelId } });
      void get().loadRecords();
    },

    showRecordsForRun(runId) {
      detailRequest++;
      set({
        view: 'records',
        recordsFilter: { runId },
        openRecordId: null,
        recordDetail: null,
        recordDetailError: null,
      });
      void loadPage([null]);
    },
  };
};
