// Drift indexing speed on a generated repository (default: 2,000 specs, 20,000 commits, built
// in seconds with `git fast-import`). Prints Cairn's first index, the incremental re-index and
// drift report after 10 new commits, and Cairn's status, each against native git measured in
// the same run (`git log --name-only` for the history walk, `git status` for status). Native
// git is a baseline only; Cairn itself never runs it.
//   npx tsx test/bench/drift-index.ts [specs] [commits]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as isogit from 'isomorphic-git';
import { driftReport } from '../../electron/services/repo/drift-service.ts';
import { indexHistory } from '../../electron/services/repo/history-index.ts';
import { requireRepository } from '../../electron/services/repo/repository.ts';
import { openDatabase } from '../../electron/services/store/database.ts';

const SPECS = Number(process.argv[2] ?? 2000);
const COMMITS = Number(process.argv[3] ?? 20_000);
const AUTHORS = ['Maya Chen', 'Ravi Iyer', 'Lee Park', 'Ana Souza', 'Tom Berg'];
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-drift-'));
const repoDir = path.join(root, 'repo');

function git(...args: string[]): string {
  const r = spawnSync('git', args, { cwd: repoDir, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A seeded generator, so every run builds the same repository. */
let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const reqId = (spec: number, k: number) =>
  `REQ-${(spec * 7 + k).toString(36).toUpperCase().padStart(6, '0')}`;
const specPath = (i: number) => `specs/area-${i % 50}/feature-${i}/requirements.md`;
const codePath = (i: number) => `src/f${i}/index.ts`;
const testPath = (i: number) => `test/f${i}.test.ts`;
const specText = (i: number, rev: number) =>
  `---\nid: SPEC-${i}\ntitle: Feature ${i}\ntype: requirements\nstatus: draft\nowners: [maya]\ncovers: [src/f${i}/**]\n---\n\n# Feature ${i} (revision ${rev})\n\n` +
  [0, 1, 2]
    .map(
      (k) =>
        `### ${reqId(i, k)}: Behaviour ${k}\n\nWhen X happens, the system shall do Y${k} within ${rev + 2} seconds.\n`,
    )
    .join('\n');
const codeText = (i: number, rev: number) =>
  `// Implements ${reqId(i, 0)} and ${reqId(i, 1)}.\nexport const revision = ${rev};\n`;
const testText = (i: number, rev: number) =>
  `// Covers ${reqId(i, 0)}.\nexport const checked = ${rev};\n`;

function fastImport(from: number, count: number, start: string | null): void {
  const parts: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let time = 1_700_000_000 + from * 60;
  for (let n = from; n < from + count; n++) {
    const author = AUTHORS[n % AUTHORS.length] as string;
    const who = `${author} <${author.split(' ')[0]?.toLowerCase()}@example.com> ${time++} +0000`;
    parts.push(`commit refs/heads/main\nmark :${n + 1}\nauthor ${who}\ncommitter ${who}\n`);
    if (n === 0) {
      parts.push(data('Initial specs, code and tests'));
      for (let i = 0; i < SPECS; i++) {
        parts.push(`M 100644 inline ${specPath(i)}\n${data(specText(i, 0))}`);
        parts.push(`M 100644 inline ${codePath(i)}\n${data(codeText(i, 0))}`);
        parts.push(`M 100644 inline ${testPath(i)}\n${data(testText(i, 0))}`);
      }
      continue;
    }
    const feature = Math.floor(rnd() * SPECS);
    const roll = rnd();
    const kind = roll < 0.2 ? 'spec' : roll < 0.85 ? 'code' : 'test';
    parts.push(data(`Change ${kind} of feature ${feature} (#${n})`));
    parts.push(n === from && start ? `from ${start}\n` : `from :${n}\n`);
    const file =
      kind === 'spec' ? specPath(feature) : kind === 'code' ? codePath(feature) : testPath(feature);
    const text =
      kind === 'spec'
        ? specText(feature, n)
        : kind === 'code'
          ? codeText(feature, n)
          : testText(feature, n);
    parts.push(`M 100644 inline ${file}\n${data(text)}`);
    if (rnd() < 0.3) {
      const other = Math.floor(rnd() * SPECS);
      parts.push(`M 100644 inline ${codePath(other)}\n${data(codeText(other, n))}`);
    }
  }
  const r = spawnSync('git', ['fast-import', '--quiet', '--force'], {
    cwd: repoDir,
    input: parts.join(''),
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`fast-import: ${r.stderr}`);
}

function timed<T>(fn: () => T): [number, T] {
  const started = performance.now();
  const value = fn();
  return [performance.now() - started, value];
}
async function timedAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}
const nativeWalk = () =>
  timed(() => git('log', '--name-only', '--format=%H %P%n%an <%ae> %at %s', 'HEAD').length)[0];
const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;
const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}x native`;

async function main(): Promise<void> {
  fs.mkdirSync(repoDir);
  git('init', '--quiet', '--initial-branch=main');
  const [buildMs] = timed(() => fastImport(0, COMMITS, null));
  git('checkout', '--quiet', '--force', 'main');
  console.log(
    `repository: ${SPECS} specs, ${COMMITS} commits, ${git('ls-files').split('\n').length - 1} files (built in ${(buildMs / 1000).toFixed(1)} s with git fast-import)`,
  );

  const db = openDatabase(path.join(root, 'data'));
  const repo = await requireRepository(repoDir);
  const nativeFirst = nativeWalk();
  const [firstIndex, first] = await timedAsync(() => indexHistory(repo, db));
  const [firstDrift, firstReport] = await timedAsync(() => driftReport(repo, db, repoDir));
  const nativeAgain = nativeWalk();

  const head = git('rev-parse', 'HEAD').trim();
  fastImport(COMMITS, 10, head);
  git('checkout', '--quiet', '--force', 'main');
  const nativeAfter = nativeWalk();
  const [incrementalIndex, again] = await timedAsync(() => indexHistory(repo, db));
  fastImport(COMMITS + 10, 10, git('rev-parse', 'HEAD').trim());
  git('checkout', '--quiet', '--force', 'main');
  const [incrementalDrift, report] = await timedAsync(() => driftReport(repo, db, repoDir));
  const native = Math.min(nativeFirst, nativeAgain, nativeAfter);

  const [gitStatus] = timed(() => git('status', '--porcelain').length);
  const cache = {};
  const status = () => isogit.statusMatrix({ fs, dir: repoDir, gitdir: repo.gitdir, cache });
  const [cairnStatusCold] = await timedAsync(status);
  const [cairnStatusWarm] = await timedAsync(status);
  const [gitStatusWarm] = timed(() => git('status', '--porcelain').length);

  console.log(`native git log --name-only (best of 3):           ${ms(native)}`);
  console.log(
    `Cairn first index (${first.added} commits):             ${ms(firstIndex)}  ${ratio(firstIndex, native)}`,
  );
  console.log(
    `Cairn first drift report (index warm, reads HEAD):  ${ms(firstDrift)}  ${ratio(firstDrift, native)}  (${firstReport.findings.length} findings)`,
  );
  console.log(
    `Cairn incremental re-index (${again.added} new commits):     ${ms(incrementalIndex)}  ${ratio(incrementalIndex, native)}`,
  );
  console.log(
    `Cairn incremental drift (10 new commits, index + analysis): ${ms(incrementalDrift)}  ${ratio(incrementalDrift, native)}  (index ${report.stats.indexMs.toFixed(0)} ms, analysis ${report.stats.analyzeMs.toFixed(0)} ms)`,
  );
  console.log(
    `git status:                                         ${ms(gitStatus)} cold, ${ms(gitStatusWarm)} warm`,
  );
  console.log(
    `Cairn status (statusMatrix, shared cache):          ${ms(cairnStatusCold)} cold, ${ms(cairnStatusWarm)} warm  ${ratio(cairnStatusWarm, gitStatusWarm).replace('native', 'git status')}`,
  );
  db.close();
  fs.rmSync(root, { recursive: true, force: true });
}

await main();
