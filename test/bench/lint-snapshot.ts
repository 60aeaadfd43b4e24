// Dumps the full parse and lint output (the Workspace model and the LintResult, as JSON) for
// every spec fixture, so that a speed change can be checked to change no byte of it:
//   npx tsx test/bench/lint-snapshot.ts <out-dir>      (once before, once after; then
//   diff -r <before> <after>)
// Fixtures: the three interop layouts, the sample workspace, the bench's generated Cairn
// workspace (10,000 requirements) and OpenSpec repo, and generated workspaces from the
// property tests' arbitraries (fixed seed: the odd constructs that send the parser to remark).
// It prints a SHA-256 per fixture; the JSON files are written next to it for diffing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { readWorkspaceFiles } from '../../electron/services/specs/read-workspace-files.ts';
import { lintWorkspace } from '../../workflows/lint/lint-workspace.ts';
import type { WorkspaceInput } from '../../workflows/specs/model.ts';
import { parseWorkspace } from '../../workflows/specs/parse-workspace.ts';
import { workspaceFiles } from '../unit/specs/arbitraries.ts';
import { writeCairnWorkspace, writeOpenSpecRepo } from './generate-workspaces.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.argv[2];
if (!out) {
  console.error('usage: npx tsx test/bench/lint-snapshot.ts <out-dir>');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

function dump(name: string, input: WorkspaceInput): void {
  const workspace = parseWorkspace(input);
  // Strict and unclamped too: a range that moved would otherwise be hidden by the clamp.
  const result = lintWorkspace(workspace);
  const unclamped = lintWorkspace(workspace, { clampRanges: false });
  const json = JSON.stringify({ workspace, result, unclamped }, null, 1);
  fs.writeFileSync(path.join(out as string, `${name}.json`), json);
  console.log(`${createHash('sha256').update(json).digest('hex').slice(0, 16)}  ${name}`);
}

async function dumpFolder(name: string, root: string): Promise<void> {
  dump(name, await readWorkspaceFiles(root));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-snapshot-'));
try {
  for (const layout of ['kiro', 'openspec', 'speckit']) {
    await dumpFolder(layout, path.join(REPO, 'test/fixtures', layout));
  }
  await dumpFolder('sample-workspace', path.join(REPO, 'resources/sample-workspace'));
  writeCairnWorkspace(path.join(tmp, 'cairn'), 100, 100);
  await dumpFolder('bench-cairn', path.join(tmp, 'cairn'));
  writeOpenSpecRepo(path.join(tmp, 'openspec'), 100, 10, 20);
  await dumpFolder('bench-openspec', path.join(tmp, 'openspec'));
  // Generated workspaces, in batches of 250 per file to keep each dump small enough to diff.
  const samples = fc.sample(workspaceFiles, { seed: 20240601, numRuns: 2000 });
  for (let b = 0; b < samples.length; b += 250) {
    const batch = samples.slice(b, b + 250).map((files) => {
      const input = {
        files: Object.entries(files).map(([p, text]) => ({ path: p, text })),
        paths: [...Object.keys(files), 'src/a.ts', 'specs/a/prd.md'],
      };
      const workspace = parseWorkspace(input);
      return {
        workspace,
        result: lintWorkspace(workspace, { clampRanges: false }),
      };
    });
    const json = JSON.stringify(batch, null, 1);
    const name = `generated-${String(b / 250).padStart(2, '0')}`;
    fs.writeFileSync(path.join(out, `${name}.json`), json);
    console.log(`${createHash('sha256').update(json).digest('hex').slice(0, 16)}  ${name}`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
