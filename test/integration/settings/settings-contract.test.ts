// The providers.*, routing.* and settings.* channels through the one dispatcher, as the UI
// reaches them, on a real core (SQLite in a temp folder) and a copy of the sample workspace.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/ipc/contract.ts';
import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import { Core } from '../../../electron/services/core.ts';
import { FileSecretStore } from '../../../electron/services/secrets/file-secret-store.ts';
import { sampleEnvelope } from '../../support/envelopes.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../../support/temp-dir.ts';

const KEY = 'sk-settings-contract-0123456789abcdef';

let core: Core;
let d: Dispatcher;
let dataDir: string;
let workspace: string;
/** Every reply of every channel, to check that the key never comes back. */
const replies: string[] = [];

async function ok<T = Record<string, unknown>>(channel: string, input: unknown): Promise<T> {
  const result = await d.invoke(channel, input);
  replies.push(JSON.stringify(result));
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

async function refused(channel: string, input: unknown) {
  const result: Result<unknown> = await d.invoke(channel, input);
  replies.push(JSON.stringify(result));
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  return result.error;
}

beforeAll(() => {
  dataDir = path.join(tempDir('cairn-settings-contract-'), 'data');
  workspace = path.join(tempDir('cairn-settings-ws-'), 'ws');
  fs.cpSync(SAMPLE_WORKSPACE, workspace, { recursive: true });
  core = new Core({ dataDir, host: 'web', version: '9.9.9', workspace });
  d = createDispatcher(createHandlers(core));
});
afterAll(() => core.close());

describe('providers channels', () => {
  it('adds a provider, stores its key in the secret store, and never returns the key', async () => {
    const added = await ok('providers.add', {
      id: 'team-vllm',
      kind: 'openai-compatible',
      tier: 'hosted',
      baseUrl: 'https://llm.example.test/v1/',
      models: ['qwen2.5-32b'],
    });
    expect(added).toEqual({
      provider: {
        id: 'team-vllm',
        kind: 'openai-compatible',
        tier: 'hosted',
        baseUrl: 'https://llm.example.test/v1',
        models: ['qwen2.5-32b'],
        structuredOutput: 'json_schema',
        keyStored: false,
      },
      replaced: false,
    });
    const set = await ok<{ provider: { keyStored: boolean }; keyStore: { kind: string } }>(
      'providers.setKey',
      { id: 'team-vllm', key: `  ${KEY}\n` },
    );
    expect(set.provider.keyStored).toBe(true);
    expect(set.keyStore.kind).toBe('file');
    expect(new FileSecretStore(dataDir).get('provider-key:team-vllm')).toBe(KEY);
    const listed = await ok<{ providers: unknown[]; keyStore: { warning: string } }>(
      'providers.list',
      {},
    );
    expect(listed.providers).toEqual([
      expect.objectContaining({ id: 'team-vllm', keyStored: true }),
    ]);
    expect(listed.keyStore.warning).toMatch(/not in the system keychain/);
    expect(fs.readFileSync(path.join(dataDir, 'providers.yaml'), 'utf8')).not.toContain(KEY);
  });

  it('refuses an invalid entry naming the field, and a key with spaces without echoing it', async () => {
    const plain = await refused('providers.add', {
      id: 'box',
      kind: 'openai-compatible',
      tier: 'hosted',
      baseUrl: 'http://gpu-box:8000/v1',
      models: ['q'],
    });
    expect(plain.code).toBe('invalid_input');
    expect(plain.issues).toEqual([
      'baseUrl: plain http is allowed only to 127.0.0.1 or localhost; use https for gpu-box:8000',
    ]);
    const ftp = await refused('providers.add', {
      id: 'Box!',
      kind: 'openai-compatible',
      tier: 'hosted',
      baseUrl: 'ftp://x',
      models: [],
    });
    expect(ftp.issues?.map((i) => i.split(':')[0])).toEqual(['id', 'baseUrl', 'models']);
    const duplicate = await refused('providers.add', {
      id: 'team-vllm',
      kind: 'openai-compatible',
      tier: 'hosted',
      baseUrl: 'https://other.example.test/v1',
      models: ['q'],
    });
    expect(duplicate.code).toBe('conflict');
    const spaced = await refused('providers.setKey', { id: 'team-vllm', key: 'sk-one sk-two' });
    expect(spaced.message).toMatch(/contains spaces/);
    expect(spaced.message).not.toContain('sk-one');
    const unknown = await refused('providers.setKey', { id: 'nobody', key: KEY });
    expect(unknown.code).toBe('not_found');
  });

  it('removes a provider and its key', async () => {
    await ok('providers.add', {
      id: 'openai',
      kind: 'openai-compatible',
      tier: 'cloud',
      baseUrl: 'https://api.openai.com/v1',
      models: ['gpt-4.1', 'gpt-4.1-mini'],
    });
    await ok('providers.setKey', { id: 'openai', key: 'sk-to-be-removed-123' });
    expect(await ok('providers.remove', { id: 'openai' })).toEqual({ id: 'openai', hadKey: true });
    expect(new FileSecretStore(dataDir).get('provider-key:openai')).toBeNull();
    expect((await refused('providers.remove', { id: 'openai' })).code).toBe('not_found');
  });
});

describe('routing channels', () => {
  const file = () => fs.readFileSync(path.join(workspace, '.cairn', 'config.yaml'), 'utf8');

  it('reads the workspace policy, with the model passes of its workflows', async () => {
    const view = await ok<{
      routing: unknown;
      exists: boolean;
      knownPasses: { name: string }[];
    }>('routing.get', {});
    expect(view.exists).toBe(true);
    expect(view.routing).toEqual({ default: 'local', cloud: 'ask', passes: {} });
    expect(view.knownPasses.length).toBeGreaterThan(0);
  });

  it('saves a per-pass tier and a hosted model, keeping the rest of the file', async () => {
    const before = await ok<{ version: string }>('routing.get', {});
    const saved = await ok<{ routing: unknown; warnings: string[] }>('routing.set', {
      routing: {
        default: 'local',
        cloud: 'ask',
        passes: { 'review-summary': 'hosted' },
        hosted_model: { provider: 'team-vllm', model: 'qwen2.5-32b' },
      },
      expectedVersion: before.version,
    });
    expect(saved.warnings).toEqual([]);
    const text = file();
    expect(text).toContain('# Team settings for this workspace; they sync through git');
    expect(text).toContain('  name: Lantern');
    expect(text).toContain('roots: [specs]');
    expect(text).toMatch(/passes:\n {4}review-summary: hosted/);
    expect(text).toMatch(/hosted_model:\n {4}provider: team-vllm\n {4}model: qwen2.5-32b/);
  });

  it('refuses invalid values with the field named, and leaves the file alone', async () => {
    const text = file();
    const tier = await refused('routing.set', {
      routing: { default: 'local', cloud: 'sometimes', passes: { plan: 'moon' } },
    });
    expect(tier.code).toBe('invalid_input');
    expect(tier.issues?.map((i) => i.split(':')[0]).sort()).toEqual([
      'routing.cloud',
      'routing.passes.plan',
    ]);
    const forbidden = await refused('routing.set', {
      routing: { default: 'local', cloud: 'forbidden', passes: { plan: 'cloud' } },
    });
    expect(forbidden.issues).toEqual([
      'routing.passes.plan: routes to cloud, which this workspace forbids (routing.cloud)',
    ]);
    const wrongTier = await refused('routing.set', {
      routing: { cloud_model: { provider: 'team-vllm', model: 'qwen2.5-32b' } },
    });
    expect(wrongTier.issues?.[0]).toMatch(
      /^routing\.cloud_model\.provider: 'team-vllm' is set up as a hosted provider/,
    );
    const stale = await refused('routing.set', {
      routing: { cloud: 'forbidden' },
      expectedVersion: '0000000000000000',
    });
    expect(stale.code).toBe('conflict');
    expect(file()).toBe(text);
  });
});

describe('settings channels', () => {
  beforeAll(() => {
    core.workflows.records.save(
      sampleEnvelope({ id: 'call-old', runId: null, createdAt: '2020-01-02T00:00:00.000Z' }),
    );
    core.workflows.records.save(
      sampleEnvelope({ id: 'call-new', runId: null, createdAt: new Date().toISOString() }),
    );
  });

  it('says where the data is and how big it is', async () => {
    const where = await ok<Record<string, unknown>>('settings.dataLocation', {});
    expect(where).toMatchObject({
      dataDir,
      databasePath: path.join(dataDir, 'cairn.db'),
      modelsDir: path.join(dataDir, 'models'),
      exportsDir: path.join(dataDir, 'exports'),
      records: 2,
      runs: 0,
    });
    expect(where.databaseBytes).toBeGreaterThan(0);
  });

  it('exports JSON Lines of envelopes and OTLP JSON into the exports folder', async () => {
    const all = await ok<{ file: string; records: number }>('settings.exportRecords', {
      format: 'jsonl',
    });
    expect(all.records).toBe(2);
    expect(path.dirname(all.file)).toBe(path.join(dataDir, 'exports'));
    const lines = fs.readFileSync(all.file, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([
      'call-old',
      'call-new',
    ]);
    const range = await ok<{ file: string; records: number }>('settings.exportRecords', {
      format: 'otlp',
      since: '2020-01-01T00:00:00.000Z',
      until: '2020-01-03T00:00:00.000Z',
    });
    expect(range.records).toBe(1);
    expect(range.file).toMatch(/\.otlp\.json$/);
    const otlp = JSON.parse(fs.readFileSync(range.file, 'utf8')) as {
      resourceSpans: { scopeSpans: { spans: unknown[] }[] }[];
    };
    expect(otlp.resourceSpans[0]!.scopeSpans[0]!.spans).toHaveLength(1);
    const backwards = await refused('settings.exportRecords', {
      format: 'jsonl',
      since: '2020-01-03T00:00:00.000Z',
      until: '2020-01-01T00:00:00.000Z',
    });
    expect(backwards.issues).toEqual(['until: the end of the range must come after its start']);
  });

  it('clears records older than N days: exactly what the preview counted', async () => {
    const preview = await ok<{ before: string; records: number }>('settings.previewClear', {
      olderThanDays: 30,
    });
    expect(preview.records).toBe(1);
    expect(await ok('settings.clearRecords', { before: preview.before })).toEqual({
      records: 1,
      runs: 0,
      keptRuns: 0,
    });
    expect(core.workflows.records.list().map((e) => e.id)).toEqual(['call-new']);
  });
});

describe('secrecy', () => {
  it('never sent the key back on any channel', () => {
    expect(replies.length).toBeGreaterThan(10);
    for (const reply of replies) expect(reply).not.toContain(KEY);
  });
});
