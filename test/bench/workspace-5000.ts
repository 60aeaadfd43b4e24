// A generated workspace of 5,000 specs, opened the way the Workspace view opens it: time to
// first listing (workspace.scan / workspace.listSpecs), time to build the search index, and
// search latency p50/p95 over many queries. Each is printed with a baseline measured in the
// same run (a plain recursive readdir; reading every spec; a linear scan of the texts), since
// absolute times on a shared machine are noise. No thresholds.
//   npx tsx test/bench/workspace-5000.ts [specCount]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkspaceIndex } from '../../electron/services/workspace/workspace-index.ts';
import { listSpecFiles } from '../../electron/services/workspace/workspace.ts';
import { lintContextOf, lintDocument } from '../../workflows/lint/lint-document.ts';
import { writeCairnWorkspace } from './generate-workspaces.ts';

const specs = Number(process.argv[2] ?? 5000);
const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-5000-')));

async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}x`;

/** `work`'s value, and the longest time the event loop did not turn while it ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<[T, number]> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const turn = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  const value = await work();
  running = false;
  turn();
  return [value, longest];
}

/** The baseline listing: every Markdown path under the root, no stat, no frontmatter. */
async function plainReaddir(dir = root, out: string[] = []): Promise<string[]> {
  for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await plainReaddir(full, out);
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

/** The baseline search: lines that hold every word of the query, in every text. */
function linearScan(texts: readonly string[], query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let hits = 0;
  for (const text of texts) {
    for (const line of text.toLowerCase().split('\n')) {
      if (words.every((w) => line.includes(w))) hits++;
    }
  }
  return hits;
}

async function main(): Promise<void> {
  // Two files (requirements and tasks) per feature, four requirements each.
  const requirements = writeCairnWorkspace(root, Math.ceil(specs / 2), 4);
  const [listedMs0] = await timed(() => listSpecFiles(root));
  void listedMs0; // Warms the page cache and the JIT for both sides.
  await plainReaddir();

  const rounds = 5;
  const base: number[] = [];
  const listing: number[] = [];
  let listed = 0;
  for (let i = 0; i < rounds; i++) {
    base.push((await timed(() => plainReaddir()))[0]);
    const [t, files] = await timed(() => listSpecFiles(root, { cache: new Map() }));
    listing.push(t);
    listed = files.length;
  }

  const paths = await plainReaddir();
  const [readAllMs, texts] = await timed(async () =>
    Promise.all((await plainReaddir()).map((f) => fs.promises.readFile(f, 'utf8'))),
  );
  const index = new WorkspaceIndex(root);
  const [indexMs, opened] = await timed(() => index.open());

  // Queries as people type them: single words, two words, prefixes, requirement IDs.
  const sample = texts.slice(0, 200).join('\n');
  const words = [...new Set(sample.toLowerCase().match(/[a-z]{4,}/g) ?? [])];
  const ids = [...new Set(sample.match(/REQ-[0-9A-Z]{6}/g) ?? [])];
  const queries: string[] = [];
  for (let i = 0; i < 200; i++) {
    const w = words[(i * 7) % words.length] as string;
    const v = words[(i * 13 + 5) % words.length] as string;
    queries.push(
      [w, `${w} ${v}`, w.slice(0, 3), ids[i % ids.length] ?? w, `feature ${i % 100}`][
        i % 5
      ] as string,
    );
  }
  const searchMs: number[] = [];
  const scanMs: number[] = [];
  let found = 0;
  for (const query of queries) {
    const [t, hits] = await timed(() => index.find(query, { limit: 100 }));
    searchMs.push(t);
    found += hits.length;
    scanMs.push((await timed(() => linearScan(texts, query)))[0]);
  }

  // The live linter: one document against the context of the whole workspace.
  // The core builds it while it answers other requests: the longest stall is what they wait.
  const [[contextMs, context], longestStallMs] = await longestStall(() =>
    timed(async () => lintContextOf(await index.workspace())),
  );
  const file = {
    path: path
      .relative(root, paths[0] as string)
      .split(path.sep)
      .join('/'),
    text: texts[0] as string,
  };
  const lintMs: number[] = [];
  for (let i = 0; i < 20; i++) lintMs.push((await timed(() => lintDocument(context, file)))[0]);

  console.log(
    `workspace of ${listed} specs (${requirements} requirements), node ${process.version}, ${os.cpus().length} CPUs`,
  );
  console.log(`first listing (workspace.scan / listSpecs), median of ${rounds}:`);
  console.log(`  baseline, plain recursive readdir:      ${ms(median(base))}`);
  console.log(
    `  cairn listing (stat + frontmatter):     ${ms(median(listing))}  ratio ${ratio(median(listing), median(base))}`,
  );
  console.log(`search index build (workspace.changes 'ready'):`);
  console.log(`  baseline, read every spec:              ${ms(readAllMs)}`);
  console.log(
    `  cairn index (read + MiniSearch), ${opened.files} files: ${ms(indexMs)}  ratio ${ratio(indexMs, readAllMs)}`,
  );
  console.log(`search latency over ${queries.length} queries (${found} hits returned):`);
  console.log(
    `  baseline, linear scan of the texts:     p50 ${ms(percentile(scanMs, 50))}  p95 ${ms(percentile(scanMs, 95))}`,
  );
  console.log(
    `  cairn workspace.search (MiniSearch):    p50 ${ms(percentile(searchMs, 50))}  p95 ${ms(percentile(searchMs, 95))}  ratio p50 ${ratio(percentile(searchMs, 50), percentile(scanMs, 50))}, p95 ${ratio(percentile(searchMs, 95), percentile(scanMs, 95))}`,
  );
  console.log(
    `live lint of one spec (in the editor's worker): context ${ms(contextMs)} (${(JSON.stringify(context).length / 1e6).toFixed(1)} MB), lint p50 ${ms(median(lintMs))}`,
  );
  console.log(
    `  while the context was built, the longest the core could not answer: ${ms(longestStallMs)} (the longest gap between two turns of the event loop; ${ratio(longestStallMs, contextMs)} of the build)`,
  );
  index.close();
  fs.rmSync(root, { recursive: true, force: true });
}

await main();
