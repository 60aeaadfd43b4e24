// Cairn's generation path against bare node-llama-cpp, same model, prompt, threads and
// decoding: Cairn's call goes to the inference worker process (zod-validated messages both
// ways, streamed chunks, token accounting); the bare calls run in this process, once with
// LlamaChatSession.prompt (the library's usual entry) and once with LlamaChat.generateResponse
// (the class Cairn's worker uses, so that ratio is the cost of the process and the protocol).
// Prints the ratios of the medians; absolute times on shared machines are noise.
//   npx tsx test/bench/generation-overhead.ts [rounds] [maxTokens]
import fs from 'node:fs';
import { getLlama, LlamaChat, LlamaChatSession, LlamaLogLevel } from 'node-llama-cpp';
import { InferenceClient } from '../../native-models/local/inference-client.ts';
import type { ModelSpec } from '../../native-models/local/protocol.ts';
import { median, ms, writeBenchModel } from './bench-model.ts';

const rounds = Number(process.argv[2] ?? 11);
const maxTokens = Number(process.argv[3] ?? 64);
const threads = 1;
const system = 'You review software requirements and answer briefly.';
const question = 'When the reviewer is offline, the system shall queue comments. Is this testable?';

const { file, dir } = writeBenchModel();
const spec: ModelSpec = { path: file, gpu: false, gpuLayers: 0, contextSize: 2048, threads };

// Bare node-llama-cpp in this process.
const llama = await getLlama({
  gpu: false,
  build: 'never',
  skipDownload: true,
  progressLogs: false,
  logLevel: LlamaLogLevel.error,
});
const model = await llama.loadModel({ modelPath: file });
// The same context settings as Cairn's on the CPU (model-session.ts: flash attention off).
const context = await model.createContext({ contextSize: 2048, threads, flashAttention: false });
const session = new LlamaChatSession({
  contextSequence: context.getSequence(),
  systemPrompt: system,
});
const bare = async () => {
  session.resetChatHistory();
  const started = performance.now();
  const text = await session.prompt(question, { maxTokens, temperature: 0, repeatPenalty: false });
  return { ms: performance.now() - started, text };
};

const chatContext = await model.createContext({
  contextSize: 2048,
  threads,
  flashAttention: false,
});
const chat = new LlamaChat({ contextSequence: chatContext.getSequence() });
const bareChat = async () => {
  const started = performance.now();
  const { response } = await chat.generateResponse(
    [
      { type: 'system', text: system },
      { type: 'user', text: question },
      { type: 'model', response: [] },
    ],
    { maxTokens, temperature: 0, repeatPenalty: false },
  );
  return { ms: performance.now() - started, text: response };
};

// Cairn: the worker process, through the typed protocol.
const client = new InferenceClient();
const messages = [
  { role: 'system' as const, content: system },
  { role: 'user' as const, content: question },
];
const cairn = async () => {
  const started = performance.now();
  let chunks = 0;
  const result = await client.generate(
    spec,
    { messages, maxTokens, temperature: 0 },
    { onChunk: () => chunks++ },
  );
  return {
    ms: performance.now() - started,
    text: result.text,
    tokens: result.tokens.output,
    chunks,
  };
};

// Warm both (model load, first context state), then alternate rounds to spread the noise.
await bare();
await bareChat();
await cairn();
const bareMs: number[] = [];
const chatMs: number[] = [];
const cairnMs: number[] = [];
let sameText = true;
let tokens = 0;
for (let i = 0; i < rounds; i++) {
  const b = await bare();
  const h = await bareChat();
  const c = await cairn();
  bareMs.push(b.ms);
  chatMs.push(h.ms);
  cairnMs.push(c.ms);
  tokens = c.tokens;
  sameText &&= b.text === c.text && h.text === c.text;
}
client.close();
await context.dispose();
await chatContext.dispose();
await model.dispose();
await llama.dispose();
fs.rmSync(dir, { recursive: true, force: true });

const b = median(bareMs);
const h = median(chatMs);
const c = median(cairnMs);
console.log(
  `generation: ${tokens} tokens, greedy, ${threads} thread, model cairn-bench-256x4 (F32), median of ${rounds} rounds`,
);
console.log(`  same output text on all paths: ${sameText ? 'yes' : 'no'}`);
console.log(`  bare LlamaChatSession.prompt, in process:                  ${ms(b)}`);
console.log(`  bare LlamaChat.generateResponse, in process:              ${ms(h)}`);
console.log(`  cairn (inference worker, protocol, streaming, accounting): ${ms(c)}`);
console.log(`  ratio cairn / bare LlamaChatSession: ${(c / b).toFixed(2)}x`);
console.log(`  ratio cairn / bare LlamaChat:        ${(c / h).toFixed(2)}x`);
