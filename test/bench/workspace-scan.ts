// Time to list a large workspace: Cairn's listing (walk + frontmatter of every spec) against
// a bare baseline measured in the same run (walk + read the same bytes, no parsing). Prints
// the ratio; absolute times on these machines are noise.
//   npx tsx test/bench/workspace-scan.ts [specCount]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listSpecFiles } from '../../electron/services/workspace/workspace.ts';

const count = Number(process.argv[2] ?? 5000);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-ws-'));

function generate(): void {
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, 'specs', `area-${i % 50}`, `feature-${i}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'requirements.md'),
      `---\nid: SPEC-${i}\ntitle: Feature ${i}\ntype: requirements\nstatus: draft\nowners: [a, b]\ncovers: [src/f${i}/**]\n---\n\n# Feature ${i}\n\n` +
        `### REQ-${i.toString(36).toUpperCase().padStart(6, '0')}: Thing\n\nWhen X happens, the system shall do Y within 2 seconds.\n`.repeat(
          5,
        ),
    );
  }
}

async function baseline(): Promise<number> {
  let n = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.md')) {
        await fs.promises.stat(full);
        await fs.promises.readFile(full);
        n++;
      }
    }
  };
  await walk(root);
  return n;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

async function main(): Promise<void> {
  generate();
  // Warm the page cache and the JIT once for both, then alternate to spread the noise.
  await baseline();
  await listSpecFiles(root);
  const rounds = 5;
  const base: number[] = [];
  const cairn: number[] = [];
  let listed = 0;
  for (let i = 0; i < rounds; i++) {
    base.push((await time(baseline))[0]);
    const [ms, files] = await time(() => listSpecFiles(root));
    cairn.push(ms);
    listed = files.length;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`workspace of ${count} specs (${listed} listed), median of ${rounds} rounds`);
  console.log(`  baseline (walk + read, no parsing): ${median(base).toFixed(1)} ms`);
  console.log(`  cairn listSpecFiles:                ${median(cairn).toFixed(1)} ms`);
  console.log(
    `  ratio cairn / baseline:             ${(median(cairn) / median(base)).toFixed(2)}x`,
  );
  fs.rmSync(root, { recursive: true, force: true });
}

await main();
