// The real node-llama-cpp path, through the inference worker process, on a tiny generated model.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  GenerationCancelledError,
  InferenceClient,
  WorkerRequestError,
} from '../../../native-models/local/inference-client.ts';
import type { ChatMessage, ModelSpec } from '../../../native-models/local/protocol.ts';
import { generateStructured } from '../../../native-models/local/structured-output.ts';
import { writeTinyGguf } from '../../support/tiny-gguf.ts';

let dir: string;
let client: InferenceClient;
let model: ModelSpec;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-generation-'));
  // CPU only, one thread: never the library's default thread count (see REFERENCE.md).
  model = { path: writeTinyGguf({}, dir), gpu: false, gpuLayers: 0, contextSize: 4096, threads: 1 };
  client = new InferenceClient();
});
afterAll(() => {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ask = (question: string, system = 'You check specs.'): ChatMessage[] => [
  { role: 'system', content: system },
  { role: 'user', content: question },
];

describe('generation on the tiny model', () => {
  it('streams text whose chunks add up to the result, with token counts', async () => {
    const chunks: string[] = [];
    const result = await client.generate(
      model,
      { messages: ask('Is REQ-1 testable?'), maxTokens: 24, temperature: 0.8, seed: 1 },
      { onChunk: (text) => chunks.push(text) },
    );
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(result.text);
    expect(result.stopReason).toBe('maxTokens');
    expect(result.tokens.output).toBeGreaterThan(0);
    expect(result.tokens.output).toBeLessThanOrEqual(24);
    expect(result.tokens.prompt).toBeGreaterThan(
      await client.countTokens(model, 'Is REQ-1 testable?'),
    );
    // The worker is fresh: the whole prompt was evaluated.
    expect(result.tokens.reusedPrefix).toBe(0);
    expect(result.tokens.evaluatedPrompt).toBe(result.tokens.prompt);
    expect(result.timings.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(result.model).toMatchObject({
      backend: 'cpu',
      gpuLayers: 0,
      threads: 1,
      contextSize: 4096,
      // Off on the CPU backend: it slowed long-context decoding (model-session.ts).
      flashAttention: false,
    });
    expect(result.model.runtimeVersion).toMatch(/^node-llama-cpp \d+\.\d+\.\d+ \(llama\.cpp .+\)$/);
  });

  it('tokenizes with the model’s vocabulary', async () => {
    // "t", "h", "e" are byte tokens; "▁spec" and "▁shall" are words of the tiny vocabulary.
    expect(await client.countTokens(model, 'the spec shall')).toBe(5);
    expect(await client.countTokens(model, 'xyz')).toBe(3);
  });

  it('is deterministic for a seed, and the seed matters', async () => {
    const params = { messages: ask('Draft a requirement.'), maxTokens: 16, temperature: 1 };
    const a = await client.generate(model, { ...params, seed: 42 });
    const b = await client.generate(model, { ...params, seed: 42 });
    const c = await client.generate(model, { ...params, seed: 43 });
    expect(b.text).toBe(a.text);
    expect(c.text).not.toBe(a.text);
    const greedy1 = await client.generate(model, { ...params, temperature: 0 });
    const greedy2 = await client.generate(model, { ...params, temperature: 0, seed: 7 });
    expect(greedy2.text).toBe(greedy1.text);
  });

  it('stops at maxTokens', async () => {
    const result = await client.generate(model, {
      messages: ask('Go on.'),
      maxTokens: 5,
      temperature: 0,
    });
    expect(result.stopReason).toBe('maxTokens');
    // Every generated token is counted, the last one included.
    expect(result.tokens.output).toBe(5);
  });

  it('decodes JSON under the grammar of a zod schema, which then validates', async () => {
    const Review = z.object({
      verdict: z.enum(['pass', 'fail', 'unclear']),
      testable: z.boolean(),
      severity: z.enum(['low', 'medium', 'high']).nullable(),
      tags: z.array(z.enum(['ears', 'ambiguity', 'scope'])).max(2),
    });
    for (const seed of [1, 2, 3]) {
      const { value, result } = await generateStructured(
        (params) => client.generate(model, params),
        Review,
        { messages: ask('Review REQ-7 and answer in JSON.'), maxTokens: 200, temperature: 1, seed },
      );
      expect(Review.parse(JSON.parse(result.text))).toEqual(value);
      expect(result.jsonProblem).toBeNull();
    }
  });

  it('reports an unfinished JSON output instead of a wrong value', async () => {
    const result = await client.generate(model, {
      messages: ask('JSON please'),
      maxTokens: 3,
      jsonSchema: { type: 'object', properties: { verdict: { enum: ['pass', 'fail'] } } },
    });
    expect(result.json).toBeUndefined();
    expect(result.jsonProblem).toMatch(/reached maxTokens \(3\) before the JSON was complete/);
  });

  it('reuses the evaluated prefix when the next prompt starts the same way', async () => {
    const document = 'The system shall queue review comments while offline. '.repeat(30);
    const first = await client.generate(model, {
      messages: ask('Question one?', document),
      maxTokens: 4,
      temperature: 0,
    });
    const second = await client.generate(model, {
      messages: ask('A different second question?', document),
      maxTokens: 4,
      temperature: 0,
    });
    const documentTokens = await client.countTokens(model, document);
    expect(first.tokens.reusedPrefix).toBeLessThan(documentTokens);
    expect(second.tokens.reusedPrefix).toBeGreaterThanOrEqual(documentTokens);
    expect(second.tokens.evaluatedPrompt).toBeLessThan(second.tokens.prompt - documentTokens + 20);
    expect(second.tokens.evaluatedPrompt + second.tokens.reusedPrefix).toBe(second.tokens.prompt);
  });

  it('cancels mid-generation, returns what it has, and keeps working', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const result = await client.generate(
      model,
      { messages: ask('Write at length.'), maxTokens: 3000, temperature: 1, seed: 5 },
      {
        signal: controller.signal,
        onChunk: () => {
          if (++chunks === 3) controller.abort();
        },
      },
    );
    expect(result.stopReason).toBe('cancelled');
    expect(result.tokens.output).toBeGreaterThan(0);
    expect(result.tokens.output).toBeLessThan(3000);
    const after = await client.generate(model, { messages: ask('Still there?'), maxTokens: 3 });
    expect(after.stopReason).toBe('maxTokens');
  });

  it('rejects a call whose signal is already aborted, without sending it', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.generate(model, { messages: ask('x'), maxTokens: 3 }, { signal: controller.signal }),
    ).rejects.toThrow(GenerationCancelledError);
  });

  it('cancels a request still queued behind another', async () => {
    const controller = new AbortController();
    // The second request reaches the worker while the first runs; it is cancelled once the
    // first streams, so the worker (not the client) must drop it.
    const long = client.generate(
      model,
      { messages: ask('long'), maxTokens: 300, temperature: 1 },
      { onChunk: () => controller.abort() },
    );
    const queued = client.generate(
      model,
      { messages: ask('queued'), maxTokens: 3 },
      { signal: controller.signal },
    );
    await expect(queued).rejects.toThrow(GenerationCancelledError);
    await expect(queued).rejects.toThrow('Cancelled before it started.');
    await expect(long).resolves.toMatchObject({ stopReason: expect.any(String) });
  });

  it('answers bad requests with clear errors, and the worker survives them', async () => {
    const text = path.join(dir, 'not-a-model.gguf');
    fs.writeFileSync(text, 'hello');
    const load = await client
      .generate({ ...model, path: text }, { messages: ask('x'), maxTokens: 2 })
      .catch((e: unknown) => e);
    expect(load).toBeInstanceOf(WorkerRequestError);
    expect(load).toMatchObject({ kind: 'model_load', message: expect.stringContaining(text) });

    const missing = await client
      .generate(
        { ...model, path: path.join(dir, 'gone.gguf') },
        { messages: ask('x'), maxTokens: 2 },
      )
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({
      kind: 'model_load',
      message: expect.stringMatching(/does not exist; import it again/),
    });

    const invalid = await client
      .generate({ ...model, threads: 0 }, { messages: ask('x'), maxTokens: 2 })
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({
      kind: 'invalid_request',
      message: expect.stringMatching(/model\.threads/),
    });

    const grammar = await client
      .generate(model, {
        messages: ask('x'),
        maxTokens: 2,
        jsonSchema: { type: 'object', properties: { a: { type: 'date' } } },
      })
      .catch((e: unknown) => e);
    expect(grammar).toMatchObject({
      kind: 'grammar',
      message: expect.stringMatching(/properties\.a\.type: "date" is not a JSON type/),
    });

    const pid = client.workerPid;
    const ok = await client.generate(model, { messages: ask('fine'), maxTokens: 2 });
    expect(ok.tokens.output).toBeGreaterThan(0);
    expect(client.workerPid).toBe(pid);
  });
});
