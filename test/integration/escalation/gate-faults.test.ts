// The gate under pressure: many calls at once against a budget, secrets in the specs, a
// redactor that breaks, and a provider that cannot be reached — with fake providers on
// 127.0.0.1 recording what they receive.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteEgressStore } from '../../../electron/services/egress/egress-store.ts';
import { openDatabase } from '../../../electron/services/store/database.ts';
import { z } from 'zod';
import { createModelCaller } from '../../../workflows/engine/model-caller.ts';
import { buildCorpus } from '../../fixtures/redaction/corpus.ts';
import { canonicalJson } from '../../../workflows/records/canonical-json.ts';
import type { WorkflowDefinition } from '../../../workflows/engine/definition.ts';
import type { PassImplementation } from '../../../workflows/engine/pass.ts';
import { RedactionError } from '../../../native-models/routing/redaction/index.ts';
import { EgressGate, EgressRefusedError } from '../../../native-models/routing/egress-gate.ts';
import {
  failClosedRedactor,
  gatedModelPort,
  remoteTarget,
  tablePrices,
} from '../../../native-models/routing/gate-adapters.ts';
import { ProviderConfigSchema } from '../../../native-models/remote/provider-config.ts';
import {
  HOSTED_MODEL,
  localAnswers,
  openEscalationHarness,
  TEST_PRICES,
  type EscalationHarness,
} from '../../support/escalation-harness.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('cairn-gate-faults-');
const open: EscalationHarness[] = [];
afterAll(async () => {
  for (const h of open) await h.close();
});

async function harness(name: string, options: Parameters<typeof openEscalationHarness>[1] = {}) {
  const h = await openEscalationHarness(path.join(dir, name), options);
  open.push(h);
  return h;
}

const hostedWorkflow: WorkflowDefinition = {
  id: 'hosted-ask',
  title: 'Ask the hosted model',
  description: '',
  items: [],
  routing: { tier: 'hosted', cloud: 'forbidden' },
  passes: [
    {
      id: 'ask',
      uses: 'ask',
      prompt: 'ask',
      inputs: [{ documents: 'specs/**/*.md', optional: false }],
      cache: 'off',
      escalate: 'never',
      escalate_to: 'hosted',
    },
  ],
};

function hostedPort(h: EscalationHarness, gate: EgressGate) {
  const provider = ProviderConfigSchema.parse({
    id: 'org-vllm',
    kind: 'openai-compatible',
    tier: 'hosted',
    baseUrl: h.openai.baseUrl,
    models: [HOSTED_MODEL],
  });
  return gatedModelPort(
    gate,
    remoteTarget({ provider, model: HOSTED_MODEL, apiKey: () => 'sk-test-escalation-0123456789' }),
    h.workspace,
  );
}

describe('budgets', () => {
  it('never lets 50 calls at once spend past a block limit', async () => {
    const h = await harness('budget');
    h.budgets.set({
      scope: 'workspace',
      key: h.workspace,
      currency: 'USD',
      soft: null,
      hard: null,
      block: 0.0002,
    });
    const port = hostedPort(h, h.gate);
    // Approve each call up front by giving every run an approve-run consent.
    const calls = Array.from({ length: 50 }, async (_, i) => {
      const runId = `RUN-BUDGET${String(i).padStart(2, '0')}`;
      const request = {
        messages: [{ role: 'user' as const, content: `Call ${i}: summarise the notes.` }],
        jsonSchema: null,
        maxTokens: 100,
        temperature: 0,
        topP: null,
        seed: 1,
        context: { callId: `CALL-B${i}`, runId, passId: 'ask', workItemId: null, reason: 'test' },
      };
      try {
        return await port.generate(request);
      } catch (error) {
        const pending = h.egress.list({ statuses: ['pending'], runId });
        if (pending.length === 0) throw error;
        h.egress.decide(pending[0]!.id, 'approve-run');
        return port.generate(request).catch((e: Error) => e);
      }
    });
    const results = await Promise.all(calls);
    const [use] = h.budgets.list();
    expect(use!.used).toBeLessThanOrEqual(0.0002);
    const refused = results.filter((r) => r instanceof EgressRefusedError);
    const sent = results.filter((r) => !(r instanceof Error));
    expect(refused.length).toBeGreaterThan(0);
    expect(sent.length).toBeGreaterThan(0);
    expect(h.openai.requests).toHaveLength(sent.length);
    expect((refused[0] as Error).message).toMatch(/would go past its block limit/);
  });
});

describe('redaction on the way out', () => {
  const secrets = [
    'AKIAIOSFODNN7EXAMPLE',
    'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
    'alice.smith@example.org',
    '4111 1111 1111 1111',
  ];
  const spec = [
    '---',
    'id: NOTES',
    'title: Notes',
    'type: requirements',
    '---',
    '',
    '# Notes',
    '',
    `The deploy key is ${secrets[0]} and the bot token ${secrets[1]}.`,
    `Contact ${secrets[2]}; test card ${secrets[3]}.`,
    '',
  ].join('\n');

  it('sends and records no secret from the specs, and restores them in the answer locally', async () => {
    const h = await harness('secrets', { specText: spec });
    const engine = h.engine({
      routing: { default: 'local', cloud: 'forbidden', passes: {} },
      local: localAnswers(() => false),
    });
    const run = engine.start({
      workflow: hostedWorkflow,
      item: null,
      workspaceRoot: h.workspace,
      model: null,
    });
    expect((await engine.advance(run.id)).status).toBe('deferred');
    const [request] = h.egress.list({ statuses: ['pending'], runId: run.id });
    // What the user is shown is the redacted body, with a report that names what was taken out.
    for (const secret of secrets) expect(JSON.stringify(request!.body)).not.toContain(secret);
    expect(request!.redaction.counts).toMatchObject({ 'aws-access-key': 1, email: 1 });
    h.egress.decide(request!.id, 'approve-once');
    engine.resume(run.id);
    expect((await engine.advance(run.id)).status).toBe('completed');
    const wire = h.openai.requests.map((r) => r.rawBody).join('\n');
    const recorded = JSON.stringify(h.records.list({ runId: run.id }));
    for (const secret of secrets) {
      expect(wire).not.toContain(secret);
      expect(recorded).not.toContain(secret);
    }
    expect(wire).toContain('[[REDACTED:');
  });

  it('lets none of the seeded corpus of secrets and personal data out, nor into a record', async () => {
    const corpus = buildCorpus();
    const seeded = corpus.flatMap((d) => d.secrets);
    expect(seeded.length).toBeGreaterThanOrEqual(200);
    const h = await harness('corpus');
    const caller = createModelCaller({
      hops: [{ model: hostedPort(h, h.gate), reason: 'corpus test' }],
      records: h.records,
      runId: 'RUN-CORPUS1',
      passId: 'ask',
      workItemId: null,
      reuse: false,
      maxTokens: 64,
      now: () => new Date(),
    });
    const ask = (text: string) =>
      caller.call({
        schemaName: 'short-answer',
        schema: z.object({ answer: z.string().max(40) }),
        messages: [{ role: 'user', content: text }],
      });
    await expect(ask(corpus[0]!.text)).rejects.toThrow(/waits for your consent/);
    const [first] = h.egress.list({ statuses: ['pending'] });
    h.egress.decide(first!.id, 'approve-run');
    for (const doc of corpus) await ask(doc.text);
    expect(h.openai.requests).toHaveLength(corpus.length);
    const wire = h.openai.requests.map((r) => r.rawBody).join('\n');
    // The destination (a 127.0.0.1 URL here) is not the user's data; what was sent and reported is.
    const logged = JSON.stringify(
      h.egress.list({ limit: 10_000 }).map((r) => ({ body: r.body, redacted: r.redaction.counts })),
    );
    const recorded = JSON.stringify(h.records.list({ runId: 'RUN-CORPUS1', limit: 10_000 }));
    for (const secret of seeded) {
      for (const piece of [secret.value, ...secret.fragments]) {
        expect(wire, `${secret.patternId} reached the provider`).not.toContain(piece);
        expect(logged, `${secret.patternId} is in the egress log`).not.toContain(piece);
        expect(recorded, `${secret.patternId} is in a record`).not.toContain(piece);
      }
    }
  });

  it('sends nothing when the redactor fails', async () => {
    const broken = () => {
      throw new RedactionError('internal', 'pattern table failed to load');
    };
    const h = await harness('broken-redactor', { specText: spec });
    const gate = new EgressGate({
      store: h.egress,
      budgets: h.budgets,
      prices: tablePrices(TEST_PRICES),
      redact: broken,
    });
    const port = hostedPort(h, gate);
    await expect(
      port.generate({
        messages: [{ role: 'user', content: spec }],
        jsonSchema: null,
        maxTokens: 50,
        temperature: 0,
        topP: null,
        seed: 1,
      }),
    ).rejects.toThrow(/Redaction failed .* nothing was sent/);
    expect(h.openai.requests).toHaveLength(0);
    expect(h.egress.list({})).toHaveLength(0);
    // The real redactor, for contrast, lets the same request through to the queue.
    expect(() => failClosedRedactor([{ role: 'user', content: spec }])).not.toThrow();
  });
});

describe('escalation on a failed local check', () => {
  it('asks to send a pass to the hosted model when the local answer reports low confidence', async () => {
    const h = await harness('confidence');
    const judged: PassImplementation = {
      name: 'judge',
      kind: 'model',
      description: 'answers with a confidence (tests)',
      async run(context) {
        const { value } = await context.model!.call({
          schemaName: 'judgement',
          schema: z.object({ verdict: z.enum(['met', 'not met']), confidence: z.number() }),
          messages: [{ role: 'user', content: `Judge run ${context.run.id}.` }],
        });
        return { summary: value.verdict, output: value, metrics: {}, changes: [] };
      },
    };
    const unsure = localAnswers(() => false);
    const local = {
      ...unsure,
      generate: async (r: Parameters<typeof unsure.generate>[0]) => ({
        ...(await unsure.generate(r)),
        json: { verdict: 'met', confidence: 0.2 },
      }),
    };
    const engine = h.engine({
      routing: { default: 'local', cloud: 'forbidden', passes: {} },
      local,
      passes: [judged],
    });
    const workflow: WorkflowDefinition = {
      ...hostedWorkflow,
      routing: undefined,
      passes: [
        {
          ...hostedWorkflow.passes[0]!,
          uses: 'judge',
          escalate: 'on-failure',
          escalate_to: 'hosted',
          min_confidence: 0.6,
        },
      ],
    };
    const run = engine.start({ workflow, item: null, workspaceRoot: h.workspace, model: null });
    const after = await engine.advance(run.id);
    expect(after.status).toBe('deferred');
    const [request] = h.egress.list({ statuses: ['pending'], runId: run.id });
    expect(request!.reason).toMatch(/failed its checks; the pass escalates to hosted on failure/);
    const [local1] = h.records.list({ runId: run.id });
    expect(local1!.model.tier).toBe('local');
    expect(h.openai.requests).toHaveLength(0);
  });
});

describe('offline', () => {
  it('keeps an escalation made offline in the queue, still asks for consent, and sends it when back', async () => {
    const h = await harness('offline');
    h.openai.failAlways('close-socket');
    const engine = h.engine({
      routing: { default: 'local', cloud: 'forbidden', passes: {} },
      local: localAnswers(() => false),
    });
    const run = engine.start({
      workflow: hostedWorkflow,
      item: null,
      workspaceRoot: h.workspace,
      model: null,
    });
    expect((await engine.advance(run.id)).status).toBe('deferred');
    const [request] = h.egress.list({ statuses: ['pending'], runId: run.id });
    expect(request).toBeDefined();
    // The queue is on disk: another process (an app restarted) sees the same waiting request.
    const reopened = openDatabase(path.join(dir, 'offline', 'data'));
    expect(
      new SqliteEgressStore(reopened).list({ statuses: ['pending'] }).map((r) => r.id),
    ).toEqual([request!.id]);
    reopened.close();
    h.egress.decide(request!.id, 'approve-once');
    engine.resume(run.id);
    const offline = await engine.advance(run.id);
    expect(offline.status).toBe('deferred');
    expect(offline.error).toMatch(/cannot be reached .* goes when the run resumes/);
    expect(h.egress.getRequest(request!.id)).toMatchObject({ status: 'approved', sentAt: null });

    // Back online: the approved request goes, once.
    h.openai.failAlways(null);
    const before = h.openai.requests.length;
    engine.resume(run.id);
    expect((await engine.advance(run.id)).status).toBe('completed');
    const sent = h.egress.getRequest(request!.id);
    expect(sent.status).toBe('sent');
    expect(h.openai.requests.length - before).toBe(1);
    expect(canonicalJson(h.openai.requests.at(-1)!.body)).toBe(canonicalJson(sent.body));
  });
});
