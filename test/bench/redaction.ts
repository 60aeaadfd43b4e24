// Redaction speed on about 1 MB of generated spec Markdown with seeded secrets (the corpus of
// the redaction tests, repeated): MB/s and the time per MB for redactMessages and for
// safeRedact (which re-checks its output), against one pass of a single simple regex over the
// same text in the same run (a baseline, not a target).
//   npx tsx test/bench/redaction.ts [megabytes]
import { redactMessages, safeRedact } from '../../native-models/routing/redaction/index.ts';
import { buildCorpus } from '../fixtures/redaction/corpus.ts';
import { median } from './bench-model.ts';

const MB = Number(process.argv[2] ?? 1);
const ROUNDS = 15;

const docs = buildCorpus().map((d) => d.text);
const filler =
  docs.join('\n\n') + '\n\n' + 'Plain prose about requirements, scenarios and tasks. '.repeat(400);
let text = '';
while (text.length < MB * 1024 * 1024) text += filler;
text = text.slice(0, MB * 1024 * 1024);
const messages = [{ role: 'user' as const, content: text }];

/** Median and fastest of ROUNDS runs (the fastest is the least disturbed by other load). */
function time(fn: () => unknown): { median: number; min: number } {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return { median: median(times), min: Math.min(...times) };
}

const baseline = time(() => text.replace(/AKIA[0-9A-Z]{16}/g, '[[REDACTED]]'));
const redact = time(() => redactMessages(messages));
const safe = time(() => {
  const r = safeRedact(messages);
  if (!r.ok) throw r.error;
});
const findings = redactMessages(messages).findings.length;

const row = (name: string, t: { median: number; min: number }) =>
  `${name.padEnd(32)} median ${t.median.toFixed(1).padStart(6)} ms (min ${t.min.toFixed(1).padStart(5)})  ${(MB / (t.median / 1000)).toFixed(1).padStart(7)} MB/s  ${(t.median / baseline.median).toFixed(0).padStart(4)}× baseline`;
console.log(
  `Text: ${(text.length / 1024 / 1024).toFixed(2)} Mi chars, ${findings} findings; ${ROUNDS} rounds`,
);
console.log(row('baseline (one regex, replace)', baseline));
console.log(row('redactMessages', redact));
console.log(row('safeRedact (redact + re-check)', safe));
