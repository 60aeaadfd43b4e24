// The ModelPort for on-device models, on the real inference worker with the tiny GGUF model.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ModelNotFoundError,
  ModelsService,
} from '../../../electron/services/models/models-service.ts';
import { LocalModelPort } from '../../../electron/services/records/local-model-port.ts';
import { openDatabase } from '../../../electron/services/store/database.ts';
import { ModelRegistryStore } from '../../../electron/services/store/model-registry-store.ts';
import { writeTinyGguf } from '../../support/tiny-gguf.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('cairn-local-port-');
let models: ModelsService;
let sha256: string;

beforeAll(async () => {
  const file = writeTinyGguf({}, dir);
  sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const dataDir = path.join(dir, 'data');
  models = new ModelsService({
    registry: new ModelRegistryStore(openDatabase(dataDir)),
    dataDir,
    gpu: false,
    contextSize: 2048,
  });
  await models.importFile(file);
});
afterAll(() => models.close());

const schema = {
  type: 'object',
  properties: { testable: { type: 'boolean' }, priority: { enum: ['P1', 'P2', 'P3'] } },
  required: ['testable', 'priority'],
};

describe('LocalModelPort', () => {
  it('answers a structured call and reports the file, the settings it ran with and tokens by class', async () => {
    const port = new LocalModelPort(models, sha256.slice(0, 12));
    const described = await port.describe();
    expect(described).toMatchObject({
      tier: 'local',
      provider: 'node-llama-cpp',
      name: sha256.slice(0, 12),
      sha256,
      quantization: 'F32',
      backend: 'cpu',
      gpuLayers: 0,
      contextSize: 2048,
      runtimeVersion: expect.stringMatching(/^node-llama-cpp \d/),
      resolvedModel: null,
    });
    const chunks: string[] = [];
    const result = await port.generate({
      messages: [{ role: 'user', content: 'Classify REQ-3: the system shall sync.' }],
      jsonSchema: schema,
      maxTokens: 60,
      temperature: 0,
      topP: null,
      seed: 3,
      onText: (t) => chunks.push(t),
    });
    expect(result.identity).toMatchObject({ ...described, threads: expect.any(Number) });
    expect(result.identity.sha256).toBe(sha256);
    expect(result.jsonProblem).toBeNull();
    expect(result.json).toMatchObject({
      testable: expect.any(Boolean),
      priority: expect.any(String),
    });
    expect(JSON.parse(result.text)).toEqual(result.json);
    expect(chunks.join('')).toBe(result.text);
    expect(result.tokens.input).toBeGreaterThan(5);
    expect(result.tokens.output).toBeGreaterThan(0);
    expect(result.tokens).toMatchObject({ cacheWrite: 0, reasoning: 0 });
    expect(result.timings.totalMs).toBeGreaterThan(0);
    // Calibrated during the first call: describe() now knows the threads too.
    expect((await port.describe()).threads).toBe(result.identity.threads);
  });

  it('reports a reused prompt prefix as cached input', async () => {
    const port = new LocalModelPort(models, sha256);
    const request = {
      messages: [
        { role: 'system' as const, content: 'You review requirements. '.repeat(8) },
        { role: 'user' as const, content: 'REQ-1' },
      ],
      jsonSchema: null,
      maxTokens: 4,
      temperature: 0,
      topP: null,
      seed: null,
    };
    await port.generate(request);
    const second = await port.generate({
      ...request,
      messages: [request.messages[0]!, { role: 'user', content: 'REQ-2' }],
    });
    expect(second.tokens.cachedInput).toBeGreaterThan(0);
    expect(second.tokens.cachedInput).toBeLessThan(second.tokens.input);
  });

  it('refuses a model that is not registered', () => {
    expect(() => new LocalModelPort(models, 'feedbeefcafe')).toThrow(ModelNotFoundError);
  });
});
