// The runs.* channels through the contract dispatcher, on a real core: SQLite, a copy of the
// sample workspace, the real passes and the tiny GGUF model on llama.cpp. What the Runs view
// does — estimate, start, watch, decide changes and gates, escalate, cancel, resume after a
// restart — checked where a user would notice it: the run's state, the files, the records.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf, OutputOf } from '../../../electron/ipc/contract.ts';
import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import { Core } from '../../../electron/services/core.ts';
import { ProviderKeys } from '../../../electron/services/providers/provider-keys.ts';
import { saveProviders } from '../../../electron/services/providers/provider-file.ts';
import { ProviderConfigSchema } from '../../../native-models/remote/provider-config.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { writeTinyGguf } from '../../support/tiny-gguf.ts';
import { REQUIREMENTS, runsWorkspace, SYNC } from '../../support/runs-workspace.ts';

type RunEvent = EventOf<'runs.events'>;
type Detail = OutputOf<'runs.get'>;

const dir = tempDir('cairn-runs-contract-');
const dataDir = path.join(dir, 'data');
const workspace = runsWorkspace(dir);
let core: Core;
let api: Dispatcher;
let modelId: string;
const events: RunEvent[] = [];
let stopEvents: () => void = () => {};

function write(rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
  fs.writeFileSync(path.join(workspace, rel), text);
}
const read = (rel: string) => fs.readFileSync(path.join(workspace, rel), 'utf8');

async function call<T = Detail>(channel: string, input: unknown): Promise<T> {
  const result = await api.invoke(channel, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

async function failure(channel: string, input: unknown) {
  const result = await api.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} succeeded`);
  return result.error;
}

function open(): void {
  core = new Core({
    dataDir,
    host: 'web',
    version: '0.0.0-test',
    workspace,
    models: { gpu: false, contextSize: 4096 },
  });
  api = createDispatcher(createHandlers(core));
  const subscribed = api.subscribe('runs.events', {}, (e) => events.push(e as RunEvent));
  if (!subscribed.ok) throw new Error(subscribed.error.message);
  stopEvents = subscribed.value.stop;
}

function close(): void {
  stopEvents();
  core.close();
}

/** Calls a channel that drives a run; resolves once this host stops driving it, with the run. */
async function driven(channel: string, input: unknown): Promise<Detail> {
  const from = events.length;
  const { id } = await call(channel, input);
  await expect
    .poll(() => events.slice(from).some((e) => e.type === 'drive-ended' && e.runId === id), {
      timeout: 90_000,
      interval: 50,
    })
    .toBe(true);
  return call('runs.get', { runId: id });
}

beforeAll(async () => {
  open();
  const file = writeTinyGguf({}, dir);
  modelId = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
  await core.models.importFile(file);
  await core.models.calibrate(modelId, { candidates: [1], repeats: 1 });
});
afterAll(() => close());

describe('the runs channels', () => {
  it('lists the catalog with team workflows and the broken file located', async () => {
    const catalog = await call<OutputOf<'runs.catalog'>>('runs.catalog', {});
    const ids = catalog.workflows.map((w) => w.id);
    expect(ids).toEqual(expect.arrayContaining(['spec-review', 'new-feature', 'tight']));
    const review = catalog.workflows.find((w) => w.id === 'spec-review')!;
    expect(review.passes.at(-1)).toMatchObject({
      id: 'summary',
      kind: 'model',
      gate: { human: true },
    });
    expect(catalog.workflows.find((w) => w.id === 'tight')).toMatchObject({
      source: 'workspace',
      file: '.cairn/workflows/tight.yaml',
      budget: { tokens: 10 },
    });
    expect(catalog.problems).toHaveLength(1);
    expect(catalog.problems[0]!.problems[0]).toMatchObject({
      file: '.cairn/workflows/broken.yaml',
      line: 5,
      field: 'passes[0].uses',
    });
  });

  it('creates a work item in the open workspace and lists it', async () => {
    const item = await call<OutputOf<'runs.createItem'>>('runs.createItem', {
      kind: 'review',
      title: '  Offline review  ',
      folder: 'specs/offline-review/',
    });
    expect(item).toMatchObject({
      kind: 'review',
      title: 'Offline review',
      folder: 'specs/offline-review',
    });
    expect(item.id).toMatch(/^REV-[0-9A-Z]{6}$/);
    const { items } = await call<OutputOf<'runs.items'>>('runs.items', {});
    expect(items.map((i) => i.id)).toContain(item.id);
    const bad = await failure('runs.createItem', { kind: 'review', title: 'x', folder: '../out' });
    expect(bad.code).toBe('invalid_input');
  });

  it('estimates with the tokenizer and refuses to start over budget unless told to', async () => {
    const estimate = await call<OutputOf<'runs.estimate'>>('runs.estimate', {
      workflowId: 'tight',
      itemId: null,
      modelId,
    });
    expect(estimate.estimate.inputTokens).toBeGreaterThan(0);
    expect(estimate.estimate.outputTokens).toBe(3000);
    expect(estimate.estimate.basis.join(' ')).toContain("counted with the model's tokenizer");
    expect(estimate.estimate.seconds).toBeGreaterThan(0);
    expect(estimate.overruns[0]).toMatch(/tokens against a budget of 10/);
    const refused = await failure('runs.start', {
      workflowId: 'tight',
      itemId: null,
      modelId,
      overBudget: false,
    });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('Start anyway');
    const noModel = await failure('runs.start', {
      workflowId: 'spec-review',
      itemId: null,
      modelId: null,
      overBudget: false,
    });
    expect(noModel.message).toContain('choose an on-device model');
  });

  it('runs spec-review with live events, shows diffs, applies decisions and approves the gate', async () => {
    const before = { req: read(REQUIREMENTS), sync: read(SYNC) };
    const run = await driven('runs.start', {
      workflowId: 'spec-review',
      itemId: null,
      modelId,
      overBudget: false,
    });
    expect(run).toMatchObject({ status: 'waiting', active: false, nextPass: 5 });
    const mine = events.filter((e) => 'runId' in e && e.runId === run.id);
    expect(mine.filter((e) => e.type === 'pass-started').map((e) => e.passId)).toEqual([
      'lint',
      'analyze',
      'ambiguity',
      'coverage',
      'summary',
    ]);
    const streamed = mine.filter((e) => e.type === 'text' && e.passId === 'summary');
    expect(streamed.length).toBeGreaterThan(0);
    // llama.cpp counts the tokens as they stream: the live rate is measured, not guessed.
    const tokens = streamed.reduce((s, e) => s + (e.type === 'text' ? (e.tokens ?? 0) : 0), 0);
    expect(tokens).toBeGreaterThan(0);

    const summary = run.passes[4]!;
    expect(summary).toMatchObject({
      state: 'completed',
      kind: 'model',
      gate: { human: 'pending' },
    });
    expect(summary.calls.outputTokens).toBeGreaterThanOrEqual(tokens);
    expect(summary.calls.outputTokensPerSecond).toBeGreaterThan(0);
    expect(run.totals.outputTokens).toBe(summary.calls.outputTokens);

    const byPath = new Map(run.changes.map((c) => [c.path, c]));
    expect([...byPath.keys()].sort()).toEqual([REQUIREMENTS, SYNC]);
    expect(byPath.get(REQUIREMENTS)!.diff).toMatch(/^-.*should do it fast\.$/m);
    expect(byPath.get(REQUIREMENTS)!.diff).toMatch(/^\+.*shall do it fast\.$/m);

    // Someone edits the title line meanwhile: accepting merges around it.
    fs.writeFileSync(
      path.join(workspace, REQUIREMENTS),
      before.req.replace('# Offline', '# Edited: Offline'),
    );
    const accepted = await call<OutputOf<'runs.change'>>('runs.change', {
      changeId: byPath.get(REQUIREMENTS)!.id,
      decision: 'accept',
    });
    expect(accepted.change.status).toBe('accepted');
    expect(accepted.outcome).toMatch(/^Merged into .*both edits are kept/);
    expect(read(REQUIREMENTS)).toContain('# Edited: Offline');
    expect(read(REQUIREMENTS)).toContain('shall do it fast.');

    const rejected = await call<OutputOf<'runs.change'>>('runs.change', {
      changeId: byPath.get(SYNC)!.id,
      decision: 'reject',
    });
    expect(rejected.change.status).toBe('rejected');
    expect(read(SYNC)).toBe(before.sync);
    const again = await failure('runs.change', {
      changeId: byPath.get(SYNC)!.id,
      decision: 'accept',
    });
    expect(again.code).toBe('conflict');

    const done = await driven('runs.gate', { runId: run.id, decision: 'approve' });
    expect(done.status).toBe('completed');
    expect(done.passes[4]!.gate?.human).toBe('approved');
    fs.writeFileSync(path.join(workspace, REQUIREMENTS), before.req);
  });

  it('marks a change stale, with the reason, when the file changed in the same lines', async () => {
    const original = read(REQUIREMENTS);
    const run = await driven('runs.start', {
      workflowId: 'spec-review',
      itemId: null,
      modelId,
      overBudget: false,
    });
    const change = run.changes.find((c) => c.path === REQUIREMENTS)!;
    fs.writeFileSync(
      path.join(workspace, REQUIREMENTS),
      original.replace('should do it fast', 'must do it at once'),
    );
    const outcome = await call<OutputOf<'runs.change'>>('runs.change', {
      changeId: change.id,
      decision: 'accept',
    });
    expect(outcome.change.status).toBe('stale');
    expect(outcome.outcome).toMatch(/changed since the pass read it, in the same lines/);
    expect(read(REQUIREMENTS)).toContain('must do it at once');
    fs.writeFileSync(path.join(workspace, REQUIREMENTS), original);
    const rejected = await call('runs.gate', { runId: run.id, decision: 'reject' });
    expect(rejected.status).toBe('cancelled');
  });

  it('cancels a run mid-generation: the model call stops and the run is cancelled', async () => {
    const started = await call('runs.start', {
      workflowId: 'tight',
      itemId: null,
      modelId,
      overBudget: true,
    });
    await expect
      .poll(() => events.some((e) => e.type === 'text' && e.runId === started.id), {
        timeout: 60_000,
        interval: 5,
      })
      .toBe(true);
    const cancelled = await call('runs.cancel', { runId: started.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', active: false });
    const [record] = core.workflows.records.list({ runId: started.id });
    expect(record?.output.stopReason).toBe('cancelled');
    expect(record!.tokens.output).toBeLessThan(3000);
    const ended = events.find((e) => e.type === 'drive-ended' && e.runId === started.id);
    expect(ended).toBeDefined();
  });

  it('escalates the pass at a gate only where routing allows, and then waits for consent', async () => {
    const run = await driven('runs.start', {
      workflowId: 'spec-review',
      itemId: null,
      modelId,
      overBudget: false,
    });
    expect(run.escalation).toMatchObject({ passId: 'summary', tiers: [] });
    expect(run.escalation.note).toContain('no hosted model is set');
    const refused = await failure('runs.escalate', {
      runId: run.id,
      passId: 'summary',
      tier: 'hosted',
    });
    expect(refused.code).toBe('forbidden');

    saveProviders(dataDir, [
      ProviderConfigSchema.parse({
        id: 'org-vllm',
        kind: 'openai-compatible',
        tier: 'hosted',
        baseUrl: 'http://127.0.0.1:9/v1',
        models: ['qwen2.5-7b-instruct'],
      }),
    ]);
    new ProviderKeys(core.secrets).set('org-vllm', 'sk-test-runs-contract-0123456789');
    write(
      '.cairn/config.yaml',
      'version: 1\nrouting:\n  hosted_model:\n    provider: org-vllm\n    model: qwen2.5-7b-instruct\n',
    );
    const allowed = await call('runs.get', { runId: run.id });
    expect(allowed.escalation.tiers).toEqual(['hosted']);
    const deferred = await driven('runs.escalate', {
      runId: run.id,
      passId: 'summary',
      tier: 'hosted',
    });
    expect(deferred.status).toBe('deferred');
    expect(deferred.consentWaiting).toBe(1);
    expect(deferred.error).toContain("pass 'summary' waits");

    // The decision alone moves the run on: no "continue" from the user.
    const { waiting } = await call<OutputOf<'consent.list'>>('consent.list', {});
    const request = waiting.find((w) => w.runId === run.id);
    const from = events.length;
    await call('consent.decide', { requestId: request!.id, decision: 'deny' });
    await expect
      .poll(() => events.slice(from).some((e) => e.type === 'drive-ended' && e.runId === run.id), {
        timeout: 90_000,
        interval: 50,
      })
      .toBe(true);
    const after = await call('runs.get', { runId: run.id });
    expect(after).toMatchObject({ status: 'failed', consentWaiting: 0 });
    expect(after.error).toContain('You denied sending this request');
    fs.rmSync(path.join(workspace, '.cairn/config.yaml'));
    await call('runs.cancel', { runId: run.id });
  });

  it('lists runs with filters and totals, and resumes an interrupted run after a restart', async () => {
    const all = await call<OutputOf<'runs.list'>>('runs.list', {});
    expect(all.runs).toHaveLength(4);
    expect(all.totals.outputTokens).toBe(all.runs.reduce((s, r) => s + r.totals.outputTokens, 0));
    const cancelled = await call<OutputOf<'runs.list'>>('runs.list', { status: 'cancelled' });
    expect(cancelled.runs.every((r) => r.status === 'cancelled')).toBe(true);
    expect(cancelled.runs.length).toBe(3);
    const tight = await call<OutputOf<'runs.list'>>('runs.list', { workflowId: 'tight' });
    expect(tight.runs.map((r) => r.workflowId)).toEqual(['tight']);

    // A run the app was driving when it stopped: created, never finished.
    const interrupted = await core.workflows.workflows.start({
      workspaceRoot: workspace,
      workflowId: 'spec-review',
      itemId: null,
      modelId,
    });
    close();
    open();
    const listed = await call<OutputOf<'runs.list'>>('runs.list', { status: 'running' });
    expect(listed.runs.map((r) => [r.id, r.active])).toEqual([[interrupted.id, false]]);
    const resumed = await driven('runs.continue', { runId: interrupted.id, how: 'resume' });
    expect(resumed.status).toBe('waiting');
  });
});
