// The escalation path as the app builds it, for tests: real SQLite stores (runs, records,
// consent queue and egress log, budgets), the real egress gate with the real redactor, and the
// official SDKs talking to fake OpenAI and Anthropic servers on 127.0.0.1 that record every
// request they receive.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { BudgetStore } from '../../electron/services/egress/budget-store.ts';
import { SqliteEgressStore } from '../../electron/services/egress/egress-store.ts';
import { RecordStore } from '../../electron/services/records/record-store.ts';
import { openDatabase } from '../../electron/services/store/database.ts';
import { FolderRepo } from '../../electron/services/workflows/folder-repo.ts';
import { RunStore } from '../../electron/services/workflows/run-store.ts';
import { EgressGate } from '../../native-models/routing/egress-gate.ts';
import {
  failClosedRedactor,
  gatedModelPort,
  remoteTarget,
  tablePrices,
} from '../../native-models/routing/gate-adapters.ts';
import { ProviderConfigSchema } from '../../native-models/remote/provider-config.ts';
import type { Redactor } from '../../native-models/routing/egress-ports.ts';
import { WorkflowEngine } from '../../workflows/engine/engine.ts';
import type { PassImplementation } from '../../workflows/engine/pass.ts';
import type { ModelPort } from '../../workflows/engine/ports.ts';
import type { WorkspaceRouting } from '../../workflows/engine/routing-policy.ts';
import type { PriceTable } from '../../workflows/records/price-table.ts';
import { startFakeAnthropicServer, type FakeAnthropicServer } from './fake-anthropic-server.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './fake-openai-server.ts';

export const HOSTED_MODEL = 'qwen2.5-7b-instruct';
export const CLOUD_MODEL = 'claude-haiku-4-5';
const KEY = 'sk-test-escalation-0123456789';

export const TEST_PRICES: PriceTable = {
  version: 'test-1',
  currency: 'USD',
  models: {
    [`org-vllm/${HOSTED_MODEL}`]: {
      input: 0.1,
      cached_read: 0.1,
      cache_write: 0.1,
      reasoning: 0.2,
      output: 0.2,
    },
    [`anthropic/${CLOUD_MODEL}`]: {
      input: 1,
      cached_read: 0.1,
      cache_write: 1.25,
      reasoning: 5,
      output: 5,
    },
  },
};

/** A model pass that asks one short question built from its run and the first document. */
export const askPass: PassImplementation = {
  name: 'ask',
  kind: 'model',
  description: 'asks the model one short question (tests)',
  async run(context) {
    const doc = context.inputs.documents[0];
    const { value } = await context.model!.call({
      schemaName: 'short-answer',
      schema: z.object({ answer: z.string().max(40) }),
      maxTokens: 64,
      messages: [
        { role: 'system', content: 'Answer in a few words.' },
        {
          role: 'user',
          content: `Run ${context.run.id}, pass ${context.pass.id}.\n${doc ? doc.text : ''}`,
        },
      ],
    });
    return { summary: `answered: ${value.answer}`, output: value, metrics: {}, changes: [] };
  },
};

/** The on-device side of these tests: an answer, or (on demand) an output that fails its schema. */
export function localAnswers(bad: () => boolean): ModelPort {
  const identity = {
    tier: 'local' as const,
    provider: 'node-llama-cpp',
    name: 'test-local',
    sha256: 'f'.repeat(64),
    quantization: 'F32',
    backend: 'cpu',
    gpuLayers: 0,
    threads: 1,
    contextSize: 2048,
    runtimeVersion: 'test',
    resolvedModel: null,
  };
  return {
    describe: async () => identity,
    generate: async () => {
      const json = bad() ? { answer: 'x'.repeat(200) } : { answer: 'local' };
      return {
        text: JSON.stringify(json),
        json,
        jsonProblem: null,
        stopReason: 'end',
        tokens: { input: 10, cachedInput: 0, cacheWrite: 0, output: 5, reasoning: 0 },
        timings: { timeToFirstTokenMs: 1, totalMs: 2, outputTokensPerSecond: null, loadMs: 0 },
        identity,
      };
    },
  };
}

export interface EscalationHarness {
  db: Database;
  workspace: string;
  runs: RunStore;
  records: RecordStore;
  egress: SqliteEgressStore;
  budgets: BudgetStore;
  gate: EgressGate;
  openai: FakeOpenAiServer;
  anthropic: FakeAnthropicServer;
  engine(options: {
    routing: WorkspaceRouting;
    local: ModelPort;
    passes?: PassImplementation[];
  }): WorkflowEngine;
  close(): Promise<void>;
}

export async function openEscalationHarness(
  dir: string,
  options: { redact?: Redactor; specText?: string } = {},
): Promise<EscalationHarness> {
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(path.join(workspace, 'specs'), { recursive: true });
  fs.writeFileSync(
    path.join(workspace, 'specs', 'notes.md'),
    options.specText ??
      '---\nid: NOTES\ntitle: Notes\ntype: requirements\n---\n\n# Notes\n\nThe system shall keep notes.\n',
  );
  const db = openDatabase(path.join(dir, 'data'));
  const openai = await startFakeOpenAiServer({ apiKey: KEY });
  const anthropic = await startFakeAnthropicServer({ apiKey: KEY });
  const hosted = ProviderConfigSchema.parse({
    id: 'org-vllm',
    kind: 'openai-compatible',
    tier: 'hosted',
    baseUrl: openai.baseUrl,
    models: [HOSTED_MODEL],
  });
  const cloud = ProviderConfigSchema.parse({
    id: 'anthropic',
    kind: 'anthropic',
    tier: 'cloud',
    baseUrl: anthropic.origin,
    models: [CLOUD_MODEL],
  });
  const runs = new RunStore(db);
  const records = new RecordStore(db);
  const egress = new SqliteEgressStore(db);
  const budgets = new BudgetStore(db);
  const gate = new EgressGate({
    store: egress,
    budgets,
    prices: tablePrices(TEST_PRICES),
    redact: options.redact ?? failClosedRedactor,
  });
  const targets = {
    hosted: remoteTarget({ provider: hosted, model: HOSTED_MODEL, apiKey: () => KEY }),
    cloud: remoteTarget({ provider: cloud, model: CLOUD_MODEL, apiKey: () => KEY }),
  };
  return {
    db,
    workspace,
    runs,
    records,
    egress,
    budgets,
    gate,
    openai,
    anthropic,
    engine: ({ routing, local, passes }) =>
      new WorkflowEngine({
        store: runs,
        records,
        repo: new FolderRepo(workspace),
        passes: new Map((passes ?? [askPass]).map((p) => [p.name, p])),
        prompts: new Map([['ask', 'Answer in a few words.']]),
        templates: {},
        model: local,
        remote: (tier) => gatedModelPort(gate, targets[tier], workspace),
        routing,
      }),
    async close() {
      await openai.close();
      await anthropic.close();
      if (db.open) db.close();
    },
  };
}
