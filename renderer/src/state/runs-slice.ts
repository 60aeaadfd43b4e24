import type { StateCreator } from 'zustand';
import type { CairnError, EventOf, OutputOf, Result } from '../../../electron/ipc/contract.ts';
import type {
  RunDetail,
  RunSummary,
  RunTotals,
  WorkItemView,
} from '../../../electron/ipc/contract/runs.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';
import { frameBatch } from './next-frame.ts';

type Catalog = OutputOf<'runs.catalog'>;
type Estimate = OutputOf<'runs.estimate'>;
type RunEvent = EventOf<'runs.events'>;
export type RunModel = OutputOf<'models.list'>['models'][number];
export type RunFilters = { status?: RunSummary['status']; workflowId?: string; itemId?: string };

/** What a pass streams while it runs: the text so far and how fast it comes. */
export interface LivePass {
  passId: string;
  passIndex: number;
  title: string;
  /** The streamed text, its tail only when it grows long. */
  text: string;
  chars: number;
  /** Tokens counted by the runtime; null while it reports none (a remote model). */
  tokens: number | null;
  startedAt: number;
  firstTextAt: number | null;
  lastTextAt: number | null;
}

export interface RunnerChoice {
  workflowId: string | null;
  itemId: string | null;
  modelId: string | null;
}

export interface RunsSlice {
  workflowCatalog: Catalog | null;
  workItems: WorkItemView[] | null;
  runModels: RunModel[] | null;
  runChoice: RunnerChoice;
  runEstimate: Estimate | null;
  runEstimating: boolean;
  runEstimateError: CairnError | null;
  runs: RunSummary[] | null;
  runTotals: RunTotals | null;
  runFilters: RunFilters;
  openRunId: string | null;
  runDetail: RunDetail | null;
  /** The pass each run is streaming now, by run ID. */
  runLive: Record<string, LivePass>;
  /** What the last decision on each change did, in words. */
  runChangeOutcomes: Record<string, string>;
  /** The action in progress ("start", "approve", a change ID…), to disable its button. */
  runsBusy: string | null;
  runsError: CairnError | null;
  runsNotice: string | null;
  loadRunner(): Promise<void>;
  chooseRun(patch: Partial<RunnerChoice>): void;
  estimateRun(): Promise<void>;
  createItem(kind: WorkItemView['kind'], title: string, folder: string | null): Promise<boolean>;
  startRun(overBudget: boolean): Promise<string | null>;
  loadRuns(): Promise<void>;
  setRunFilters(filters: RunFilters): void;
  openRun(runId: string | null): Promise<void>;
  decideChange(changeId: string, decision: 'accept' | 'reject'): Promise<void>;
  decideGate(decision: 'approve' | 'reject', answers?: Record<string, string>): Promise<void>;
  continueRun(how: 'resume' | 'retry' | 'override'): Promise<void>;
  escalateRun(passId: string, tier: 'hosted' | 'cloud'): Promise<void>;
  cancelRun(): Promise<void>;
  watchRuns(): void;
}

/** Streamed text kept per pass; a pass that writes more shows its last part. */
const MAX_LIVE_TEXT = 6000;

let stopWatching: (() => void) | null = null;
/** Text (and tokens) received since the last frame, by run ID: applied once per frame. */
const pendingText = new Map<string, { text: string; tokens: number | null }>();
let estimateRequest = 0;

export const createRunsSlice: StateCreator<CairnState, [], [], RunsSlice> = (set, get) => {
  const fail = (error: CairnError) => set({ runsError: error, runsNotice: null });

  /** Re-reads the open run (and the list) after something happened to it. */
  const refresh = async (runId?: string) => {
    const open = get().openRunId;
    if (open && (!runId || runId === open)) {
      const result = await api().invoke('runs.get', { runId: open });
      if (result.ok && get().openRunId === open) set({ runDetail: result.value });
    }
    await get().loadRuns();
  };

  /** Runs a run action that answers with the run, and shows it. */
  const act = async (
    busy: string,
    work: () => Promise<Result<RunDetail>>,
    notice: (run: RunDetail) => string | null = () => null,
  ) => {
    set({ runsBusy: busy, runsError: null, runsNotice: null });
    const result = await work();
    set({ runsBusy: null });
    if (!result.ok) {
      fail(result.error);
      await refresh();
      return;
    }
    set({ runDetail: result.value, openRunId: result.value.id, runsNotice: notice(result.value) });
    await get().loadRuns();
  };

  const flushText = () => {
    frames.cancel();
    if (pendingText.size === 0) return;
    const now = performance.now();
    set((s) => {
      const live = { ...s.runLive };
      for (const [runId, chunk] of pendingText) {
        const pass = live[runId];
        if (!pass) continue;
        const text = (pass.text + chunk.text).slice(-MAX_LIVE_TEXT);
        live[runId] = {
          ...pass,
          text,
          chars: pass.chars + chunk.text.length,
          tokens: chunk.tokens === null ? pass.tokens : (pass.tokens ?? 0) + chunk.tokens,
          firstTextAt: pass.firstTextAt ?? now,
          lastTextAt: now,
        };
      }
      return { runLive: live };
    });
    pendingText.clear();
  };
  const frames = frameBatch(flushText);

  const onEvent = (event: RunEvent) => {
    if (event.type === 'error') return fail({ code: 'internal', message: event.error.message });
    const { runId } = event;
    if (event.type === 'text') {
      const before = pendingText.get(runId);
      const tokens = event.tokens ?? null;
      pendingText.set(runId, {
        text: (before?.text ?? '') + event.chunk,
        tokens: tokens === null ? (before?.tokens ?? null) : (before?.tokens ?? 0) + tokens,
      });
      frames.schedule();
      return;
    }
    if (event.type === 'pass-started') {
      flushText();
      set((s) => ({
        runLive: {
          ...s.runLive,
          [runId]: {
            passId: event.passId,
            passIndex: event.passIndex,
            title: event.title,
            text: '',
            chars: 0,
            tokens: null,
            startedAt: performance.now(),
            firstTextAt: null,
            lastTextAt: null,
          },
        },
      }));
      return;
    }
    if (
      event.type === 'drive-ended' ||
      event.type === 'pass-finished' ||
      event.type === 'pass-failed'
    ) {
      // The pass's measured numbers replace the live ones once the run is read again.
      flushText();
      if (event.type === 'drive-ended' && event.status === null && event.error) {
        fail({
          code: 'internal',
          message: `${runId} stopped unexpectedly: ${event.error} It can be continued from its last finished pass.`,
        });
      }
      set((s) => {
        const live = { ...s.runLive };
        delete live[runId];
        return { runLive: live };
      });
    }
    void refresh(runId);
  };

  return {
    workflowCatalog: null,
    workItems: null,
    runModels: null,
    runChoice: { workflowId: null, itemId: null, modelId: null },
    runEstimate: null,
    runEstimating: false,
    runEstimateError: null,
    runs: null,
    runTotals: null,
    runFilters: {},
    openRunId: null,
    runDetail: null,
    runLive: {},
    runChangeOutcomes: {},
    runsBusy: null,
    runsError: null,
    runsNotice: null,

    async loadRunner() {
      const [catalog, items, models] = await Promise.all([
        api().invoke('runs.catalog', {}),
        api().invoke('runs.items', {}),
        api().invoke('models.list', {}),
      ]);
      if (!catalog.ok) return fail(catalog.error);
      if (!items.ok) return fail(items.error);
      if (!models.ok) return fail(models.error);
      const choice = { ...get().runChoice };
      const known = (id: string | null) => catalog.value.workflows.some((w) => w.id === id);
      if (!known(choice.workflowId)) choice.workflowId = catalog.value.workflows[0]?.id ?? null;
      if (!models.value.models.some((m) => m.id === choice.modelId)) {
        choice.modelId = models.value.models[0]?.id ?? null;
      }
      set({
        workflowCatalog: catalog.value,
        workItems: items.value.items,
        runModels: models.value.models,
        runChoice: choice,
      });
      await get().estimateRun();
    },

    chooseRun(patch) {
      // Choosing shows the new run's preview (and its estimate) in place of the open run.
      set((s) => ({
        runChoice: { ...s.runChoice, ...patch },
        runEstimate: null,
        runEstimateError: null,
        openRunId: null,
        runDetail: null,
      }));
      void get().estimateRun();
    },

    async estimateRun() {
      const { workflowId, itemId, modelId } = get().runChoice;
      if (!workflowId) return;
      const request = ++estimateRequest;
      set({ runEstimating: true, runEstimateError: null });
      const result = await api().invoke('runs.estimate', { workflowId, itemId, modelId });
      // A newer choice was made meanwhile: its estimate is the one to show.
      if (request !== estimateRequest) return;
      set(
        result.ok
          ? { runEstimate: result.value, runEstimating: false }
          : { runEstimate: null, runEstimating: false, runEstimateError: result.error },
      );
    },

    async createItem(kind, title, folder) {
      set({ runsBusy: 'create-item', runsError: null, runsNotice: null });
      const result = await api().invoke('runs.createItem', { kind, title, folder });
      set({ runsBusy: null });
      if (!result.ok) {
        fail(result.error);
        return false;
      }
      const item = result.value;
      set((s) => ({
        workItems: [item, ...(s.workItems ?? [])],
        runsNotice: `Created ${item.id} “${item.title}” (specs in ${item.folder ?? `specs/${item.id.toLowerCase()}`}).`,
      }));
      get().chooseRun({ itemId: item.id });
      return true;
    },

    async startRun(overBudget) {
      const { workflowId, itemId, modelId } = get().runChoice;
      if (!workflowId) return null;
      get().watchRuns();
      let started: string | null = null;
      await act(
        'start',
        () => api().invoke('runs.start', { workflowId, itemId, modelId, overBudget }),
        (run) => {
          started = run.id;
          return `Started ${run.id}.`;
        },
      );
      return started;
    },

    async loadRuns() {
      const result = await api().invoke('runs.list', get().runFilters);
      if (!result.ok) return fail(result.error);
      set({ runs: result.value.runs, runTotals: result.value.totals });
    },

    setRunFilters(filters) {
      set({ runFilters: filters });
      void get().loadRuns();
    },

    async openRun(runId) {
      set({ openRunId: runId, runDetail: null, runsError: null, runsNotice: null });
      if (!runId) return;
      const result = await api().invoke('runs.get', { runId });
      if (get().openRunId !== runId) return;
      if (!result.ok) return fail(result.error);
      set({ runDetail: result.value });
    },

    async decideChange(changeId, decision) {
      set({ runsBusy: changeId, runsError: null, runsNotice: null });
      const result = await api().invoke('runs.change', { changeId, decision });
      set({ runsBusy: null });
      if (!result.ok) {
        fail(result.error);
        return;
      }
      const { change, outcome } = result.value;
      set((s) => ({
        runChangeOutcomes: { ...s.runChangeOutcomes, [change.id]: outcome },
        runDetail: s.runDetail
          ? {
              ...s.runDetail,
              changes: s.runDetail.changes.map((c) => (c.id === change.id ? change : c)),
            }
          : s.runDetail,
      }));
    },

    async decideGate(decision, answers) {
      const runId = get().openRunId;
      if (!runId) return;
      await act(
        decision,
        () => api().invoke('runs.gate', { runId, decision, answers }),
        (run) =>
          decision === 'approve'
            ? `Approved; ${run.id} goes on.`
            : `Rejected; ${run.id} is cancelled.`,
      );
    },

    async continueRun(how) {
      const runId = get().openRunId;
      if (!runId) return;
      await act(how, () => api().invoke('runs.continue', { runId, how }));
    },

    async escalateRun(passId, tier) {
      const runId = get().openRunId;
      if (!runId) return;
      await act(
        'escalate',
        () => api().invoke('runs.escalate', { runId, passId, tier }),
        () => `'${passId}' goes to the ${tier} model once you approve what is sent (Consent view).`,
      );
    },

    async cancelRun() {
      const runId = get().openRunId;
      if (!runId) return;
      await act(
        'cancel',
        () => api().invoke('runs.cancel', { runId }),
        (run) => `${run.id} is cancelled.`,
      );
    },

    watchRuns() {
      stopWatching ??= api().subscribe('runs.events', {}, onEvent);
    },
  };
};
