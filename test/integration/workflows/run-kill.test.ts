// Kills `cairn run` (SIGKILL: no cleanup, no handlers) at random moments of a run, again and
// again, resuming it each time. Afterwards the database is intact, no spec file is half-written,
// and no pass that had finished before a kill ran again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/services/store/database.ts';
import { seededRandom } from '../../../workflows/specs/ids.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { openHarness, REPO, type Harness } from '../../support/workflow-harness.ts';

const KILLS = 8;
const dir = tempDir('cairn-run-kill-');
let h: Harness;
let originals: Map<string, string>;

function specFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.md')) {
        files.set(child, fs.readFileSync(path.join(root, child), 'utf8'));
      }
    }
  };
  walk('');
  return files;
}

beforeAll(async () => {
  h = await openHarness(dir);
  originals = specFiles(h.workspace);
  h.close();
});
afterAll(() => h.close());

interface Started {
  done: Promise<number | null>;
  kill(): void;
  /** Resolves with the run ID once the CLI has printed it. */
  runId: Promise<string>;
  /** Resolves when the first pass has started (its progress line is printed). */
  working: Promise<void>;
}

function cairn(args: string[]): Started {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/cairn.mjs'), ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let resolveId: (id: string) => void = () => {};
  let resolveWorking: () => void = () => {};
  const runId = new Promise<string>((resolve) => (resolveId = resolve));
  const working = new Promise<void>((resolve) => (resolveWorking = resolve));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const match = /Run (RUN-[0-9A-Z]+) started/.exec(stderr);
    if (match) resolveId(match[1]!);
    if (/\[\d+\/\d+\]/.test(stderr)) resolveWorking();
  });
  child.stdout.resume();
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { done, kill: () => child.kill('SIGKILL'), runId, working };
}

function readState(runId: string) {
  const db = new BetterSqlite3(path.join(h.dataDir, DATABASE_FILE));
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const run = db.prepare('SELECT status, next_pass FROM runs WHERE id = ?').get(runId) as
      { status: string; next_pass: number } | undefined;
    const passes = db
      .prepare(
        "SELECT pass_index, started_at FROM pass_results WHERE run_id = ? AND status = 'completed'",
      )
      .all(runId) as { pass_index: number; started_at: string }[];
    return { integrity, run, passes };
  } finally {
    db.close();
  }
}

describe('a run killed again and again', () => {
  it('keeps the database intact, never half-writes a spec, and resumes from its last finished pass', async () => {
    const common = [
      '--workspace',
      h.workspace,
      '--data-dir',
      h.dataDir,
      '--model',
      h.modelId,
      '--accept',
      '--yes',
    ];
    const random = seededRandom('kill-test');
    const first = cairn(['run', 'spec-review', ...common]);
    const runId = await first.runId;
    let current = first;
    const finishedBeforeKills = new Map<number, string>();
    let kills = 0;
    for (let i = 0; i < KILLS; i++) {
      // Kill at a random moment once the run is at work (its first pass has started), so kills
      // land inside passes, between them and during writes — however fast this machine is.
      const delay = (random(new Uint8Array(1))[0]! / 255) * 400;
      const exited = await Promise.race([
        current.done.then(() => true),
        current.working.then(() => new Promise<boolean>((r) => setTimeout(() => r(false), delay))),
      ]);
      if (!exited) {
        current.kill();
        await current.done;
        kills++;
      }
      const state = readState(runId);
      expect(state.integrity).toBe('ok');
      for (const p of state.passes) {
        const seen = finishedBeforeKills.get(p.pass_index);
        // A pass that had finished is never run again: its start time does not change.
        if (seen) expect(p.started_at).toBe(seen);
        else finishedBeforeKills.set(p.pass_index, p.started_at);
      }
      for (const [rel, text] of specFiles(h.workspace)) {
        const original = originals.get(rel);
        expect(original, `unexpected file ${rel}`).toBeDefined();
        // The only file the run writes is the lint fix: old text or new text, never a mix.
        if (text !== original) {
          expect(rel).toBe(path.join('specs', 'offline-review', 'requirements.md'));
          expect(text).toBe(original!.replace('should do it fast', 'shall do it fast'));
        }
      }
      if (state.run?.status === 'completed') break;
      current = cairn(['run', '--resume', runId, ...common]);
    }
    const last = readState(runId);
    if (last.run?.status !== 'completed') {
      expect(await current.done).toBe(0);
    }
    const final = readState(runId);
    expect(final.run).toEqual({ status: 'completed', next_pass: 5 });
    expect(final.integrity).toBe('ok');
    expect(final.passes).toHaveLength(5);
    for (const p of final.passes) {
      const seen = finishedBeforeKills.get(p.pass_index);
      if (seen) expect(p.started_at).toBe(seen);
    }
    expect(kills).toBeGreaterThan(0);
    const requirements = fs.readFileSync(
      path.join(h.workspace, 'specs/offline-review/requirements.md'),
      'utf8',
    );
    expect(requirements).toContain('written and shall do it fast.');
  });
});
