import type { StateCreator } from 'zustand';
import type { CairnError, EventOf, OutputOf } from '../../../electron/ipc/contract.ts';
import type { AssistQuestion, EarsRewrite } from '../../../electron/ipc/contract/assist.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';
import { frameBatch } from './next-frame.ts';

export type AssistKind = 'draft' | 'clarify' | 'ears';
type InstalledModel = OutputOf<'models.list'>['models'][number];

/** The model run in progress or last finished, with the text it streamed. */
export interface AssistJob {
  kind: AssistKind;
  path: string;
  status: 'starting' | 'streaming' | 'stopped' | 'done' | 'failed' | 'waiting';
  runId: string | null;
  streamed: string;
  /** Pieces of text received so far (each a token or a few). */
  pieces: number;
  message: string | null;
}

export interface DraftProposal {
  path: string;
  changeId: string | null;
  summary: string;
  sections: { heading: string; body: string }[];
}

export interface ClarifySession {
  path: string;
  runId: string;
  questions: AssistQuestion[];
  /** The question shown now. */
  index: number;
  /** Chosen option key, or null for a skipped question. */
  answers: Record<string, string | null>;
}

export type RewriteDecision = 'proposed' | 'accepted' | 'rejected' | 'stale';

export interface EarsProposals {
  path: string;
  summary: string;
  rewrites: (EarsRewrite & { decision: RewriteDecision; message: string | null })[];
  rejected: { requirementId: string; proposed: string; reason: string }[];
}

export interface AssistSlice {
  assistModels: InstalledModel[] | null;
  assistModelId: string | null;
  /** Sections a draft would write, by document path. */
  draftable: Record<string, string[]>;
  assistJob: AssistJob | null;
  draftProposal: DraftProposal | null;
  clarifySession: ClarifySession | null;
  earsProposals: EarsProposals | null;
  /** What the last decision did, in words ("Recorded 2 answers in prd.md"). */
  assistNotice: string | null;
  assistError: string | null;
  loadAssistModels(): Promise<void>;
  chooseAssistModel(id: string): void;
  loadDraftable(path: string): Promise<void>;
  startDraft(path: string, section: string | null): void;
  startClarify(path: string): void;
  startEars(path: string): void;
  /** Stops the model run in progress: the subscription ends, the core cancels the run. */
  stopAssist(): void;
  /** Inserts (true) or discards the proposed draft; resolves with the path written, if any. */
  decideDraft(insert: boolean): Promise<string | null>;
  decideRewrite(changeId: string, accept: boolean): Promise<string | null>;
  /** Answers the current question (an option key) or skips it (null), then shows the next; after the last, records the answers. */
  answerQuestion(choice: string | null): Promise<string | null>;
}

type AnyEvent =
  EventOf<'assist.draftSection'> | EventOf<'assist.clarify'> | EventOf<'assist.earsRewrite'>;

/** The subscription in progress, and the text not yet shown (flushed once per frame). */
let stopCurrent: (() => void) | null = null;
let buffered = { text: '', pieces: 0 };

const describe = (error: CairnError | { message: string }) => error.message;

export const createAssistSlice: StateCreator<CairnState, [], [], AssistSlice> = (set, get) => {
  const patchJob = (patch: Partial<AssistJob>) =>
    set((s) => (s.assistJob ? { assistJob: { ...s.assistJob, ...patch } } : {}));

  /** Shows the buffered text: at most once per animation frame, so streaming never floods React. */
  const flush = () => {
    frames.cancel();
    if (buffered.pieces === 0) return;
    const { text, pieces } = buffered;
    buffered = { text: '', pieces: 0 };
    set((s) =>
      s.assistJob
        ? {
            assistJob: {
              ...s.assistJob,
              status: 'streaming',
              streamed: s.assistJob.streamed + text,
              pieces: s.assistJob.pieces + pieces,
            },
          }
        : {},
    );
  };
  const frames = frameBatch(flush);

  const finish = (status: AssistJob['status'], message: string | null) => {
    flush();
    stopCurrent?.();
    stopCurrent = null;
    patchJob({ status, message });
  };

  /** Starts a stream; `onResult` takes the channel's result event. */
  const start = <E extends AnyEvent>(
    kind: AssistKind,
    path: string,
    subscribe: (onEvent: (event: E) => void) => () => void,
    onResult: (event: E) => string | null,
  ) => {
    if (stopCurrent) return;
    buffered = { text: '', pieces: 0 };
    set({
      assistJob: {
        kind,
        path,
        status: 'starting',
        runId: null,
        streamed: '',
        pieces: 0,
        message: null,
      },
      assistNotice: null,
      assistError: null,
    });
    stopCurrent = subscribe((event) => {
      if (event.type === 'text') {
        buffered.text += event.chunk;
        buffered.pieces++;
        frames.schedule();
      } else if (event.type === 'started') {
        patchJob({ runId: event.runId });
      } else if (event.type === 'waiting') {
        finish('waiting', event.message);
      } else if (event.type === 'error') {
        finish('failed', describe(event.error));
      } else {
        finish('done', onResult(event));
      }
    });
  };

  const modelOrComplain = (): string | null => {
    const id = get().assistModelId;
    if (!id) set({ assistError: 'Choose an on-device model first (Models, Alt+7, adds one).' });
    return id;
  };

  return {
    assistModels: null,
    assistModelId: null,
    draftable: {},
    assistJob: null,
    draftProposal: null,
    clarifySession: null,
    earsProposals: null,
    assistNotice: null,
    assistError: null,

    async loadAssistModels() {
      const result = await api().invoke('models.list', {});
      if (!result.ok) return set({ assistError: describe(result.error) });
      const models = result.value.models;
      const chosen = get().assistModelId;
      set({
        assistModels: models,
        assistModelId: models.some((m) => m.id === chosen) ? chosen : (models[0]?.id ?? null),
      });
    },

    chooseAssistModel: (id) => set({ assistModelId: id }),

    async loadDraftable(path) {
      const result = await api().invoke('assist.sections', { path });
      if (result.ok) set((s) => ({ draftable: { ...s.draftable, [path]: result.value.sections } }));
      else set({ assistError: describe(result.error) });
    },

    startDraft(path, section) {
      const modelId = modelOrComplain();
      if (!modelId) return;
      set({ draftProposal: null });
      start<EventOf<'assist.draftSection'>>(
        'draft',
        path,
        (onEvent) => api().subscribe('assist.draftSection', { path, modelId, section }, onEvent),
        (event) => {
          if (event.type !== 'draft') return null;
          set({
            draftProposal: {
              path,
              changeId: event.changeId,
              summary: event.summary,
              sections: event.sections,
            },
          });
          return event.changeId ? null : event.summary;
        },
      );
    },

    startClarify(path) {
      const modelId = modelOrComplain();
      if (!modelId) return;
      set({ clarifySession: null });
      start<EventOf<'assist.clarify'>>(
        'clarify',
        path,
        (onEvent) => api().subscribe('assist.clarify', { path, modelId }, onEvent),
        (event) => {
          if (event.type !== 'questions') return null;
          if (event.questions.length === 0) {
            return 'The model has no questions about this document.';
          }
          set({
            clarifySession: {
              path,
              runId: event.runId,
              questions: event.questions,
              index: 0,
              answers: {},
            },
          });
          return null;
        },
      );
    },

    startEars(path) {
      const modelId = modelOrComplain();
      if (!modelId) return;
      set({ earsProposals: null });
      start<EventOf<'assist.earsRewrite'>>(
        'ears',
        path,
        (onEvent) => api().subscribe('assist.earsRewrite', { path, modelId }, onEvent),
        (event) => {
          if (event.type !== 'rewrites') return null;
          set({
            earsProposals: {
              path,
              summary: event.summary,
              rewrites: event.rewrites.map((r) => ({ ...r, decision: 'proposed', message: null })),
              rejected: event.rejected,
            },
          });
          return event.rewrites.length === 0 ? event.summary : null;
        },
      );
    },

    stopAssist() {
      if (!stopCurrent) return;
      finish('stopped', 'Stopped. Nothing was written.');
    },

    async decideDraft(insert) {
      const proposal = get().draftProposal;
      if (!proposal?.changeId) return null;
      const result = await api().invoke('assist.decide', {
        changeId: proposal.changeId,
        accept: insert,
      });
      if (!result.ok) {
        set({ assistError: describe(result.error) });
        return null;
      }
      const { status, message } = result.value;
      set({
        draftProposal: null,
        assistNotice:
          status === 'accepted'
            ? `Inserted the draft of ${proposal.sections.map((s) => s.heading).join(', ')}.`
            : status === 'rejected'
              ? 'Discarded the draft; the document is unchanged.'
              : message,
      });
      void get().loadDraftable(proposal.path);
      return status === 'accepted' ? proposal.path : null;
    },

    async decideRewrite(changeId, accept) {
      const result = await api().invoke('assist.decide', { changeId, accept });
      if (!result.ok) {
        set({ assistError: describe(result.error) });
        return null;
      }
      const { status, message, path } = result.value;
      set((s) =>
        s.earsProposals
          ? {
              earsProposals: {
                ...s.earsProposals,
                rewrites: s.earsProposals.rewrites.map((r) =>
                  r.changeId === changeId ? { ...r, decision: status, message } : r,
                ),
              },
            }
          : {},
      );
      return status === 'accepted' ? path : null;
    },

    async answerQuestion(choice) {
      const session = get().clarifySession;
      const question = session?.questions[session.index];
      if (!session || !question) return null;
      const answers = { ...session.answers, [question.id]: choice };
      if (session.index + 1 < session.questions.length) {
        set({ clarifySession: { ...session, answers, index: session.index + 1 } });
        return null;
      }
      set({ clarifySession: { ...session, answers } });
      const result = await api().invoke('assist.answer', { runId: session.runId, answers });
      if (!result.ok) {
        set({ assistError: describe(result.error) });
        return null;
      }
      const { recorded, skipped, path, message } = result.value;
      const file = path.split('/').pop();
      set({
        clarifySession: null,
        assistNotice:
          message ??
          (recorded > 0
            ? `Recorded ${recorded} answer${recorded === 1 ? '' : 's'} in ${file} under Clarifications${skipped ? ` (${skipped} skipped)` : ''}.`
            : 'Every question was skipped; nothing was recorded.'),
      });
      return recorded > 0 ? path : null;
    },
  };
};
