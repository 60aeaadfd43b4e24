// Engine overhead per deterministic pass on the sample workspace: the spec-review workflow's
// deterministic passes (lint, analyze, ambiguity, coverage) run through WorkflowEngine with the
// real SQLite stores (RunStore, RecordStore) and FolderRepo, against a baseline measured in the
// same process: the same pass implementations called directly, reading the workspace once and
// parsing it before each pass, as the engine does. Rounds alternate which goes first. Prints
// per-pass medians, the overhead per pass in ms and the ratio; no thresholds.
//   npx tsx test/bench/engine-overhead.ts [rounds]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { RecordStore } from '../../electron/services/records/record-store.ts';
import { readWorkspaceFiles } from '../../electron/services/specs/read-workspace-files.ts';
import { openDatabase } from '../../electron/services/store/database.ts';
import { FolderRepo } from '../../electron/services/workflows/folder-repo.ts';
import { RunStore } from '../../electron/services/workflows/run-store.ts';
import { WorkflowSchema, type WorkflowDefinition } from '../../workflows/engine/definition.ts';
import { WorkflowEngine, type RunEvent } from '../../workflows/engine/engine.ts';
import type { PassContext, PassImplementation } from '../../workflows/engine/pass.ts';
import { resolveInputs } from '../../workflows/engine/resolve-inputs.ts';
import { PASSES } from '../../workflows/passes/index.ts';
import { parseWorkspace } from '../../workflows/specs/parse-workspace.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = path.join(REPO, 'resources/sample-workspace');
const WARMUP = 5;
const ROUNDS = Number(process.argv[2] ?? 30);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-engine-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(SAMPLE, workspace, { recursive: true });

// The deterministic passes of the built-in spec-review workflow, as it declares them.
const specReview = WorkflowSchema.parse(
  parse(fs.readFileSync(path.join(REPO, 'workflows/builtin/spec-review.yaml'), 'utf8')),
);
const deterministic = new Set(['lint', 'analyze', 'ambiguity', 'coverage']);
const workflow: WorkflowDefinition = {
  ...specReview,
  id: 'bench-deterministic',
  passes: specReview.passes.filter((p) => deterministic.has(p.uses)),
};
const impls = new Map<string, PassImplementation>(PASSES.map((p) => [p.name, p]));
const passIds = workflow.passes.map((p) => p.id);

const db = openDatabase(path.join(tmp, 'data'));
const store = new RunStore(db);
const repo = new FolderRepo(workspace);
let events: { event: RunEvent; at: number }[] = [];
const engine = new WorkflowEngine({
  store,
  records: new RecordStore(db),
  repo,
  passes: impls,
  prompts: new Map(),
  templates: {},
  model: null,
  onEvent: (event) => events.push({ event, at: performance.now() }),
});

type Times = { perPass: number[]; total: number };

/** One run through the engine: each pass from `pass-started` to `pass-finished` (stored). */
async function viaEngine(): Promise<Times> {
  events = [];
  const start = performance.now();
  const run = engine.start({ workflow, item: null, workspaceRoot: workspace, model: null });
  const done = await engine.advance(run.id);
  const total = performance.now() - start;
  if (done.status !== 'completed') throw new Error(`run ${run.id} ${done.status}: ${done.error}`);
  const perPass = passIds.map((id) => {
    const started = events.find((e) => e.event.type === 'pass-started' && e.event.passId === id);
    const finished = events.find((e) => e.event.type === 'pass-finished' && e.event.passId === id);
    return finished!.at - started!.at;
  });
  return { perPass, total };
}

/** The same passes called directly: read once, then parse + resolve inputs + run per pass. */
async function direct(): Promise<Times> {
  const start = performance.now();
  const input = await readWorkspaceFiles(workspace);
  const readMs = performance.now() - start;
  const perPass: number[] = [];
  for (const pass of workflow.passes) {
    const passStart = performance.now();
    const parsed = parseWorkspace(input);
    const files = new Map(input.files.map((f) => [f.path, f.text]));
    const context: PassContext = {
      run: { id: 'bench', workflowId: workflow.id, today: '2026-01-01' },
      item: null,
      pass,
      workspace: parsed,
      files,
      inputs: resolveInputs(pass, {
        workspace: parsed,
        files,
        item: null,
        outputs: new Map(),
        templates: {},
      }),
      prompt: null,
      model: null,
      signal: { aborted: false },
    };
    await impls.get(pass.uses)!.run(context);
    perPass.push(performance.now() - passStart);
  }
  // The engine reads the workspace inside its first pass; count the read there too.
  perPass[0]! += readMs;
  return { perPass, total: performance.now() - start };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  const engineTimes: Times[] = [];
  const directTimes: Times[] = [];
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    let engineRound: Times;
    let directRound: Times;
    if (round % 2 === 0) {
      engineRound = await viaEngine();
      directRound = await direct();
    } else {
      directRound = await direct();
      engineRound = await viaEngine();
    }
    if (round < WARMUP) continue;
    engineTimes.push(engineRound);
    directTimes.push(directRound);
  }
  const input = await readWorkspaceFiles(workspace);
  const docs = parseWorkspace(input).documents.length;
  console.log(
    `engine overhead on resources/sample-workspace (${input.files.length} text files, ${docs} spec documents)`,
  );
  console.log(
    `median of ${ROUNDS} interleaved rounds after ${WARMUP} warm-up; engine: WorkflowEngine + SQLite RunStore/RecordStore + FolderRepo`,
  );
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}\n`);
  const rows = [
    ['pass', 'direct ms', 'engine ms', 'overhead ms', 'ratio'],
    ...passIds.map((id, i) => {
      const d = median(directTimes.map((t) => t.perPass[i]!));
      const e = median(engineTimes.map((t) => t.perPass[i]!));
      return [id, d.toFixed(2), e.toFixed(2), (e - d).toFixed(2), `${(e / d).toFixed(2)}x`];
    }),
  ];
  const d = median(directTimes.map((t) => t.total));
  const e = median(engineTimes.map((t) => t.total));
  rows.push([
    'whole run',
    d.toFixed(2),
    e.toFixed(2),
    (e - d).toFixed(2),
    `${(e / d).toFixed(2)}x`,
  ]);
  rows.push([
    'per pass (run / 4)',
    (d / passIds.length).toFixed(2),
    (e / passIds.length).toFixed(2),
    ((e - d) / passIds.length).toFixed(2),
    `${(e / d).toFixed(2)}x`,
  ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    );
  }
  console.log(
    '\n(whole run: engine includes start() and the final run update; direct includes the one read)',
  );
}

try {
  await main();
} finally {
  db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
