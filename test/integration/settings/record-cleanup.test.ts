// Clearing records on the real app database (migrated, WAL, foreign keys on): the right rows go,
// runs go as a whole with their pass results and proposed changes, runs that can still resume
// or wait for a decision stay with their records, and it all happens in one transaction.
import type { Database } from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { RecordCleanup } from '../../../electron/services/records/record-cleanup.ts';
import { RecordStore } from '../../../electron/services/records/record-store.ts';
import { openDatabase } from '../../../electron/services/store/database.ts';
import { sampleEnvelope } from '../../support/envelopes.ts';
import { tempDir } from '../../support/temp-dir.ts';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T12:00:00.000Z`;

let db: Database;
let records: RecordStore;

function run(id: string, status: string, updated: number, change?: 'proposed' | 'accepted') {
  db.prepare(
    `INSERT INTO runs (id, workflow_id, definition, workspace_root, status, created_at, updated_at)
     VALUES (?, 'spec-review', '{}', '/ws', ?, ?, ?)`,
  ).run(id, status, day(updated - 1), day(updated));
  db.prepare(
    `INSERT INTO pass_results (run_id, pass_index, pass_id, status, started_at, finished_at)
     VALUES (?, 0, 'summary', 'completed', ?, ?)`,
  ).run(id, day(updated - 1), day(updated));
  if (change) {
    db.prepare(
      `INSERT INTO proposed_changes (id, run_id, pass_index, path, after_text, summary, status)
       VALUES (?, ?, 0, 'specs/a.md', 'x', 'edit', ?)`,
    ).run(`chg-${id}`, id, change);
  }
}

function call(id: string, runId: string | null, created: number) {
  records.save(sampleEnvelope({ id, runId, createdAt: day(created) }));
}

const ids = (table: string, column = 'id') =>
  (db.prepare(`SELECT ${column} AS id FROM ${table} ORDER BY 1`).all() as { id: string }[]).map(
    (r) => r.id,
  );

beforeEach(() => {
  db = openDatabase(tempDir('cairn-cleanup-'));
  records = new RecordStore(db);
  run('run-old-done', 'completed', 2); // finished long ago: goes
  run('run-old-failed', 'failed', 3, 'accepted'); // finished, decided: goes
  run('run-old-undecided', 'completed', 3, 'proposed'); // a change waits: stays
  run('run-old-waiting', 'waiting', 4); // can still resume: stays
  run('run-new-done', 'completed', 20); // recent: stays
  call('call-1', 'run-old-done', 1);
  call('call-2', 'run-old-failed', 2);
  call('call-3', 'run-old-undecided', 2);
  call('call-4', 'run-old-waiting', 3);
  call('call-5', 'run-new-done', 5); // old call of a recent run: stays with its run
  call('call-6', 'run-new-done', 20);
  call('call-7', null, 4); // no run, old: goes
  call('call-8', 'run-gone', 4); // its run was deleted before: goes
  call('call-9', null, 21); // no run, recent: stays
});

describe('RecordCleanup', () => {
  it('previews exactly what clearing older records deletes, and deletes just that', () => {
    const cleanup = new RecordCleanup(db);
    const scope = { before: day(10) };
    const preview = cleanup.preview(scope);
    expect(preview).toEqual({ records: 4, runs: 2, keptRuns: 2 });
    expect(ids('model_calls')).toHaveLength(9); // the preview deleted nothing
    expect(cleanup.clear(scope)).toEqual(preview);
    expect(ids('model_calls')).toEqual(['call-3', 'call-4', 'call-5', 'call-6', 'call-9']);
    expect(ids('runs')).toEqual(['run-new-done', 'run-old-undecided', 'run-old-waiting']);
    expect(ids('pass_results', 'run_id')).toEqual(ids('runs'));
    expect(ids('proposed_changes')).toEqual(['chg-run-old-undecided']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('clears everything that may go, keeping runs that can resume or wait for a decision', () => {
    const counts = new RecordCleanup(db).clear({ before: null });
    expect(counts).toEqual({ records: 7, runs: 3, keptRuns: 2 });
    expect(ids('runs')).toEqual(['run-old-undecided', 'run-old-waiting']);
    expect(ids('model_calls')).toEqual(['call-3', 'call-4']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('deletes nothing when any step fails: one transaction', () => {
    db.exec(`CREATE TEMP TRIGGER refuse_run_delete BEFORE DELETE ON runs
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect(() => new RecordCleanup(db).clear({ before: null })).toThrow(/disk trouble/);
    expect(ids('model_calls')).toHaveLength(9);
    expect(ids('pass_results', 'run_id')).toHaveLength(5);
    expect(ids('proposed_changes')).toHaveLength(2);
    expect(ids('runs')).toHaveLength(5);
  });
});
