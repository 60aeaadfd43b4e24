// Time to first token of a second pass over the same ~4,000-token document against the first
// pass, through Cairn's generation path (the inference worker keeps the evaluated prefix).
// Each round uses a new document, so a first pass never finds it already evaluated.
//   npx tsx test/bench/prefix-reuse-ttft.ts [rounds] [documentTokens]
import fs from 'node:fs';
import { InferenceClient } from '../../native-models/local/inference-client.ts';
import type { ModelSpec } from '../../native-models/local/protocol.ts';
import { median, ms, writeBenchModel } from './bench-model.ts';

const rounds = Number(process.argv[2] ?? 3);
const documentTokens = Number(process.argv[3] ?? 4000);
const { file, dir } = writeBenchModel();
const spec: ModelSpec = { path: file, gpu: false, gpuLayers: 0, contextSize: 8192, threads: 1 };
const client = new InferenceClient();

const paragraph =
  'REQ-12: When a reviewer opens a spec change offline, the system shall show each requirement ' +
  'with its acceptance scenarios and queue comments until the network returns. ';

async function documentFor(round: number): Promise<{ text: string; tokens: number }> {
  let text = `Review round ${round}.\n`;
  while ((await client.countTokens(spec, text)) < documentTokens) text += paragraph;
  return { text, tokens: await client.countTokens(spec, text) };
}

const ask = (document: string, question: string) => [
  { role: 'system' as const, content: `You review this specification:\n${document}` },
  { role: 'user' as const, content: question },
];

await client.generate(spec, { messages: [{ role: 'user', content: 'warm up' }], maxTokens: 2 });
const first: number[] = [];
const second: number[] = [];
let reused = 0;
let promptTokens = 0;
let docTokens = 0;
for (let round = 0; round < rounds; round++) {
  const document = await documentFor(round);
  docTokens = document.tokens;
  const a = await client.generate(spec, {
    messages: ask(document.text, 'Which requirement is untestable?'),
    maxTokens: 8,
  });
  const b = await client.generate(spec, {
    messages: ask(document.text, 'List the ambiguous words.'),
    maxTokens: 8,
  });
  first.push(a.timings.timeToFirstTokenMs!);
  second.push(b.timings.timeToFirstTokenMs!);
  reused = b.tokens.reusedPrefix;
  promptTokens = b.tokens.prompt;
}
client.close();
fs.rmSync(dir, { recursive: true, force: true });

const f = median(first);
const s = median(second);
console.log(
  `prefix reuse: document of ${docTokens} tokens, model cairn-bench-256x4 (F32), 1 thread, median of ${rounds} rounds`,
);
console.log(`  second pass reused ${reused} of ${promptTokens} prompt tokens`);
console.log(`  first pass, time to first token:  ${ms(f)}`);
console.log(`  second pass, time to first token: ${ms(s)}`);
console.log(`  ratio first / second: ${(f / s).toFixed(1)}x`);
