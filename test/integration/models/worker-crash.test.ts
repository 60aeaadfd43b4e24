// The inference worker dies mid-generation (kill -9 here; an out-of-memory abort in llama.cpp
// looks the same from outside): the pending calls reject with a clear error, this process
// stays up, and the next call starts a new worker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InferenceClient,
  WorkerCrashError,
} from '../../../native-models/local/inference-client.ts';
import type { ModelSpec } from '../../../native-models/local/protocol.ts';
import { nodeWorkerLauncher } from '../../../native-models/local/worker-launcher.ts';
import { writeTinyGguf } from '../../support/tiny-gguf.ts';

let dir: string;
let client: InferenceClient;
let model: ModelSpec;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-crash-'));
  model = { path: writeTinyGguf({}, dir), gpu: false, gpuLayers: 0, contextSize: 4096, threads: 1 };
  client = new InferenceClient();
});
afterAll(() => {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const messages = [{ role: 'user' as const, content: 'Write a long answer.' }];

describe('when the inference worker dies', () => {
  it('rejects pending calls with a clear error and restarts on the next call', async () => {
    const warm = await client.generate(model, { messages, maxTokens: 2 });
    expect(warm.tokens.output).toBeGreaterThan(0);
    const firstPid = client.workerPid;
    expect(firstPid).toBeGreaterThan(0);
    expect(client.starts).toBe(1);

    let chunks = 0;
    const dying = client.generate(
      model,
      { messages, maxTokens: 3500, temperature: 1, seed: 3 },
      {
        onChunk: () => {
          // Mid-generation: some text has streamed, far from maxTokens.
          if (++chunks === 5) process.kill(firstPid!, 'SIGKILL');
        },
      },
    );
    // Queued behind the dying generation: it must not hang either.
    const queued = client.countTokens(model, 'queued');

    const error = await dying.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashError);
    expect((error as WorkerCrashError).exit.signal).toBe('SIGKILL');
    expect((error as Error).message).toMatch(
      new RegExp(
        `inference worker \\(pid ${firstPid}\\) stopped unexpectedly \\(killed by SIGKILL\\) while generating with .*cairn-tiny`,
      ),
    );
    expect((error as Error).message).toMatch(/A new worker starts with the next call/);
    await expect(queued).rejects.toThrow(WorkerCrashError);
    expect(client.workerPid).toBeNull();

    const after = await client.generate(model, { messages, maxTokens: 3 });
    expect(after.tokens.output).toBeGreaterThan(0);
    expect(client.workerPid).not.toBe(firstPid);
    expect(client.starts).toBe(2);
    // The new worker loaded the model afresh.
    expect(after.timings.loadMs).toBeGreaterThan(0);
  });

  it('reports a worker that dies while starting, and starts again afterwards', async () => {
    const launch = nodeWorkerLauncher();
    let launches = 0;
    const flaky = new InferenceClient({
      launcher: () => {
        const worker = launch();
        // The first worker dies before it can say it is ready.
        if (++launches === 1) worker.kill('SIGKILL');
        return worker;
      },
    });
    try {
      await expect(flaky.countTokens(model, 'x')).rejects.toThrow(
        /The inference worker stopped \(killed by SIGKILL\) before it was ready/,
      );
      await expect(flaky.countTokens(model, 'xyz')).resolves.toBe(3);
      expect(flaky.starts).toBe(2);
    } finally {
      flaky.close();
    }
  });
});
