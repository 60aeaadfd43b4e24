import { describe, expect, it } from 'vitest';
import type { HardwareReport } from '../../../native-models/hardware/hardware-report.ts';
import { machineKey } from '../../../native-models/hardware/hardware-report.ts';
import { CATALOG, NO_PUBLISHED_HASH } from '../../../native-models/registry/catalog.ts';
import { estimateFit } from '../../../native-models/registry/fit-estimate.ts';

const GB = 1024 ** 3;

function machine(
  ramFree: number,
  ramTotal: number,
  vramFree = 0,
  backend: 'cuda' | null = null,
): HardwareReport {
  return {
    platform: 'linux',
    arch: 'x64',
    cpu: { model: 'Test CPU', logicalCores: 8, physicalCores: 4, mathCores: 4 },
    memory: { totalBytes: ramTotal * GB, freeBytes: ramFree * GB },
    gpu: {
      backend,
      devices: backend ? ['Test GPU'] : [],
      vramTotalBytes: vramFree * GB,
      vramFreeBytes: vramFree * GB,
    },
    runtime: { nodeLlamaCpp: '3.x', llamaCppRelease: 'b1', binary: 'prebuilt' },
    problems: [],
    probedAt: '2025-01-01T00:00:00.000Z',
  };
}

const model = { modelBytes: 2 * GB, kvBytesPerToken: 114_688, contextSize: 8192 }; // ~0.9 GB of KV

describe('estimateFit', () => {
  it('counts weights, KV cache for the context and compute buffers', () => {
    const fit = estimateFit(model, machine(32, 32));
    expect(fit.kvCacheBytes).toBe(114_688 * 8192);
    expect(fit.requiredBytes).toBeGreaterThan(2 * GB + 114_688 * 8192);
    expect(fit.requiredBytes).toBeLessThan(4 * GB);
  });

  it('gives a verdict for each kind of machine', () => {
    expect(estimateFit(model, machine(16, 32, 12, 'cuda')).verdict).toBe('gpu');
    expect(estimateFit(model, machine(16, 32, 2, 'cuda')).verdict).toBe('partial-gpu');
    expect(estimateFit(model, machine(16, 32)).verdict).toBe('cpu');
    const tight = estimateFit(model, machine(1, 8));
    expect(tight.verdict).toBe('tight');
    expect(tight.message).toMatch(/Close other programs/);
    const tooLarge = estimateFit(model, machine(1, 2));
    expect(tooLarge.verdict).toBe('too-large');
    expect(tooLarge.message).toMatch(/Choose a smaller model/);
  });

  it('guesses a KV cache when the architecture numbers are unknown', () => {
    const fit = estimateFit(
      { ...model, kvBytesPerToken: null, contextSize: 4096 },
      machine(16, 32),
    );
    expect(fit.kvCacheBytes).toBeCloseTo(2 * GB * 0.05);
  });
});

describe('CATALOG', () => {
  it('has unique ids and HTTPS Hugging Face URLs', () => {
    expect(new Set(CATALOG.map((e) => e.id)).size).toBe(CATALOG.length);
    for (const entry of CATALOG) {
      expect(entry.url).toMatch(/^https:\/\/huggingface\.co\/[^/]+\/[^/]+\/resolve\//);
      expect(entry.url.endsWith(`/${entry.fileName}`)).toBe(true);
      expect(entry.fileName).toMatch(/\.gguf$/);
      expect(entry.kv.blockCount * entry.kv.headCountKv * entry.kv.headDim).toBeGreaterThan(0);
    }
  });

  it('gives a hash only with its source and a pinned revision; otherwise says it pins on first download', () => {
    for (const entry of CATALOG) {
      if (entry.sha256 === null) {
        expect(entry.hashSource).toBe(NO_PUBLISHED_HASH);
      } else {
        expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(entry.sizeIsExact).toBe(true);
        // A hash is only true for one revision of the file.
        expect(entry.url).toMatch(/\/resolve\/[0-9a-f]{40}\//);
        expect(entry.hashSource).toMatch(/revision [0-9a-f]{8}/);
        expect(entry.url).toContain(entry.hashSource.slice(-8));
      }
    }
    expect(CATALOG.some((e) => e.sha256 === null)).toBe(true);
  });
});

describe('machineKey', () => {
  it('separates machines by CPU, cores and GPU backend', () => {
    expect(machineKey(machine(1, 2))).toBe('linux-x64|Test CPU|8cpu|cpu');
    expect(machineKey(machine(1, 2, 8, 'cuda'))).toBe('linux-x64|Test CPU|8cpu|cuda');
  });
});
