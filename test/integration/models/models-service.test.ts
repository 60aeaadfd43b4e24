// The models service as the app uses it: SQLite registry, import, catalog downloads from a
// 127.0.0.1 server, automatic thread calibration, generation through the worker, and the
// models.* channels through the dispatcher.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher } from '../../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import { Core } from '../../../electron/services/core.ts';
import { ModelFileChangedError } from '../../../electron/services/models/models-service.ts';
import { GgufFormatError } from '../../../native-models/registry/gguf-header.ts';
import type { CatalogEntry } from '../../../native-models/registry/catalog.ts';
import { DownloadError } from '../../../native-models/routing/model-download.ts';
import { startModelFileServer, type ModelFileServer } from '../../support/model-file-server.ts';
import { buildTinyGguf, writeTinyGguf } from '../../support/tiny-gguf.ts';

let dir: string;
let server: ModelFileServer;
let core: Core;
let tinyFile: string;
const served = buildTinyGguf({ seed: 21, name: 'served-tiny' });
const servedSha = createHash('sha256').update(served).digest('hex');

function entry(id: string, overrides: Partial<CatalogEntry>): CatalogEntry {
  return {
    id,
    name: `Test ${id}`,
    publisher: 'Cairn tests',
    parameters: '0.1M',
    quantization: 'F32',
    fileName: `${id}.gguf`,
    url: server.url(),
    sizeBytes: served.length,
    sizeIsExact: true,
    sha256: servedSha,
    hashSource: 'test',
    license: 'MIT',
    contextLength: 8192,
    kv: { blockCount: 2, headCountKv: 2, headDim: 16 },
    notes: '',
    ...overrides,
  };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-models-service-'));
  server = await startModelFileServer(served);
  tinyFile = writeTinyGguf({}, dir);
  core = new Core({
    dataDir: path.join(dir, 'data'),
    host: 'web',
    version: '0.0.0-test',
    models: {
      gpu: false,
      contextSize: 2048,
      catalog: [
        entry('published', {}),
        entry('unpublished', {
          sha256: null,
          hashSource: 'no published hash; pinned on first download',
        }),
        entry('not-a-model', { sha256: null, sizeIsExact: false, url: server.url('/redirect') }),
      ],
    },
  });
});
afterAll(async () => {
  core.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ModelsService', () => {
  it('imports a GGUF file once, with its SHA-256, and recognises it again', async () => {
    const first = await core.models.importFile(tinyFile);
    const expected = createHash('sha256').update(fs.readFileSync(tinyFile)).digest('hex');
    expect(first.alreadyKnown).toBe(false);
    expect(first.record).toMatchObject({
      sha256: expected,
      id: expected.slice(0, 12),
      source: 'imported',
      path: tinyFile,
    });
    const again = await core.models.importFile(tinyFile);
    expect(again.alreadyKnown).toBe(true);
    expect(core.models.list()).toHaveLength(1);
  });

  it('registers nothing for a file that is not GGUF', async () => {
    const bad = path.join(dir, 'truncated.gguf');
    fs.writeFileSync(bad, fs.readFileSync(tinyFile).subarray(0, 1000));
    await expect(core.models.importFile(bad)).rejects.toThrow(GgufFormatError);
    expect(core.models.list()).toHaveLength(1);
  });

  it('calibrates threads on first use, stores them, and generates with them', async () => {
    const id = core.models.list()[0]!.id;
    const result = await core.models.generate(id, {
      messages: [{ role: 'user', content: 'Is this requirement testable?' }],
      maxTokens: 6,
    });
    const { calibrated, threads } = await core.models.threadsFor(id);
    expect(result.model.threads).toBe(threads);
    expect(calibrated.bestThreads).toBe(threads);
    expect(calibrated.measurements.length).toBeGreaterThanOrEqual(1);
    expect(result).toMatchObject({
      modelId: id,
      stopReason: 'maxTokens',
      model: { backend: 'cpu', contextSize: 2048 },
    });
  });

  it('returns zod-validated structured output', async () => {
    const id = core.models.list()[0]!.id;
    const Answer = z.object({ testable: z.boolean(), priority: z.enum(['P1', 'P2', 'P3']) });
    const { value } = await core.models.generateStructured(id, Answer, {
      messages: [{ role: 'user', content: 'Classify REQ-3.' }],
      maxTokens: 100,
      temperature: 0.7,
      seed: 11,
    });
    expect(Answer.safeParse(value).success).toBe(true);
  });

  it('refuses a model whose file changed since it was hashed', async () => {
    const copy = path.join(dir, 'copy.gguf');
    fs.copyFileSync(tinyFile, copy);
    // Same bytes as tinyFile: the record now points at the copy.
    const { record } = await core.models.importFile(copy);
    expect(record.path).toBe(copy);
    fs.appendFileSync(copy, Buffer.alloc(32));
    await expect(
      core.models.generate(record.id, { messages: [{ role: 'user', content: 'x' }], maxTokens: 2 }),
    ).rejects.toThrow(ModelFileChangedError);
    // Point the record back at the original for the other tests.
    await core.models.importFile(tinyFile);
  });

  it('shows a fit estimate for every catalog entry', async () => {
    const items = await core.models.catalogWithFit();
    expect(items.map((i) => i.entry.id)).toEqual(['published', 'unpublished', 'not-a-model']);
    for (const { fit } of items) {
      expect(fit.verdict).toBe('cpu');
      expect(fit.contextSize).toBe(2048);
      expect(fit.message).toMatch(/Runs on the CPU from RAM/);
    }
  });

  it('downloads a catalog model, verifies the published hash and registers it', async () => {
    const { record, download } = await core.models.download('published');
    expect(download?.sha256).toBe(servedSha);
    expect(record).toMatchObject({
      sha256: servedSha,
      source: 'downloaded',
      catalogId: 'published',
    });
    expect(record.path).toBe(path.join(dir, 'data', 'models', 'published.gguf'));
    expect(record.summary.name).toBe('served-tiny');
    const requests = server.requests.length;
    const again = await core.models.download('published');
    expect(again).toMatchObject({ record: { id: record.id }, download: null });
    expect(server.requests.length).toBe(requests);
  });

  it('pins the hash of the first download where none is published, and holds later downloads to it', async () => {
    const first = await core.models.download('unpublished');
    expect(first.record.sha256).toBe(servedSha);
    expect(core.models.registry.pinnedHash('unpublished')).toBe(servedSha);

    // The file changes upstream: the pinned hash no longer matches, and the new bytes go.
    fs.rmSync(first.record.path);
    server.content = buildTinyGguf({ seed: 22, name: 'served-tiny' });
    try {
      const error = await core.models.download('unpublished').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DownloadError);
      expect((error as DownloadError).problem).toBe('hash_mismatch');
      expect(fs.existsSync(first.record.path)).toBe(false);
    } finally {
      server.content = served;
    }
  });

  it('deletes a download that is not a model and pins nothing', async () => {
    server.content = Buffer.from('<!DOCTYPE html><html>Sign in to continue</html>');
    try {
      await expect(core.models.download('not-a-model')).rejects.toThrow(/HTML page/);
    } finally {
      server.content = served;
    }
    expect(fs.existsSync(path.join(dir, 'data', 'models', 'not-a-model.gguf'))).toBe(false);
    expect(core.models.registry.pinnedHash('not-a-model')).toBeNull();
  });
});

describe('models.* channels end to end', () => {
  it('stream a download: the fit estimate first, then progress, then the model', async () => {
    const dispatcher = createDispatcher(createHandlers(core));
    fs.rmSync(path.join(dir, 'data', 'models', 'published.gguf'), { force: true });
    const events: { type: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      const started = dispatcher.subscribe(
        'models.download',
        { catalogId: 'published' },
        (event) => {
          events.push(event as { type: string });
          if ((event as { type: string }).type === 'done') resolve();
          if ((event as { type: string }).type === 'error')
            reject(new Error(JSON.stringify(event)));
        },
      );
      if (!started.ok) reject(new Error(started.error.message));
    });
    expect(events[0]).toMatchObject({ type: 'fit', fit: { verdict: 'cpu' } });
    expect(events.filter((e) => e.type === 'progress').length).toBeGreaterThanOrEqual(1);
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      alreadyPresent: false,
      model: { sha256: servedSha },
    });
  });

  it('stream generated tokens, then the result with its model identity', async () => {
    const dispatcher = createDispatcher(createHandlers(core));
    const id = core.models.list().find((m) => m.source === 'imported')!.id;
    const events: { type: string; text?: string; result?: { text: string } }[] = [];
    await new Promise<void>((resolve, reject) => {
      const started = dispatcher.subscribe(
        'models.generate',
        {
          modelId: id,
          messages: [{ role: 'user', content: 'Summarise REQ-2.' }],
          maxTokens: 8,
          seed: 1,
          temperature: 0.5,
        },
        (event) => {
          events.push(event as (typeof events)[number]);
          if ((event as { type: string }).type === 'done') resolve();
          if ((event as { type: string }).type === 'error')
            reject(new Error(JSON.stringify(event)));
        },
      );
      if (!started.ok) reject(new Error(started.error.message));
    });
    const tokens = events
      .filter((e) => e.type === 'token')
      .map((e) => e.text)
      .join('');
    const done = events.at(-1)!;
    expect(done.type).toBe('done');
    expect(done.result?.text).toBe(tokens);
    expect(done.result).toMatchObject({ modelId: id, model: { backend: 'cpu' } });

    const listed = await dispatcher.invoke('models.list', {});
    expect(listed).toMatchObject({
      ok: true,
      value: { models: expect.arrayContaining([expect.objectContaining({ id })]) },
    });
  });

  it('remove a downloaded model with its file while the worker has a model loaded', async () => {
    const dispatcher = createDispatcher(createHandlers(core));
    const downloaded = core.models.list().find((m) => m.catalogId === 'published')!;
    expect(core.models.workerPid).not.toBeNull();
    expect(await dispatcher.invoke('models.remove', { modelId: downloaded.id })).toMatchObject({
      ok: true,
      value: { model: { id: downloaded.id, source: 'downloaded' }, file: 'deleted' },
    });
    expect(fs.existsSync(downloaded.path)).toBe(false);
    expect(core.models.list().map((m) => m.id)).not.toContain(downloaded.id);
    // The imported model still generates after the worker let its model go.
    const imported = core.models.list().find((m) => m.source === 'imported')!;
    const result = await core.models.generate(imported.id, {
      messages: [{ role: 'user', content: 'x' }],
      maxTokens: 2,
    });
    expect(result.modelId).toBe(imported.id);
  });
});
