// The records.* channels through the one dispatcher, as the Records view reaches them, on the
// real SQLite store: paging through thousands of calls (newest first, every call once, even
// when many share a timestamp), each filter, the search on ids, the facets, one call with the
// consent it left under, a comparison, and a re-run on the tiny model that streams, records
// and compares, or is cancelled and still recorded.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordSummary, RerunEvent } from '../../../electron/ipc/contract/records.ts';
import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import { Core } from '../../../electron/services/core.ts';
import { SqliteEgressStore } from '../../../electron/services/egress/egress-store.ts';
import type { Envelope, ModelIdentity } from '../../../workflows/records/envelope.ts';
import { CLARIFY_OUTPUT, LOCAL_IDENTITY, sampleEnvelope } from '../../support/envelopes.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../../support/temp-dir.ts';
import { writeTinyGguf } from '../../support/tiny-gguf.ts';

const dir = tempDir('cairn-records-channels-');
const COUNT = 2_400;
const PASSES = ['clarify', 'plan', 'summary'];
const CLOUD: ModelIdentity = {
  ...LOCAL_IDENTITY,
  tier: 'cloud',
  provider: 'anthropic',
  name: 'claude-sonnet-4',
  sha256: null,
  quantization: null,
  backend: null,
  gpuLayers: null,
  threads: null,
  contextSize: null,
  runtimeVersion: null,
  resolvedModel: 'claude-sonnet-4-20250514',
};

let core: Core;
let d: Dispatcher;
let tinyId: string;
let saved: Envelope[];

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await d.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

interface Page {
  records: RecordSummary[];
  total: number;
  next: string | null;
}

/** Every page of a filter, following `next`. */
async function allPages(filter: Record<string, unknown>, limit: number): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    const page: Page = await ok<Page>('records.list', { ...filter, after, limit });
    pages.push(page);
    after = page.next;
  } while (after);
  return pages;
}

/** The ids a filter should find, newest first (insertion order breaks time ties). */
function expected(keep: (e: Envelope, i: number) => boolean): string[] {
  return saved
    .map((e, i) => ({ e, i }))
    .filter(({ e, i }) => keep(e, i))
    .sort((a, b) => b.e.createdAt.localeCompare(a.e.createdAt) || b.i - a.i)
    .map(({ e }) => e.id);
}

beforeAll(async () => {
  core = new Core({
    dataDir: path.join(dir, 'data'),
    host: 'web',
    version: 't',
    workspace: SAMPLE_WORKSPACE,
    models: { gpu: false, contextSize: 8192 },
  });
  d = createDispatcher(createHandlers(core));
  const { record } = await core.models.importFile(writeTinyGguf({}, dir));
  tinyId = record.id;
  await core.models.calibrate(tinyId, { candidates: [1], repeats: 1 });
  const local: ModelIdentity = { ...LOCAL_IDENTITY, name: tinyId, sha256: record.sha256 };
  const base = Date.parse('2026-11-20T10:00:00.000Z');
  saved = Array.from({ length: COUNT }, (_, i) => {
    // Three calls share each second: pages must not split or repeat a tie.
    const createdAt = new Date(base + Math.floor(i / 3) * 1000).toISOString();
    const cloud = i % 10 === 0;
    const cacheHit = !cloud && i % 7 === 0;
    const failed = !cacheHit && i % 11 === 0;
    return sampleEnvelope(
      {
        id: `call-${String(i).padStart(5, '0')}-${cloud ? 'CLD' : 'loc'}`,
        createdAt,
        runId: i % 50 === 49 ? null : `RUN-${i % 5}`,
        passId: PASSES[i % 3]!,
        workItemId: `item-${i % 4}`,
      },
      {
        model: cloud ? CLOUD : local,
        kind: cacheHit ? 'cache-hit' : 'generation',
        cachedFrom: cacheHit ? 'call-00001-loc' : null,
        error: failed ? 'questions: expected array' : null,
        cost: cloud
          ? { currency: 'USD', amount: 0.0042, priceTable: '2026-11' }
          : { currency: 'USD', amount: 0, priceTable: null },
      },
    );
  });
  const records = core.workflows.records;
  core.db.transaction(() => saved.forEach((e) => records.save(e)))();
}, 120_000);
afterAll(() => core.close());

describe('records.list', () => {
  it('pages through every call newest first, each exactly once, however many share a second', async () => {
    const pages = await allPages({}, 500);
    expect(pages.map((p) => p.records.length)).toEqual([500, 500, 500, 500, 400]);
    expect(pages.every((p) => p.total === COUNT)).toBe(true);
    expect(pages.flatMap((p) => p.records.map((r) => r.id))).toEqual(expected(() => true));
    expect(pages.at(-1)!.next).toBeNull();
  });

  it('gives a short first page by default and says how many match', async () => {
    const page = await ok<Page>('records.list', {});
    expect(page.records).toHaveLength(50);
    expect(page.total).toBe(COUNT);
    expect(page.next).not.toBeNull();
    const first = page.records[0]!;
    expect(first).toMatchObject({
      id: saved.at(-1)!.id,
      tier: 'local',
      model: `node-llama-cpp/${tinyId}`,
      modelName: 'cairn-tiny-64x2',
      inputTokens: 412,
      outputTokens: 57,
      cost: { amount: 0, currency: 'USD' },
    });
  });

  it('filters by run, pass, model, tier and outcome, alone and together, page after page', async () => {
    const cases: [Record<string, unknown>, (e: Envelope) => boolean][] = [
      [{ runId: 'RUN-3' }, (e) => e.runId === 'RUN-3'],
      [{ passId: 'plan' }, (e) => e.passId === 'plan'],
      [{ model: 'anthropic/claude-sonnet-4' }, (e) => e.model.provider === 'anthropic'],
      [{ tier: 'cloud' }, (e) => e.model.tier === 'cloud'],
      [{ tier: 'hosted' }, () => false],
      [{ outcome: 'ok' }, (e) => e.error === null && e.kind === 'generation'],
      [{ outcome: 'failed' }, (e) => e.error !== null],
      [{ outcome: 'cache-hit' }, (e) => e.kind === 'cache-hit'],
      [
        { runId: 'RUN-1', passId: 'summary', tier: 'local', outcome: 'ok' },
        (e) =>
          e.runId === 'RUN-1' &&
          e.passId === 'summary' &&
          e.model.tier === 'local' &&
          e.error === null &&
          e.kind === 'generation',
      ],
    ];
    for (const [filter, keep] of cases) {
      const want = expected(keep);
      const pages = await allPages(filter, 97);
      const got = pages.flatMap((p) => p.records.map((r) => r.id));
      expect(got, JSON.stringify(filter)).toEqual(want);
      expect(pages[0]!.total, JSON.stringify(filter)).toBe(want.length);
    }
    // The failed calls carry their reason into the list.
    const failed = await ok<Page>('records.list', { outcome: 'failed', limit: 1 });
    expect(failed.records[0]!.error).toBe('questions: expected array');
    expect(failed.records[0]!.ok).toBe(false);
  });

  it('searches ids: a part of the call, run or work item id, whatever its case', async () => {
    const byCall = await ok<Page>('records.list', { search: 'L-00123' });
    expect(byCall.records.map((r) => r.id)).toEqual(['call-00123-loc']);
    const byKey = await ok<Page>('records.list', { search: saved[0]!.cacheKey.slice(0, 12) });
    expect(byKey.total).toBe(COUNT);
    const byCase = await ok<Page>('records.list', { search: 'cld', limit: 500 });
    expect(byCase.total).toBe(expected((e) => e.model.tier === 'cloud').length);
    const byRun = await ok<Page>('records.list', { search: 'run-4', outcome: 'cache-hit' });
    expect(byRun.total).toBe(expected((e) => e.runId === 'RUN-4' && e.kind === 'cache-hit').length);
    const byItem = await ok<Page>('records.list', { search: 'ITEM-2', limit: 1 });
    expect(byItem.total).toBe(COUNT / 4);
    const none = await ok<Page>('records.list', { search: 'no-such-id' });
    expect(none).toEqual({ records: [], total: 0, next: null });
  });

  it('refuses a cursor it did not make, and says to start again', async () => {
    const result = await d.invoke('records.list', { after: 'page-2' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('first page') },
    });
  });
});

describe('records.facets', () => {
  it('offers the runs (most recent first), passes and models with their names', async () => {
    const facets = await ok<{
      runs: string[];
      passes: string[];
      models: { model: string; tier: string; name: string }[];
    }>('records.facets', {});
    expect(facets.runs).toEqual(['RUN-3', 'RUN-2', 'RUN-1', 'RUN-0', 'RUN-4']);
    expect(facets.passes).toEqual(['clarify', 'plan', 'summary']);
    expect(facets.models).toEqual([
      { model: 'anthropic/claude-sonnet-4', tier: 'cloud', name: 'anthropic/claude-sonnet-4' },
      { model: `node-llama-cpp/${tinyId}`, tier: 'local', name: 'cairn-tiny-64x2' },
    ]);
  });
});

describe('records.get', () => {
  it('returns the whole envelope of a call, found by a unique start of its id', async () => {
    const call = await ok<{ envelope: Envelope; modelName: string | null; egress: unknown }>(
      'records.get',
      { id: 'call-00123' },
    );
    expect(call.envelope).toEqual(saved[123]);
    expect(call.modelName).toBe('cairn-tiny-64x2');
    expect(call.egress).toBeNull();
  });

  it('links a cloud call to the consent and egress-log entry it went out under', async () => {
    const envelope = saved[20]!;
    new SqliteEgressStore(core.db).addRequest({
      id: 'EGR-TEST0001',
      createdAt: envelope.createdAt,
      runId: envelope.runId,
      passId: envelope.passId,
      workItemId: envelope.workItemId,
      workspaceRoot: SAMPLE_WORKSPACE,
      providerId: 'anthropic',
      tier: 'cloud',
      model: 'claude-sonnet-4',
      destination: 'https://api.anthropic.com/v1/messages',
      body: { messages: envelope.messages },
      payloadHash: 'ab'.repeat(32),
      redaction: { counts: {}, lines: [] },
      estimate: {
        inputTokens: 412,
        maxOutputTokens: 512,
        maxCost: 0.01,
        currency: 'USD',
        budgetNotes: [],
      },
      reason: 'the routing policy sends summary to cloud',
      status: 'sent',
      consentId: null,
      callId: envelope.id,
      sentAt: envelope.createdAt,
      error: null,
    });
    const call = await ok<{ egress: unknown }>('records.get', { id: envelope.id });
    expect(call.egress).toEqual({
      requestId: 'EGR-TEST0001',
      consentId: null,
      providerId: 'anthropic',
      destination: 'https://api.anthropic.com/v1/messages',
      status: 'sent',
      sentAt: envelope.createdAt,
      reason: 'the routing policy sends summary to cloud',
    });
  });

  it('says what is wrong with an unknown id or an ambiguous start', async () => {
    expect(await d.invoke('records.get', { id: 'nope-0000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: "No recorded call has the id 'nope-0000'." },
    });
    expect(await d.invoke('records.get', { id: 'call-001' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('give more of the id') },
    });
  });
});

describe('records.compare', () => {
  it('compares two calls of the same request field by field', async () => {
    const other = sampleEnvelope(
      { id: 'other-0001', createdAt: '2026-12-01T00:00:00.000Z', runId: null },
      {
        output: {
          text: '',
          json: {
            questions: [
              CLARIFY_OUTPUT.questions[0],
              { question: 'Who sees queued comments?', recommended: 'Everyone' },
            ],
          },
          stopReason: 'end',
        },
        rerunOf: saved[1]!.id,
      },
    );
    core.workflows.records.save(other);
    const result = await ok<{
      sameMessages: boolean;
      sameParams: boolean;
      comparison: { fields: { path: string; status: string }[]; identical: boolean };
      source: { envelope: Envelope };
      other: { envelope: Envelope };
    }>('records.compare', { sourceId: saved[1]!.id, otherId: 'other-0001' });
    expect(result.sameMessages).toBe(true);
    expect(result.sameParams).toBe(true);
    expect(result.comparison.identical).toBe(false);
    expect(result.comparison.fields.map((f) => [f.path, f.status])).toEqual([
      ['questions[0].question', 'same'],
      ['questions[0].recommended', 'same'],
      ['questions[1].question', 'same'],
      ['questions[1].recommended', 'changed'],
    ]);
    expect(result.other.envelope.rerunOf).toBe(saved[1]!.id);
  });
});

/** Subscribes and collects events until `until` says stop (or an error or `done` arrives). */
function rerunEvents(
  input: unknown,
  until: (event: RerunEvent) => boolean = () => false,
): Promise<RerunEvent[]> {
  return new Promise((resolve, reject) => {
    const events: RerunEvent[] = [];
    let stop: (() => void) | null = null;
    const started = d.subscribe('records.rerun', input, (raw) => {
      const event = raw as RerunEvent;
      events.push(event);
      if (until(event) || event.type === 'done' || event.type === 'error') {
        stop?.();
        resolve(events);
      }
    });
    if (!started.ok) reject(new Error(started.error.message));
    else stop = started.value.stop;
  });
}

describe('records.rerun', () => {
  it('re-runs a call on an on-device model, streams its text, records it and compares', async () => {
    const source = saved[4]!;
    const events = await rerunEvents({ id: source.id, modelId: tinyId });
    expect(events[0]).toEqual({
      type: 'started',
      sourceId: source.id,
      model: { id: tinyId, name: 'cairn-tiny-64x2' },
    });
    const done = events.at(-1)!;
    if (done.type !== 'done') throw new Error(`no result: ${JSON.stringify(done)}`);
    const streamed = events.flatMap((e) => (e.type === 'text' ? [e.text] : [])).join('');
    const rerun = done.result.other.envelope;
    expect(streamed).toBe(rerun.output.text);
    expect(rerun).toMatchObject({ rerunOf: source.id, runId: null, passId: source.passId });
    expect(core.workflows.records.get(rerun.id)).toEqual(rerun);
    expect(done.result.sameMessages).toBe(true);
    expect(done.result.sameParams).toBe(true);
    expect(done.result.source.envelope.id).toBe(source.id);
    expect(done.result.comparison.fields.length).toBeGreaterThan(0);
  });

  it('stops when the subscription stops, and the cancelled call is still on record', async () => {
    const source = sampleEnvelope(
      { id: 'free-text-0001', createdAt: '2026-12-02T00:00:00.000Z' },
      {
        params: { ...saved[0]!.params, jsonSchema: null, grammarHash: null, maxTokens: 4000 },
        output: { text: 'Release notes…', json: null, stopReason: 'end' },
      },
    );
    core.workflows.records.save(source);
    const events = await rerunEvents({ id: source.id, modelId: tinyId }, (e) => e.type === 'text');
    expect(events.map((e) => e.type)).toEqual(['started', 'text']);
    const rerunOf = () =>
      core.workflows.records
        .list({ workItemId: source.workItemId! })
        .find((e) => e.rerunOf === source.id);
    await expect.poll(rerunOf, { timeout: 30_000 }).toBeDefined();
    expect(rerunOf()!.output.stopReason).toBe('cancelled');
    expect(rerunOf()!.tokens.output).toBeLessThan(4000);
  });

  it('says which model is unknown before anything runs', async () => {
    const events = await rerunEvents({ id: saved[4]!.id, modelId: 'abcdef123456' });
    expect(events).toEqual([
      {
        type: 'error',
        error: { code: 'not_found', message: expect.stringContaining('abcdef123456') },
      },
    ]);
  });
});
