// What the reviewer reads about work that waits: the Review view's list (consent requests and
// deferred runs) and the status bar's offline line.
import { describe, expect, it } from 'vitest';
import type { EgressRequestView } from '../../../electron/ipc/contract/consent.ts';
import { waitingWork } from '../../../electron/services/review/waiting-work.ts';
import type { RunState } from '../../../workflows/engine/run-state.ts';
import { offlineMessage, waitingForNetwork } from '../../../renderer/src/state/network-words.ts';
import type { WaitingCounts } from '../../../renderer/src/state/network-words.ts';

function request(over: Partial<EgressRequestView>): EgressRequestView {
  return {
    id: 'EGR-1',
    createdAt: '2025-06-01T10:00:00.000Z',
    runId: 'RUN-AAAAAAAA',
    passId: 'summary',
    workItemId: null,
    providerId: 'org-vllm',
    tier: 'hosted',
    model: 'qwen',
    destination: 'https://llm.example.org/v1/chat/completions',
    body: {},
    redaction: { counts: {}, lines: [] },
    estimate: { inputTokens: 1, maxOutputTokens: 1, maxCost: 0, currency: 'USD', budgetNotes: [] },
    reason: "the workspace routes 'summary' to hosted",
    status: 'pending',
    consentId: null,
    callId: null,
    sentAt: null,
    error: null,
    ...over,
  };
}

const run = (id: string, error: string) =>
  ({
    id,
    workflowId: 'spec-review',
    item: null,
    status: 'deferred',
    error,
    updatedAt: '2025-06-01T11:00:00.000Z',
  }) as RunState;

describe('what waits, in plain words', () => {
  it('says whether each request and run waits for a decision or for the network', () => {
    const items = waitingWork(
      [
        request({}),
        request({ id: 'EGR-2', runId: 'RUN-BBBBBBBB', status: 'approved', tier: 'cloud' }),
      ],
      [run('RUN-AAAAAAAA', "pass 'summary' waits"), run('RUN-BBBBBBBB', 'ECONNREFUSED')],
    );
    expect(items.map((i) => [i.kind, i.id, i.waitsFor])).toEqual([
      ['request', 'EGR-1', 'consent'],
      ['request', 'EGR-2', 'network'],
      ['run', 'RUN-AAAAAAAA', 'consent'],
      ['run', 'RUN-BBBBBBBB', 'network'],
    ]);
    expect(items[0]!.title).toBe(
      "The 'summary' pass wants to send text to your team's model server (org-vllm, qwen)",
    );
    expect(items[1]!.reason).toBe('It goes when the network is back and its run resumes.');
    expect(items[3]!.reason).toContain('ECONNREFUSED');
  });

  it('counts commits and requests in the offline line, and leaves out what is zero', () => {
    const state = (commits: number, requests: number) =>
      ({
        commitsWaiting: commits,
        waiting: Array.from({ length: requests }, () => request({})),
      }) as WaitingCounts;
    expect(offlineMessage(state(2, 1))).toBe(
      'Offline — everything on this computer works; 2 commits and 1 request wait for the network',
    );
    expect(waitingForNetwork(state(1, 0))).toBe('1 commit waits for the network');
    expect(offlineMessage(state(0, 0))).toBe('Offline — everything on this computer works');
  });
});
