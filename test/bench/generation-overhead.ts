// Cairn's generation path against bare node-llama-cpp, same model, prompt, threads and
// decoding: Cairn's call goes to the inference worker process (zod-validated messages both
// ways, streamed chunks, token accounting); the bare calls run in this process, once with
// LlamaChatSession.prompt (the library's usual entry) and once with LlamaChat.generateResponse
// (the class Cairn's worker uses, so that ratio is the cost of the process and the protocol).
//
// The prompt is a spec document of about `documentTokens` tokens and a question, as in spec
// work: what Cairn does per call that grows with the prompt (sending it, validating it,
// counting its tokens) is in the measurement. Every path keeps its evaluated prompt between
// calls, as Cairn's worker does, so each call decodes `maxTokens` tokens after a reused prefix.
//
// Shared machines are noisy, so the three paths run in a rotated order each round and the
// ratios are taken per round (neighbouring calls see the same load): the median ratio and its
// spread are printed, and the ratio of the best times. Two figures depend little on the load:
// the time Cairn spends outside the library call (wall time minus the worker's own timing of
// generateResponse), and CPU time of both processes.
//   npx tsx test/bench/generation-overhead.ts [rounds] [maxTokens] [documentTokens]
import fs from 'node:fs';
import { getLlama, LlamaChat, LlamaChatSession, LlamaLogLevel } from 'node-llama-cpp';
import { InferenceClient } from '../../native-models/local/inference-client.ts';
import type { ModelSpec } from '../../native-models/local/protocol.ts';
import { BENCH_MODEL, median, ms, quantile, writeBenchModel } from './bench-model.ts';
import { ownCpuMs, processCpuMs } from './process-cpu.ts';

const rounds = Number(process.argv[2] ?? 15);
const maxTokens = Number(process.argv[3] ?? 64);
const documentTokens = Number(process.argv[4] ?? 1500);
const threads = 1;
const contextSize = 4096;

const { file, dir } = writeBenchModel();
const spec: ModelSpec = { path: file, gpu: false, gpuLayers: 0, contextSize, threads };

const llama = await getLlama({
  gpu: false,
  build: 'never',
  skipDownload: true,
  progressLogs: false,
  logLevel: LlamaLogLevel.error,
});
const model = await llama.loadModel({ modelPath: file });

const paragraph =
  'REQ-12: When a reviewer opens a spec change offline, the system shall show each requirement ' +
  'with its acceptance scenarios and queue comments until the network returns. ';
let document = '';
while (model.tokenize(document).length < documentTokens) document += paragraph;
const system = `You review this specification and answer briefly.\n\n${document}`;
const question = 'Which requirement is not testable, and why?';

// The same context settings as Cairn's on the CPU (model-session.ts: flash attention off).
const newSequence = async () =>
  (await model.createContext({ contextSize, threads, flashAttention: false })).getSequence();

interface Run {
  ms: number;
  cpuMs: number;
  text: string;
  /** Cairn only: wall time minus the worker's timing of the library call. */
  outsideMs?: number;
  tokens?: number;
}

const session = new LlamaChatSession({
  contextSequence: await newSequence(),
  systemPrompt: system,
});
const bareSession = async (): Promise<Run> => {
  session.resetChatHistory();
  const cpu = ownCpuMs();
  const started = performance.now();
  const text = await session.prompt(question, { maxTokens, temperature: 0, repeatPenalty: false });
  return { ms: performance.now() - started, cpuMs: ownCpuMs() - cpu, text };
};

const chat = new LlamaChat({ contextSequence: await newSequence() });
const bareChat = async (): Promise<Run> => {
  const cpu = ownCpuMs();
  const started = performance.now();
  const { response } = await chat.generateResponse(
    [
      { type: 'system', text: system },
      { type: 'user', text: question },
      { type: 'model', response: [] },
    ],
    { maxTokens, temperature: 0, repeatPenalty: false },
  );
  return { ms: performance.now() - started, cpuMs: ownCpuMs() - cpu, text: response };
};

const client = new InferenceClient();
const messages = [
  { role: 'system' as const, content: system },
  { role: 'user' as const, content: question },
];
const cairn = async (): Promise<Run> => {
  const workerCpu = processCpuMs(client.workerPid);
  const cpu = ownCpuMs();
  const started = performance.now();
  const result = await client.generate(
    spec,
    { messages, maxTokens, temperature: 0 },
    { onChunk: () => {} },
  );
  const wall = performance.now() - started;
  const workerCpuAfter = processCpuMs(client.workerPid);
  const worker = workerCpu === null || workerCpuAfter === null ? NaN : workerCpuAfter - workerCpu;
  return {
    ms: wall,
    cpuMs: ownCpuMs() - cpu + worker,
    text: result.text,
    outsideMs: wall - result.timings.totalMs,
    tokens: result.tokens.output,
  };
};

// Warm every path: model load, the worker's start, and the document's first evaluation.
const paths = { session: bareSession, chat: bareChat, cairn } as const;
type PathName = keyof typeof paths;
const names = Object.keys(paths) as PathName[];
for (const name of names) await paths[name]();

const runs: Record<PathName, Run[]> = { session: [], chat: [], cairn: [] };
for (let round = 0; round < rounds; round++) {
  const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
  for (const name of order) runs[name].push(await paths[name]());
}
client.close();
await model.dispose();
await llama.dispose();
fs.rmSync(dir, { recursive: true, force: true });

const wall = (name: PathName) => runs[name].map((r) => r.ms);
const perRound = (bare: PathName) => runs.cairn.map((c, i) => c.ms / runs[bare][i]!.ms);
const x = (value: number) => `${value.toFixed(3)}x`;
const spread = (values: number[]) =>
  `median ${x(median(values))} (middle half ${x(quantile(values, 0.25))}–${x(quantile(values, 0.75))}, ` +
  `all ${x(Math.min(...values))}–${x(Math.max(...values))})`;
const cpuTotal = (name: PathName) => runs[name].reduce((sum, r) => sum + r.cpuMs, 0);
const outside = median(runs.cairn.map((r) => r.outsideMs!));
const sameText = names.every((name) => runs[name].every((r) => r.text === runs.cairn[0]!.text));

console.log(
  `generation: ${runs.cairn[0]!.tokens} output tokens, greedy, ${threads} thread, model ${BENCH_MODEL.name} (F32), ` +
    `prompt of a ${documentTokens}-token document (prefix reused on every path), ${rounds} rounds in rotated order`,
);
console.log(`  same output text on all paths: ${sameText ? 'yes' : 'no'}`);
console.log(
  `  median wall time, bare LlamaChatSession.prompt, in process:    ${ms(median(wall('session')))}`,
);
console.log(
  `  median wall time, bare LlamaChat.generateResponse, in process: ${ms(median(wall('chat')))}`,
);
console.log(
  `  median wall time, cairn (worker, protocol, streaming, counts):  ${ms(median(wall('cairn')))}`,
);
console.log(`  ratio cairn / bare LlamaChat per round:        ${spread(perRound('chat'))}`);
console.log(`  ratio cairn / bare LlamaChatSession per round: ${spread(perRound('session'))}`);
const best = (name: PathName) => Math.min(...wall(name));
console.log(
  `  ratio of the best times (least disturbed by other load): cairn / bare LlamaChat ${x(best('cairn') / best('chat'))}, ` +
    `cairn / bare LlamaChatSession ${x(best('cairn') / best('session'))}`,
);
console.log(
  `  cairn outside the library call (process, protocol, validation, counting): median ${ms(outside)}, ` +
    `${((outside / median(wall('chat'))) * 100).toFixed(1)}% of bare LlamaChat`,
);
const cpuRatio = cpuTotal('cairn') / cpuTotal('chat');
console.log(
  Number.isNaN(cpuRatio)
    ? '  CPU time: not measured (needs /proc for the worker)'
    : `  CPU time over all rounds, cairn (both processes) / bare LlamaChat: ${x(cpuRatio)}`,
);
