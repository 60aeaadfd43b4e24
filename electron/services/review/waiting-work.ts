// What waits for the network or for the user's consent, in plain words: requests in the consent
// queue (pending: a person must decide; approved: they go when the network is back and their
// run resumes) and runs deferred because one of their passes could not finish yet.
import type { RunState } from '../../../workflows/engine/run-state.ts';
import type { EgressRequestView } from '../../ipc/contract/consent.ts';

export interface WaitingItem {
  kind: 'request' | 'run';
  id: string;
  waitsFor: 'consent' | 'network';
  /** A line a reviewer understands: what it is and why it waits. */
  title: string;
  reason: string;
  runId: string | null;
  since: string;
}

const TIER = { hosted: "your team's model server", cloud: 'a cloud model' } as const;

export function waitingWork(
  requests: readonly EgressRequestView[],
  deferredRuns: readonly RunState[],
): WaitingItem[] {
  const items: WaitingItem[] = requests.map((r) => {
    const pass = r.passId ? `The '${r.passId}' pass` : 'A request';
    const where = `${TIER[r.tier]} (${r.providerId}, ${r.model})`;
    return r.status === 'pending'
      ? {
          kind: 'request',
          id: r.id,
          waitsFor: 'consent',
          title: `${pass} wants to send text to ${where}`,
          reason: `Nothing is sent until you have read it and said yes. Why it asks: ${r.reason}.`,
          runId: r.runId,
          since: r.createdAt,
        }
      : {
          kind: 'request',
          id: r.id,
          waitsFor: 'network',
          title: `${pass} is approved to go to ${where}`,
          reason: r.error
            ? `It could not be sent yet (${r.error}); it goes when the network is back and its run resumes.`
            : 'It goes when the network is back and its run resumes.',
          runId: r.runId,
          since: r.createdAt,
        };
  });
  const waitingConsent = new Set(
    requests.filter((r) => r.status === 'pending' && r.runId).map((r) => r.runId),
  );
  for (const run of deferredRuns) {
    const forConsent = waitingConsent.has(run.id);
    items.push({
      kind: 'run',
      id: run.id,
      waitsFor: forConsent ? 'consent' : 'network',
      title: `Run ${run.id} of '${run.workflowId}'${run.item ? ` for ${run.item.id}` : ''} is paused`,
      reason: forConsent
        ? 'One of its passes waits for your decision in the Consent view; the run continues after it.'
        : `It continues when it can reach the model it needs. ${run.error ?? ''}`.trim(),
      runId: run.id,
      since: run.updatedAt,
    });
  }
  return items.sort((a, b) => a.since.localeCompare(b.since));
}
