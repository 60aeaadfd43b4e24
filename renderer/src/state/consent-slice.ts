import type { StateCreator } from 'zustand';
import type { CairnError } from '../../../electron/ipc/contract.ts';
import type { EgressRequestView } from '../../../electron/ipc/contract/consent.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export type ConsentDecision = 'approve-once' | 'approve-run' | 'deny';

export interface ConsentSlice {
  /** Requests waiting for a decision or for the network; null until loaded. */
  waiting: EgressRequestView[] | null;
  egressLog: EgressRequestView[];
  /** The request whose dialog is open. */
  openRequestId: string | null;
  consentError: CairnError | null;
  /** The last decision, in words, for the status line of the view. */
  lastDecision: string | null;
  loadConsent(): Promise<void>;
  openRequest(id: string | null): void;
  decide(id: string, decision: ConsentDecision): Promise<void>;
}

const DECIDED: Record<ConsentDecision, string> = {
  'approve-once': 'approved once',
  'approve-run': 'approved for this run',
  deny: 'denied',
};

export const createConsentSlice: StateCreator<CairnState, [], [], ConsentSlice> = (set, get) => ({
  waiting: null,
  egressLog: [],
  openRequestId: null,
  consentError: null,
  lastDecision: null,
  async loadConsent() {
    const [waiting, log] = await Promise.all([
      api().invoke('consent.list', {}),
      api().invoke('consent.log', { limit: 200 }),
    ]);
    if (!waiting.ok) return set({ consentError: waiting.error });
    if (!log.ok) return set({ consentError: log.error });
    set({ waiting: waiting.value.waiting, egressLog: log.value.entries, consentError: null });
  },
  openRequest(id) {
    set({ openRequestId: id });
  },
  async decide(id, decision) {
    const result = await api().invoke('consent.decide', { requestId: id, decision });
    if (!result.ok) {
      set({ consentError: result.error });
      return;
    }
    const run = result.value.runId;
    set({
      openRequestId: null,
      lastDecision:
        `${id} ${DECIDED[decision]}.` +
        (run && decision !== 'deny' ? ` The run continues with: cairn run --resume ${run}` : ''),
    });
    await get().loadConsent();
  },
});
