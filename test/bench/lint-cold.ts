// One cold lint in a fresh process, for A/B runs of the lint bench's first-run figure:
//   npx tsx test/bench/lint-cold.ts <workspace-dir>
// Prints one JSON line: CPU (user + system, every thread, GC included) and wall time of
// reading, parsing and linting the folder once, module loading excluded. Generate the folder
// once (writeCairnWorkspace) and run this many times, alternating the builds being compared:
// CPU time is what to compare on a shared machine; wall time swings with the load.
import { readWorkspaceFiles } from '../../electron/services/specs/read-workspace-files.ts';
import { lintWorkspace } from '../../workflows/lint/lint-workspace.ts';
import { parseWorkspace } from '../../workflows/specs/parse-workspace.ts';
import { ownCpuMs } from './process-cpu.ts';

const root = process.argv[2];
if (!root) {
  console.error('usage: npx tsx test/bench/lint-cold.ts <workspace-dir>');
  process.exit(2);
}
const cpu0 = ownCpuMs();
const wall0 = performance.now();
const input = await readWorkspaceFiles(root);
const cpu1 = ownCpuMs();
const workspace = parseWorkspace(input);
const cpu2 = ownCpuMs();
const result = lintWorkspace(workspace);
const cpu3 = ownCpuMs();
const wall = performance.now() - wall0;
console.log(
  JSON.stringify({
    cpuMs: Math.round(cpu3 - cpu0),
    wallMs: Math.round(wall),
    readCpuMs: Math.round(cpu1 - cpu0),
    parseCpuMs: Math.round(cpu2 - cpu1),
    lintCpuMs: Math.round(cpu3 - cpu2),
    findings: result.findings.length,
  }),
);
