// Replay look-up latency with many recorded calls: inserts N envelopes (default 100,000; in
// transactions of 1,000) into a fresh app database, then times look-ups through RecordStore by
// id, by id prefix and by cache key (each includes reading the JSON and validating it with
// zod), and prints p50/p95 against baselines measured in the same run: a primary-key read in
// a 1-row table, and the same id read from model_calls without parsing. Then the Records
// view's filter lists (RecordQuery.facets) against the same pass and model lists read from
// the table itself (NOT INDEXED, as before the indexes of migration 8). No thresholds.
//   npx tsx test/bench/replay-lookup.ts [envelopes] [lookups]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RecordQuery } from '../../electron/services/records/record-query.ts';
import { RecordStore } from '../../electron/services/records/record-store.ts';
import { openDatabase } from '../../electron/services/store/database.ts';
import { hashJson, sha256Hex } from '../../workflows/records/canonical-json.ts';
import type { Envelope } from '../../workflows/records/envelope.ts';
import { sampleEnvelope } from '../support/envelopes.ts';

const COUNT = Number(process.argv[2] ?? 100_000);
const LOOKUPS = Number(process.argv[3] ?? 5_000);
const BATCH = 1_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-replay-'));

/** A seeded generator (mulberry32), so every run inserts and looks up the same records. */
let seed = 7;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
/** Random-looking ids like the engine's UUIDs. */
const idOf = (i: number) => {
  const h = sha256Hex(`call-${i}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};
const DISTINCT_REQUESTS = Math.ceil(COUNT * 0.8);

const template = sampleEnvelope({ id: 'template' });
function envelope(i: number, id: string): Envelope {
  const run = Math.floor(i / 20);
  const content = `${template.messages[1]!.content} (variant ${i % DISTINCT_REQUESTS})`;
  const messages = [template.messages[0]!, { role: 'user' as const, content }];
  return {
    ...template,
    id,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    runId: `run-${run}`,
    passId: ['specify', 'clarify', 'plan', 'tasks'][i % 4]!,
    workItemId: `feat-${run % 300}`,
    messages,
    // A fifth of the calls repeat an earlier request (cache hits are the point of the key).
    cacheKey: hashJson({ messages, params: template.params, model: template.model.sha256 }),
  };
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

function time<T>(inputs: T[], run: (input: T) => unknown): number[] {
  for (const input of inputs.slice(0, 200)) run(input); // warm up statements and caches
  return inputs.map((input) => {
    const start = process.hrtime.bigint();
    const result = run(input);
    const ns = Number(process.hrtime.bigint() - start);
    if (result === null || result === undefined) throw new Error(`no result for ${String(input)}`);
    return ns / 1000;
  });
}

const db = openDatabase(dataDir);
const store = new RecordStore(db);
const ids: string[] = [];
const keys: string[] = [];
const insertStart = performance.now();
for (let start = 0; start < COUNT; start += BATCH) {
  db.transaction(() => {
    for (let i = start; i < Math.min(COUNT, start + BATCH); i++) {
      const e = envelope(i, idOf(i));
      store.save(e);
      ids.push(e.id);
      keys.push(e.cacheKey);
    }
  })();
}
const insertMs = performance.now() - insertStart;
const fileBytes = fs.statSync(path.join(dataDir, 'cairn.db')).size;

db.exec('CREATE TABLE baseline (id TEXT PRIMARY KEY, v TEXT NOT NULL) STRICT');
db.prepare('INSERT INTO baseline VALUES (?, ?)').run('only', 'x');
const oneRow = db.prepare('SELECT v FROM baseline WHERE id = ?');
const rawRow = db.prepare('SELECT envelope FROM model_calls WHERE id = ?');

const pick = <T>(list: T[]) =>
  Array.from({ length: LOOKUPS }, () => list[Math.floor(random() * list.length)]!);
const sampleIds = pick(ids);
const sampleKeys = pick(keys);

const rows: [string, number[]][] = [
  ['baseline: primary key, 1-row table', time(sampleIds, () => oneRow.get('only'))],
  ['baseline: raw row by id, no parsing', time(sampleIds, (id) => rawRow.get(id))],
  ['replay: get(id)', time(sampleIds, (id) => store.get(id))],
  ['replay: get(12-character prefix)', time(sampleIds, (id) => store.get(id.slice(0, 12)))],
  ['cache: findByCacheKey(key)', time(sampleKeys, (key) => store.findByCacheKey(key))],
];
const base = percentiles(rows[0]![1]).p50;

console.log(
  `${COUNT.toLocaleString('en')} envelopes inserted in ${(insertMs / 1000).toFixed(1)} s ` +
    `(${Math.round(COUNT / (insertMs / 1000)).toLocaleString('en')}/s, batches of ${BATCH}); ` +
    `database ${(fileBytes / 1024 ** 2).toFixed(0)} MB; ${LOOKUPS.toLocaleString('en')} look-ups each`,
);
console.log('look-up                                   p50 µs    p95 µs   p50 vs 1-row baseline');
for (const [name, samples] of rows) {
  const { p50, p95 } = percentiles(samples);
  console.log(
    `${name.padEnd(40)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(9)}   ${(p50 / base).toFixed(1).padStart(6)}x`,
  );
}

const median = (samples: number[]) => percentiles(samples).p50;
const facetRuns = 15;
const query = new RecordQuery(db);
const tableLists = [
  db.prepare('SELECT DISTINCT pass_id FROM model_calls NOT INDEXED WHERE pass_id IS NOT NULL'),
  db.prepare('SELECT DISTINCT model, tier FROM model_calls NOT INDEXED ORDER BY tier, model'),
];
const repeat = (run: () => unknown) =>
  Array.from({ length: facetRuns }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
const facetsMs = median(repeat(() => query.facets()));
const tableMs = median(repeat(() => tableLists.map((s) => s.all())));
console.log(
  `Records filter lists (runs, passes, models), median of ${facetRuns}: facets() ${facetsMs.toFixed(1)} ms; ` +
    `passes and models read from the table ${tableMs.toFixed(1)} ms (${(tableMs / facetsMs).toFixed(1)}x facets())`,
);
db.close();
fs.rmSync(dataDir, { recursive: true, force: true });
