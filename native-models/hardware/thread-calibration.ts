// Thread calibration: measures a model on this machine with several thread counts and keeps
// the fastest. node-llama-cpp's default (max(cores, 4) threads on a CPU) was measured at ~16 s
// for 64 tokens of a tiny model on a 2-core machine against ~0.04 s with one thread, so Cairn
// never relies on it: every context gets a thread count that was measured here.
import type { LlamaModel, Token } from 'node-llama-cpp';
import { flashAttentionFor } from '../local/model-session.ts';
import type { CalibrateParams, CalibrationResult, ThreadMeasurement } from '../local/protocol.ts';

/** A candidate slower than this many times the best so far is not measured further. */
const GIVE_UP_FACTOR = 4;

const SAMPLE_TEXT =
  'When the reviewer opens a spec change offline, the system shall show each requirement ' +
  'with its acceptance scenarios, and it shall queue comments until the network returns. ';

function workloadTokens(model: LlamaModel, count: number): Token[] {
  let tokens = model.tokenize(SAMPLE_TEXT);
  if (tokens.length === 0) throw new Error('The model tokenizes the sample text to nothing');
  while (tokens.length < count) tokens = tokens.concat(tokens);
  return tokens.slice(0, count);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function measureOnce(
  model: LlamaModel,
  threads: number,
  prompt: Token[],
  generateTokens: number,
  deadline: number,
): Promise<{ promptMs: number; generationMs: number; generated: number }> {
  // The same context settings as generation (model-session.ts), so the numbers carry over.
  const context = await model.createContext({
    contextSize: prompt.length + generateTokens + 32,
    threads,
    sequences: 1,
    flashAttention: flashAttentionFor(model.llama),
  });
  try {
    const sequence = context.getSequence();
    const promptStarted = performance.now();
    await sequence.evaluateWithoutGeneratingNewTokens(prompt.slice(0, -1));
    const promptMs = performance.now() - promptStarted;
    const generationStarted = performance.now();
    let generated = 0;
    for await (const _token of sequence.evaluate(prompt.slice(-1), { temperature: 0 })) {
      generated++;
      if (generated >= generateTokens || performance.now() > deadline) break;
    }
    return { promptMs, generationMs: performance.now() - generationStarted, generated };
  } finally {
    await context.dispose();
  }
}

export async function calibrateThreads(
  model: LlamaModel,
  params: CalibrateParams,
  runtimeVersion: string,
  signal?: AbortSignal,
): Promise<CalibrationResult> {
  const prompt = workloadTokens(model, params.promptTokens);
  const measurements: ThreadMeasurement[] = [];
  let bestMs = Infinity;
  for (const threads of [...new Set(params.candidates)].sort((a, b) => a - b)) {
    signal?.throwIfAborted();
    const runs: { promptMs: number; generationMs: number; generated: number; totalMs: number }[] =
      [];
    for (let r = 0; r < params.repeats; r++) {
      const started = performance.now();
      const deadline = started + (Number.isFinite(bestMs) ? bestMs * GIVE_UP_FACTOR : 10 * 60_000);
      const run = await measureOnce(model, threads, prompt, params.generateTokens, deadline);
      // A run cut short at the deadline is scaled up to the whole workload, so that it compares.
      const scale = run.generated > 0 ? params.generateTokens / run.generated : 1;
      runs.push({ ...run, totalMs: run.promptMs + run.generationMs * scale });
      if (performance.now() > deadline) break;
    }
    const totalMs = median(runs.map((r) => r.totalMs));
    const promptMs = median(runs.map((r) => r.promptMs));
    const generation = median(
      runs.map((r) => (r.generated > 0 ? r.generationMs / r.generated : Infinity)),
    );
    measurements.push({
      threads,
      promptTokensPerSecond: promptMs > 0 ? ((prompt.length - 1) * 1000) / promptMs : 0,
      generationTokensPerSecond:
        Number.isFinite(generation) && generation > 0 ? 1000 / generation : 0,
      totalMs,
    });
    bestMs = Math.min(bestMs, totalMs);
  }
  const best = measurements.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
  return { bestThreads: best.threads, measurements, runtimeVersion };
}
