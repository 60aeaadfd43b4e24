// Lint benchmark: `npx tsx test/bench/lint-bench.ts [requirements]`.
// 1. A generated Cairn workspace of 10,000 requirements (default), against the goal of linting
//    it in under a second:
//    - cold: reading, parsing and linting it once in a fresh process (lint-cold.ts; module
//      loading excluded), seven processes, the median and every run (one run swings with the
//      machine's load);
//    - warm: the third run in one process;
//    - the whole `cairn lint` command (its bundle, built first), start to exit, against
//      `node -e 0` (Node's own start), taking turns, medians.
// 2. A generated OpenSpec repo: the time of `cairn lint --strict --rules OSPEC` against
//    `openspec validate --all --strict --json`, both as CLI processes, and whether their
//    findings agree item by item (verdict and the checks that fired). Each CLI runs five times,
//    taking turns; the medians are compared.
// Figures depend on the machine and its load; run it twice and quote both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWorkspaceFiles } from '../../electron/services/specs/read-workspace-files.ts';
import { lintWorkspace } from '../../workflows/lint/lint-workspace.ts';
import { parseWorkspace } from '../../workflows/specs/parse-workspace.ts';
import { compareWithOpenSpec, type OpenSpecReport } from '../support/openspec-parity.ts';
import { runProcess, type ProcessResult } from '../support/run-process.ts';
import { writeCairnWorkspace, writeOpenSpecRepo } from './generate-workspaces.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const target = Number(process.argv[2] ?? 10_000);

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
}

/** CPU time this process spent (user + system), in ms: less sensitive to other load than wall time. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number) => sorted[i] ?? NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** Runs of each CLI on the OpenSpec repo, taking turns; the medians are compared. */
const CLI_RUNS = 5;

interface LintRun {
  readMs: number;
  parseMs: number;
  lintMs: number;
  totalMs: number;
  cpuMs: number;
  files: number;
  parsed: number;
  findings: number;
  counts: Record<string, number>;
}

/** Reads, parses and lints `root` once, timing each step. */
async function lintRun(root: string): Promise<LintRun> {
  const cpuBefore = cpuMs();
  const [input, readMs] = await timedAsync(() => readWorkspaceFiles(root));
  const [workspace, parseMs] = timed(() => parseWorkspace(input));
  const [result, lintMs] = timed(() => lintWorkspace(workspace));
  return {
    readMs,
    parseMs,
    lintMs,
    totalMs: readMs + parseMs + lintMs,
    cpuMs: cpuMs() - cpuBefore,
    files: input.files.length,
    parsed: workspace.documents.reduce((n, d) => n + d.requirements.length, 0),
    findings: result.findings.length,
    counts: result.counts,
  };
}

const GOAL_MS = 1000;

/** Fresh processes for the cold figure, and turns of each command for the CLI's. */
const PROCESS_RUNS = 7;

interface ColdRun {
  cpuMs: number;
  wallMs: number;
}

/** lint-cold.ts in a fresh process: one cold read, parse and lint of `root`. */
async function coldRun(root: string): Promise<ColdRun> {
  const run = await runProcess(
    process.execPath,
    ['--import', 'tsx', path.join(HERE, 'lint-cold.ts'), root],
    REPO,
  );
  if (run.code !== 0) throw new Error(`lint-cold.ts failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as ColdRun;
}

/** Wall time of `node -e 0` and of `cairn lint root`, taking turns. */
async function cliRuns(root: string): Promise<{ node: number[]; cairn: number[] }> {
  const cairn = [path.join(REPO, 'bin/cairn.mjs'), 'lint', root];
  const times = { node: [] as number[], cairn: [] as number[] };
  await runProcess(process.execPath, cairn, REPO); // the file cache, for both
  for (let i = 0; i < PROCESS_RUNS; i++) {
    times.node.push((await timedAsync(() => runProcess(process.execPath, ['-e', '0'], REPO)))[1]);
    times.cairn.push((await timedAsync(() => runProcess(process.execPath, cairn, REPO)))[1]);
  }
  return times;
}

const runsOf = (values: readonly number[]) => values.map((v) => v.toFixed(0)).join(' ');

async function cairnBench(root: string): Promise<void> {
  const perFeature = 100;
  const count = writeCairnWorkspace(root, Math.ceil(target / perFeature), perFeature);
  // Three runs in this process: the third shows the cost once the code is warm.
  const first = await lintRun(root);
  await lintRun(root);
  const warm = await lintRun(root);
  const colds: ColdRun[] = [];
  for (let i = 0; i < PROCESS_RUNS; i++) colds.push(await coldRun(root));
  const coldWall = median(colds.map((c) => c.wallMs));
  const coldCpu = median(colds.map((c) => c.cpuMs));
  console.log(
    `Cairn workspace: ${count} requirements in ${first.files} files (${first.parsed} parsed)`,
  );
  console.log(
    `  cold (fresh process, median of ${PROCESS_RUNS}): ${ms(coldWall)} wall, ${ms(coldCpu)} CPU; ${Math.round(count / (coldWall / 1000))} requirements/second; runs: ${runsOf(colds.map((c) => c.wallMs))} ms`,
  );
  for (const [label, run] of [
    ['first run here', first],
    ['warm (3rd run)', warm],
  ] as const) {
    console.log(
      `  ${label}: read ${ms(run.readMs)}, parse ${ms(run.parseMs)}, lint rules ${ms(run.lintMs)}; total ${ms(run.totalMs)} wall, ${ms(run.cpuMs)} CPU; ${Math.round(count / (run.totalMs / 1000))} requirements/second`,
    );
  }
  console.log(`  ${first.findings} findings: ${JSON.stringify(first.counts)}`);
  const goal = (count * GOAL_MS) / 10_000;
  console.log(
    `  goal: ${count} requirements in under ${ms(goal)} -> cold median at ${(coldWall / goal).toFixed(2)}x the goal (${coldWall < goal ? 'met' : 'not met'}; ${colds.filter((c) => c.wallMs < goal).length} of ${PROCESS_RUNS} runs under it)`,
  );
  const cli = await cliRuns(root);
  const nodeMs = median(cli.node);
  const cairnMs = median(cli.cairn);
  console.log(
    `  the whole command, medians of ${PROCESS_RUNS} taking turns: cairn lint ${ms(cairnMs)}, node -e 0 ${ms(nodeMs)} (Node's own start); cairn's part ${ms(cairnMs - nodeMs)}; runs: cairn ${runsOf(cli.cairn)}, node ${runsOf(cli.node)} ms`,
  );
}

async function openSpecBench(root: string): Promise<void> {
  const requirements = writeOpenSpecRepo(root, 100, 10, 20);
  const openspec = path.join(REPO, 'node_modules/.bin/openspec');
  const cairn = [
    path.join(REPO, 'bin/cairn.mjs'),
    'lint',
    root,
    '--strict',
    '--rules',
    'OSPEC',
    '--format',
    'json',
  ];
  const validate = ['validate', '--all', '--strict', '--json', '--no-interactive'];
  // One warm-up run each, so that neither pays for a cold file cache; then the two CLIs take
  // turns, and each one's median stands for it (a single run swings with the machine's load).
  await runProcess(openspec, validate, root);
  await runProcess(process.execPath, cairn, REPO);
  const theirTimes: number[] = [];
  const ourTimes: number[] = [];
  let theirs!: ProcessResult;
  let ours!: ProcessResult;
  for (let i = 0; i < CLI_RUNS; i++) {
    let t: number;
    [theirs, t] = await timedAsync(() => runProcess(openspec, validate, root));
    theirTimes.push(t);
    [ours, t] = await timedAsync(() => runProcess(process.execPath, cairn, REPO));
    ourTimes.push(t);
  }
  const theirMs = median(theirTimes);
  const ourMs = median(ourTimes);
  const [, inProcessMs] = await timedAsync(async () =>
    lintWorkspace(parseWorkspace(await readWorkspaceFiles(root)), { only: ['OSPEC'] }),
  );
  const comparison = compareWithOpenSpec(
    JSON.parse(theirs.stdout) as OpenSpecReport,
    JSON.parse(ours.stdout).findings,
  );
  const disagreements = comparison.filter((c) => !c.agree);
  const failing = (side: 'openspec' | 'cairn') => comparison.filter((c) => !c[side].valid).length;
  console.log(`OpenSpec repo: 100 specs, 20 changes, ${requirements + 20} requirements`);
  console.log(
    `  openspec validate --all --strict --json: ${ms(theirMs)} median of ${CLI_RUNS} (exit ${theirs.code}, ${failing('openspec')} of ${comparison.length} items fail)`,
  );
  console.log(
    `  cairn lint --strict --rules OSPEC:       ${ms(ourMs)} median of ${CLI_RUNS} (exit ${ours.code}, ${failing('cairn')} items fail; ${ms(inProcessMs)} in process)`,
  );
  console.log(
    `  time ratio openspec / cairn (both CLIs, medians): ${(theirMs / ourMs).toFixed(2)}; runs: openspec ${theirTimes.map((t) => t.toFixed(0)).join(' ')}, cairn ${ourTimes.map((t) => t.toFixed(0)).join(' ')} ms`,
  );
  console.log(
    `  findings agree on ${comparison.length - disagreements.length} of ${comparison.length} items`,
  );
  for (const d of disagreements.slice(0, 10)) {
    console.log(
      `    ${d.item}: openspec ${JSON.stringify(d.openspec)} vs cairn ${JSON.stringify(d.cairn)}`,
    );
  }
}

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-'));
try {
  // bin/cairn.mjs runs its bundle only when no source changed since the build (else the
  // sources through tsx, several times slower to start): build it, so the bundle is measured.
  const build = await runProcess(process.execPath, ['scripts/build-main.mjs'], REPO);
  if (build.code !== 0) throw new Error(`npm run build:main failed: ${build.stderr}`);
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await cairnBench(path.join(base, 'cairn'));
  await openSpecBench(path.join(base, 'openspec'));
} finally {
  fs.rmSync(base, { recursive: true, force: true });
}
