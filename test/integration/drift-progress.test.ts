// The drift report says where it is while it computes (commits read, indexed, files analysed),
// and stops when asked; a later report then indexes what is missing and is complete.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { driftReport, type DriftProgress } from '../../electron/services/repo/drift-service.ts';
import { requireRepository } from '../../electron/services/repo/repository.ts';
import { openDatabase } from '../../electron/services/store/database.ts';
import { git } from '../support/native-git.ts';
import { tempDir } from '../support/temp-dir.ts';

const COMMITS = 250;
const base = tempDir('cairn-drift-progress-');
const dbs: ReturnType<typeof openDatabase>[] = [];
afterAll(() => dbs.forEach((db) => db.close()));

/** A repository of COMMITS commits, each changing one code file a spec covers. */
function manyCommits(dir: string): string {
  git(base, 'init', '--quiet', '--initial-branch=main', dir);
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const spec =
    '---\nid: SPEC-1\ntitle: Outbox\ntype: requirements\ncovers: [src/**]\n---\n\n# Outbox\n\n' +
    '### REQ-7KQ2M4: Retry\n\nWhen sending fails, the system shall retry.\n';
  const parts: string[] = [];
  for (let n = 0; n < COMMITS; n++) {
    const who = `Ravi <ravi@example.com> ${1_700_000_000 + n * 60} +0000`;
    parts.push(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\n${data(`change ${n}`)}`);
    if (n === 0) parts.push(`M 100644 inline specs/outbox.md\n${data(spec)}`);
    parts.push(`M 100644 inline src/outbox.ts\n${data(`// v${n}, REQ-7KQ2M4\n`)}\n`);
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: parts.join('') });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr.toString()}`);
  git(dir, 'checkout', '--quiet', '--force', 'main');
  return dir;
}

function freshDb() {
  const db = openDatabase(tempDir('cairn-drift-progress-data-'));
  dbs.push(db);
  return db;
}

describe('drift progress', () => {
  const dir = manyCommits(path.join(base, 'repo'));

  it('reports reading, indexing and analysing, with totals where they are known', async () => {
    const repo = await requireRepository(dir);
    const seen: DriftProgress[] = [];
    const report = await driftReport(repo, freshDb(), dir, { onProgress: (p) => seen.push(p) });
    expect(report.stats.commitsIndexed).toBe(COMMITS);
    expect(seen.some((p) => p.phase === 'reading' && p.total === null && p.done > 0)).toBe(true);
    const indexing = seen.filter((p) => p.phase === 'indexing');
    expect(indexing.length).toBeGreaterThan(1);
    expect(indexing.every((p) => p.total === COMMITS && p.done < COMMITS)).toBe(true);
    expect(seen.some((p) => p.phase === 'analysing' && p.total === 2)).toBe(true);
    // Phases come in order.
    const order = seen.map((p) => ['reading', 'indexing', 'analysing'].indexOf(p.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('stops when cancelled, and the next report is complete', async () => {
    const repo = await requireRepository(dir);
    const db = freshDb();
    const controller = new AbortController();
    await expect(
      driftReport(repo, db, dir, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'indexing') controller.abort();
        },
      }),
    ).rejects.toThrow();
    const report = await driftReport(repo, db, dir);
    expect(report.stats.commitsIndexed).toBe(COMMITS);
    const drift = report.findings.find((f) => f.kind === 'code-drift');
    expect(drift?.commits).toHaveLength(COMMITS - 1);
  });
});
