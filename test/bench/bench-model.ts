// Shared by the model benches: a generated llama model larger than the test one, so that its
// timings are well above the noise, a median and quantiles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeTinyGguf, type TinyModelOptions } from '../support/tiny-gguf.ts';

export const BENCH_MODEL: TinyModelOptions = {
  embeddingLength: 256,
  blockCount: 4,
  headCount: 8,
  headCountKv: 4,
  feedForwardLength: 768,
  contextLength: 8192,
  name: 'cairn-bench-256x4',
};

export function writeBenchModel(options: TinyModelOptions = BENCH_MODEL): {
  file: string;
  dir: string;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-model-'));
  return { file: writeTinyGguf(options, dir), dir };
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile (0..1) with linear interpolation between the two nearest values. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
