// The consent gate's promise, checked on 1,000 random workflows: random routing policies for
// the workspace, the workflow and each pass, random escalations by the user and on failed local
// checks, and random consent decisions. Whatever happens, every request the (fake) providers
// received went out under a consent the user gave for exactly that run, provider and model;
// nothing reached a cloud provider where the workspace forbids cloud; and nothing was sent for
// a request the user denied.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentDecision } from '../../../native-models/routing/egress-ports.ts';
import type { PassDefinition, WorkflowDefinition } from '../../../workflows/engine/definition.ts';
import { canonicalJson } from '../../../workflows/records/canonical-json.ts';
import {
  localAnswers,
  openEscalationHarness,
  type EscalationHarness,
} from '../../support/escalation-harness.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('cairn-consent-property-');
let h: EscalationHarness;

beforeAll(async () => {
  h = await openEscalationHarness(dir);
});
afterAll(() => h.close());

const tier = fc.constantFrom('local', 'hosted', 'cloud') as fc.Arbitrary<
  'local' | 'hosted' | 'cloud'
>;
const cloudPolicy = fc.constantFrom('forbidden', 'ask') as fc.Arbitrary<'forbidden' | 'ask'>;
const decision = fc.constantFrom<ConsentDecision | null>(
  'approve-once',
  'approve-run',
  'deny',
  null,
);

const scenario = fc.record({
  workspace: fc.record({ default: tier, cloud: cloudPolicy }),
  workflowRouting: fc.option(fc.record({ tier, cloud: cloudPolicy }), { nil: undefined }),
  passes: fc.array(
    fc.record({
      routing: fc.option(fc.record({ tier, cloud: cloudPolicy }), { nil: undefined }),
      escalateOnFailure: fc.boolean(),
      escalateTo: fc.constantFrom('hosted', 'cloud') as fc.Arbitrary<'hosted' | 'cloud'>,
      userEscalation: fc.option(
        fc.constantFrom('hosted', 'cloud') as fc.Arbitrary<'hosted' | 'cloud'>,
        {
          nil: undefined,
        },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  localFails: fc.boolean(),
  decisions: fc.array(decision, { minLength: 6, maxLength: 6 }),
});

interface Outcome {
  runId: string;
  cloudForbidden: boolean;
}

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

async function play(s: Scenario): Promise<Outcome> {
  const passes: PassDefinition[] = s.passes.map((p, i) => ({
    id: `ask-${i}`,
    uses: 'ask',
    prompt: 'ask',
    inputs: [{ documents: 'specs/**/*.md', optional: false }],
    cache: 'off',
    escalate: p.escalateOnFailure ? 'on-failure' : 'never',
    escalate_to: p.escalateTo,
    ...(p.routing ? { routing: p.routing } : {}),
  }));
  const workflow: WorkflowDefinition = {
    id: 'random',
    title: 'A random workflow',
    description: '',
    items: [],
    passes,
    ...(s.workflowRouting ? { routing: s.workflowRouting } : {}),
  };
  const escalations: Record<string, 'hosted' | 'cloud'> = {};
  s.passes.forEach((p, i) => {
    if (p.userEscalation) escalations[`ask-${i}`] = p.userEscalation;
  });
  const engine = h.engine({
    routing: { ...s.workspace, passes: {} },
    local: localAnswers(() => s.localFails),
  });
  const run = engine.start({
    workflow,
    item: null,
    workspaceRoot: h.workspace,
    model: 'test-local',
    escalations,
  });
  const decisions = [...s.decisions];
  for (let step = 0; step < 6; step++) {
    const state = await engine.advance(run.id);
    if (state.status !== 'deferred') break;
    const pending = h.egress.list({ statuses: ['pending'], runId: run.id });
    if (pending.length === 0) break;
    const choice = decisions.shift() ?? null;
    if (choice === null) break;
    for (const request of pending) h.egress.decide(request.id, choice);
    engine.resume(run.id);
  }
  return { runId: run.id, cloudForbidden: s.workspace.cloud === 'forbidden' };
}

describe('the consent gate', () => {
  it('lets nothing out without a matching consent, nothing to a forbidden cloud, nothing denied', async () => {
    const outcomes: Outcome[] = [];
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        outcomes.push(await play(s));
      }),
      { numRuns: 1000, seed: 20261122 },
    );

    const received = [
      ...h.openai.requests.map((r) => ({ provider: 'org-vllm', body: r.body })),
      ...h.anthropic.requests.map((r) => ({ provider: 'anthropic', body: r.body })),
    ];
    const sent = h.egress.list({ statuses: ['sent'], limit: 100_000 });
    const sentByBody = new Map(sent.map((r) => [canonicalJson(r.body), r]));
    const forbidden = new Set(outcomes.filter((o) => o.cloudForbidden).map((o) => o.runId));
    let checked = 0;
    for (const request of received) {
      const logged = sentByBody.get(canonicalJson(request.body));
      expect(logged, 'every received request is in the egress log').toBeDefined();
      expect(logged!.providerId).toBe(request.provider);
      const consent = h.egress.getConsent(logged!.consentId!);
      expect(consent, `request ${logged!.id} went out under a recorded consent`).not.toBeNull();
      expect(consent!.decision).not.toBe('deny');
      expect(consent!.runId).toBe(logged!.runId);
      expect(consent!.providerId).toBe(logged!.providerId);
      expect(consent!.model).toBe(logged!.model);
      if (consent!.decision === 'approve-once')
        expect(consent!.payloadHash).toBe(logged!.payloadHash);
      if (request.provider === 'anthropic') expect(forbidden.has(logged!.runId!)).toBe(false);
      // The call is on record, under the envelope the egress log names.
      expect(h.records.get(logged!.callId!).model.tier).toBe(logged!.tier);
      checked++;
    }
    // Denied requests never went out.
    for (const denied of h.egress.list({ statuses: ['denied'], limit: 100_000 })) {
      expect(received.some((r) => canonicalJson(r.body) === canonicalJson(denied.body))).toBe(
        false,
      );
    }
    expect(outcomes).toHaveLength(1000);
    // The scenarios did exercise the gate: requests were sent, denied and left waiting.
    expect(checked).toBeGreaterThan(50);
    expect(h.egress.list({ statuses: ['denied'], limit: 1 }).length).toBe(1);
    expect(h.egress.list({ statuses: ['pending'], limit: 1 }).length).toBe(1);
  }, 600_000);
});
