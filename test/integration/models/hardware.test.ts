// Hardware probe and thread calibration through the real worker and llama.cpp.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getLlama } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HardwareReportSchema } from '../../../native-models/hardware/hardware-report.ts';
import { InferenceClient } from '../../../native-models/local/inference-client.ts';
import type { ModelSpec } from '../../../native-models/local/protocol.ts';
import { GGML_TYPES } from '../../../native-models/registry/gguf-format.ts';
import { writeTinyGguf } from '../../support/tiny-gguf.ts';

let dir: string;
let client: InferenceClient;
let model: ModelSpec;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-hardware-'));
  model = { path: writeTinyGguf({}, dir), gpu: false, gpuLayers: 0, contextSize: 1024, threads: 1 };
  client = new InferenceClient();
});
afterAll(() => {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the hardware probe', () => {
  it('reports what gpu: auto finds, without hanging, building or downloading', async () => {
    const started = Date.now();
    const report = await client.probeHardware('auto');
    expect(HardwareReportSchema.parse(report)).toEqual(report);
    expect(report.problems).toEqual([]);
    expect(report.cpu.logicalCores).toBe(os.availableParallelism());
    expect(report.cpu.mathCores).toBeGreaterThan(0);
    expect(report.memory.totalBytes).toBe(os.totalmem());
    // Prebuilt binaries only: a local build would mean it compiled llama.cpp.
    expect(report.runtime.binary).toBe('prebuilt');
    if (report.gpu.backend === null) {
      expect(report.gpu).toEqual({
        backend: null,
        devices: [],
        vramTotalBytes: 0,
        vramFreeBytes: 0,
      });
    } else {
      expect(report.gpu.vramTotalBytes).toBeGreaterThan(0);
    }
    // A build from source takes minutes; probing takes seconds even on a busy machine.
    expect(Date.now() - started).toBeLessThan(45_000);
  });

  it('stays on the CPU runtime when asked to', async () => {
    const report = await client.probeHardware(false);
    expect(report.gpu.backend).toBeNull();
  });
});

describe('thread calibration', () => {
  it('measures every candidate and keeps the fastest', async () => {
    const result = await client.calibrate(model, {
      candidates: [2, 1],
      promptTokens: 32,
      generateTokens: 8,
      repeats: 1,
    });
    expect(result.measurements.map((m) => m.threads)).toEqual([1, 2]);
    const fastest = result.measurements.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
    expect(result.bestThreads).toBe(fastest.threads);
    for (const m of result.measurements) {
      expect(m.totalMs).toBeGreaterThan(0);
      expect(m.promptTokensPerSecond).toBeGreaterThan(0);
      expect(m.generationTokensPerSecond).toBeGreaterThan(0);
    }
    expect(result.runtimeVersion).toMatch(/^node-llama-cpp /);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.calibrate(
        model,
        { candidates: [1], promptTokens: 8, generateTokens: 2, repeats: 1 },
        { signal: controller.signal },
      ),
    ).rejects.toThrow(/Cancelled/);
  });
});

describe('the GGUF reader’s type table', () => {
  it('matches the block and type sizes of the llama.cpp build in use', async () => {
    const llama = await getLlama({
      gpu: false,
      build: 'never',
      progressLogs: false,
      skipDownload: true,
    });
    // Internal API of node-llama-cpp, used here only to check Cairn's own table against ggml.
    const bindings = (
      llama as unknown as {
        _bindings: {
          getTypeSizeForGgmlType(type: number): number | undefined;
          getBlockSizeForGgmlType(type: number): number | undefined;
        };
      }
    )._bindings;
    for (const [type, traits] of GGML_TYPES) {
      expect([
        type,
        bindings.getBlockSizeForGgmlType(type),
        bindings.getTypeSizeForGgmlType(type),
      ]).toEqual([type, traits.blockSize, traits.typeSize]);
    }
    await llama.dispose();
  });
});
