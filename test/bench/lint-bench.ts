// Lint benchmark: `npx tsx test/bench/lint-bench.ts [requirements]`.
// 1. A generated Cairn workspace of 10,000 requirements (default): requirements per second for
//    reading, parsing and linting it, in this process: the first (cold) run against the goal of
//    10,000 in under a second, and a third (warm) one.
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

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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

async function cairnBench(root: string): Promise<void> {
  const perFeature = 100;
  const count = writeCairnWorkspace(root, Math.ceil(target / perFeature), perFeature);
  // The first run is the one that counts (a CLI lints once, with code not yet optimized);
  // two more in the same process show the cost once the code is warm.
  const cold = await lintRun(root);
  await lintRun(root);
  const warm = await lintRun(root);
  console.log(
    `Cairn workspace: ${count} requirements in ${cold.files} files (${cold.parsed} parsed)`,
  );
  for (const [label, run] of [
    ['cold (1st run)', cold],
    ['warm (3rd run)', warm],
  ] as const) {
    console.log(
      `  ${label}: read ${ms(run.readMs)}, parse ${ms(run.parseMs)}, lint rules ${ms(run.lintMs)}; total ${ms(run.totalMs)} wall, ${ms(run.cpuMs)} CPU; ${Math.round(count / (run.totalMs / 1000))} requirements/second`,
    );
  }
  console.log(`  ${cold.findings} findings: ${JSON.stringify(cold.counts)}`);
  const goal = (count * GOAL_MS) / 10_000;
  console.log(
    `  goal: ${count} requirements in under ${ms(goal)} -> cold run at ${(cold.totalMs / goal).toFixed(2)}x the goal (${cold.totalMs < goal ? 'met' : 'not met'} on this run)`,
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
