// Will this model run here? An estimate from the file size, the KV cache for the context Cairn
// will use, and a margin for compute buffers, against this machine's free VRAM and RAM. It is
// shown before a download so that nobody fetches 5 GB that cannot run.
import type { HardwareReport } from '../hardware/hardware-report.ts';

export type FitVerdict = 'gpu' | 'partial-gpu' | 'cpu' | 'tight' | 'too-large';

export interface FitEstimate {
  verdict: FitVerdict;
  /** Weights + KV cache + compute buffers, bytes. */
  requiredBytes: number;
  kvCacheBytes: number;
  contextSize: number;
  message: string;
}

export interface FitInput {
  modelBytes: number;
  /** KV cache per token of context (F16); null when unknown, then a per-size guess is used. */
  kvBytesPerToken: number | null;
  contextSize: number;
}

/** Compute buffers and runtime overhead: llama.cpp's scratch space grows with the model. */
function overheadBytes(modelBytes: number): number {
  return 300 * 1024 * 1024 + modelBytes * 0.05;
}

function gb(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

export function estimateFit(input: FitInput, hardware: HardwareReport): FitEstimate {
  // Without the numbers, assume a KV cache of 5% of the weights per 4k tokens (typical of
  // 1–8B models with grouped-query attention).
  const kvCacheBytes =
    input.kvBytesPerToken !== null
      ? input.kvBytesPerToken * input.contextSize
      : input.modelBytes * 0.05 * (input.contextSize / 4096);
  const requiredBytes = input.modelBytes + kvCacheBytes + overheadBytes(input.modelBytes);
  const need = `needs about ${gb(requiredBytes)} (${gb(input.modelBytes)} of weights, ${gb(kvCacheBytes)} of context for ${input.contextSize} tokens)`;
  const base = { requiredBytes, kvCacheBytes, contextSize: input.contextSize };
  const { gpu, memory } = hardware;
  if (gpu.backend && gpu.vramFreeBytes >= requiredBytes) {
    return {
      ...base,
      verdict: 'gpu',
      message: `Fits on the GPU (${gpu.backend}, ${gb(gpu.vramFreeBytes)} free): ${need}.`,
    };
  }
  if (
    gpu.backend &&
    gpu.vramFreeBytes > 0 &&
    gpu.vramFreeBytes + memory.freeBytes >= requiredBytes
  ) {
    return {
      ...base,
      verdict: 'partial-gpu',
      message: `Runs with part of the layers on the GPU (${gb(gpu.vramFreeBytes)} VRAM free) and the rest on the CPU: ${need}. Expect it to be slower than a full GPU fit.`,
    };
  }
  if (memory.freeBytes >= requiredBytes) {
    return {
      ...base,
      verdict: 'cpu',
      message: `Runs on the CPU from RAM (${gb(memory.freeBytes)} free${gpu.backend ? '' : ', no GPU found'}): ${need}.`,
    };
  }
  if (memory.totalBytes >= requiredBytes) {
    return {
      ...base,
      verdict: 'tight',
      message: `Only ${gb(memory.freeBytes)} of ${gb(memory.totalBytes)} RAM is free and this model ${need}. Close other programs before running it, or choose a smaller model.`,
    };
  }
  return {
    ...base,
    verdict: 'too-large',
    message: `Too large for this machine: it ${need}, but there is ${gb(memory.totalBytes)} of RAM${gpu.backend ? ` and ${gb(gpu.vramTotalBytes)} of VRAM` : ''}. Choose a smaller model or quantization.`,
  };
}
