// A/B of the cold lint between two checkouts of the repo (a baseline and a candidate):
//   npx tsx test/bench/lint-ab.ts <baseline-repo> <candidate-repo> [runs=10]
// Generates the lint bench's 10,000-requirement workspace once, then runs lint-cold.ts (from
// the candidate: the baseline may predate it) in fresh processes, alternating the two
// checkouts, and prints the medians of each one's CPU and wall time. The baseline checkout
// needs a node_modules (a symlink will do).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCairnWorkspace } from './generate-workspaces.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [baseline, candidate, runsArg] = process.argv.slice(2);
if (!baseline || !candidate) {
  console.error('usage: npx tsx test/bench/lint-ab.ts <baseline-repo> <candidate-repo> [runs]');
  process.exit(2);
}
const runs = Number(runsArg ?? 10);

interface Cold {
  cpuMs: number;
  wallMs: number;
  readCpuMs: number;
  parseCpuMs: number;
  lintCpuMs: number;
  findings: number;
}

/** lint-cold.ts run against `repo`'s code: copied in beside its own bench files. */
function coldRun(repo: string, workspace: string): Cold {
  const script = path.join(repo, 'test/bench/lint-cold.ab.ts');
  fs.copyFileSync(path.join(HERE, 'lint-cold.ts'), script);
  try {
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, workspace], {
      cwd: repo,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`lint-cold failed in ${repo}: ${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop() as string) as Cold;
  } finally {
    fs.rmSync(script, { force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-ab-'));
try {
  writeCairnWorkspace(tmp, 100, 100);
  const sides = { baseline: [] as Cold[], candidate: [] as Cold[] };
  for (let i = 0; i < runs; i++) {
    sides.baseline.push(coldRun(path.resolve(baseline), tmp));
    sides.candidate.push(coldRun(path.resolve(candidate), tmp));
  }
  for (const [name, list] of Object.entries(sides)) {
    const m = (key: keyof Cold) => median(list.map((c) => c[key])).toFixed(0);
    console.log(
      `${name.padEnd(9)}: CPU ${m('cpuMs')} ms (read ${m('readCpuMs')}, parse ${m('parseCpuMs')}, lint ${m('lintCpuMs')}), wall ${m('wallMs')} ms, median of ${runs}; CPU runs ${list.map((c) => c.cpuMs).join(' ')}`,
    );
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
