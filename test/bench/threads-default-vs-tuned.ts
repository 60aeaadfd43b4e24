// node-llama-cpp's default thread count against the count Cairn's calibration picks on this
// machine, same model, prompt and decoding, both in this process with the CPU backend; only
// the thread setting differs. Prints the ratio of the medians.
//   npx tsx test/bench/threads-default-vs-tuned.ts [rounds] [maxTokens]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getLlama, LlamaCompletion, LlamaLogLevel, type LlamaModel } from 'node-llama-cpp';
import { cpuCores } from '../../native-models/hardware/cpu-cores.ts';
import { calibrateThreads } from '../../native-models/hardware/thread-calibration.ts';
import { threadCandidates } from '../../native-models/hardware/thread-candidates.ts';
import { writeTinyGguf } from '../support/tiny-gguf.ts';
import { median, ms } from './bench-model.ts';

const rounds = Number(process.argv[2] ?? 3);
const maxTokens = Number(process.argv[3] ?? 32);
const prompt = 'When the reviewer opens a spec change offline, the system shall';

// The tiny test model, as in REFERENCE.md's measurement: the effect is per token, not per size.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-threads-'));
const file = writeTinyGguf({}, dir);

async function generate(model: LlamaModel, threads: number | undefined) {
  const context = await model.createContext({
    contextSize: 512,
    ...(threads === undefined ? {} : { threads }),
  });
  try {
    const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
    const started = performance.now();
    await completion.generateCompletion(prompt, { maxTokens, temperature: 0 });
    return {
      ms: performance.now() - started,
      used: context.currentThreads || context.idealThreads,
    };
  } finally {
    await context.dispose();
  }
}

// The library's defaults: no maxThreads, no context threads.
const defaultLlama = await getLlama({
  gpu: false,
  build: 'never',
  skipDownload: true,
  progressLogs: false,
  logLevel: LlamaLogLevel.error,
});
const defaultModel = await defaultLlama.loadModel({ modelPath: file });
// Cairn's runtime settings (maxThreads 0: the context's count is used as given) and calibration.
const tunedLlama = await getLlama({
  gpu: false,
  build: 'never',
  skipDownload: true,
  progressLogs: false,
  logLevel: LlamaLogLevel.error,
  maxThreads: 0,
});
const tunedModel = await tunedLlama.loadModel({ modelPath: file });
const calibration = await calibrateThreads(
  tunedModel,
  { candidates: threadCandidates(cpuCores()), promptTokens: 64, generateTokens: 16, repeats: 1 },
  'bench',
);

await generate(tunedModel, calibration.bestThreads); // warm-up
const defaults: number[] = [];
const tuned: number[] = [];
let defaultThreads = 0;
for (let i = 0; i < rounds; i++) {
  const d = await generate(defaultModel, undefined);
  defaultThreads = d.used;
  defaults.push(d.ms);
  tuned.push((await generate(tunedModel, calibration.bestThreads)).ms);
}
fs.rmSync(dir, { recursive: true, force: true });

const d = median(defaults);
const t = median(tuned);
const cores = cpuCores();
console.log(
  `threads: ${maxTokens} tokens of the tiny model, greedy, CPU, ${cores.physicalCores} physical / ${cores.logicalCores} logical cores, median of ${rounds} rounds`,
);
console.log(
  `  calibration measured: ${calibration.measurements.map((m) => `${m.threads} threads ${ms(m.totalMs)}`).join(', ')}`,
);
console.log(`  library default (${defaultThreads} threads): ${ms(d)}`);
console.log(`  cairn calibrated (${calibration.bestThreads} threads): ${ms(t)}`);
console.log(`  ratio default / tuned: ${(d / t).toFixed(1)}x`);
await defaultModel.dispose();
await tunedModel.dispose();
