// Clearing recorded model calls (all, or those older than a time) together with the finished
// workflow runs they belong to, in one transaction, so the database never holds a run without
// its records or pass results without their run. What is kept, on purpose:
// - runs still going (running, waiting, deferred, blocked) and runs with proposed changes that
//   wait for a decision, with all their records: they can still resume or be decided;
// - every record of a run that is kept (a run is cleared as a whole or not at all);
// - the egress log, consents and budget ledger: the account of what left the machine and what
//   it cost is not a record to tidy away (an egress entry may name a cleared call's id);
// - work items, which are the user's, not records.
import type { Database } from 'better-sqlite3';

export interface ClearScope {
  /** ISO 8601: clear what is older than this; null clears everything that may be cleared. */
  before: string | null;
}

export interface ClearCounts {
  /** Recorded model calls. */
  records: number;
  /** Finished runs, with their pass results and proposed changes. */
  runs: number;
  /** Runs in scope that stay: still going, or with changes waiting for a decision. */
  keptRuns: number;
}

const FINISHED = `('completed', 'failed', 'cancelled')`;
const UNDECIDED = `EXISTS (SELECT 1 FROM proposed_changes c WHERE c.run_id = r.id AND c.status = 'proposed')`;
const IN_SCOPE = `(@before IS NULL OR r.updated_at < @before)`;

/** Runs that go: finished, last touched before the time, nothing left to decide. */
const DOOMED_RUNS = `SELECT r.id FROM runs r
  WHERE r.status IN ${FINISHED} AND ${IN_SCOPE} AND NOT ${UNDECIDED}`;

/** Calls that go: those of a doomed run, and old ones of no run that exists any longer. */
const DOOMED_CALLS = `SELECT m.id FROM model_calls m
  WHERE m.run_id IN (SELECT id FROM temp.clear_runs)
     OR ((@before IS NULL OR m.created_at < @before)
         AND (m.run_id IS NULL OR m.run_id NOT IN (SELECT id FROM runs)))`;

export class RecordCleanup {
  constructor(private readonly db: Database) {}

  /** What clear() would delete now, for the confirmation. */
  preview(scope: ClearScope): ClearCounts {
    return this.inTransaction(scope, false);
  }

  /** Deletes the records and runs in scope, all or nothing; returns what was deleted. */
  clear(scope: ClearScope): ClearCounts {
    return this.inTransaction(scope, true);
  }

  private inTransaction(scope: ClearScope, apply: boolean): ClearCounts {
    const before = scope.before === null ? null : new Date(scope.before).toISOString();
    const params = { before };
    const work = this.db.transaction((): ClearCounts => {
      this.db.exec('CREATE TEMP TABLE IF NOT EXISTS clear_runs (id TEXT PRIMARY KEY)');
      this.db.exec('DELETE FROM temp.clear_runs');
      try {
        this.db.prepare(`INSERT INTO temp.clear_runs ${DOOMED_RUNS}`).run(params);
        const count = (sql: string) =>
          (this.db.prepare(`SELECT COUNT(*) AS n FROM (${sql})`).get(params) as { n: number }).n;
        const counts: ClearCounts = {
          records: count(DOOMED_CALLS),
          runs: count('SELECT id FROM temp.clear_runs'),
          keptRuns: count(
            `SELECT r.id FROM runs r WHERE ${IN_SCOPE} AND (r.status NOT IN ${FINISHED} OR ${UNDECIDED})`,
          ),
        };
        if (!apply) return counts;
        // Calls first: which of them go depends on the runs that are still there.
        this.db.prepare(`DELETE FROM model_calls WHERE id IN (${DOOMED_CALLS})`).run(params);
        for (const table of ['proposed_changes', 'pass_results']) {
          this.db.exec(`DELETE FROM ${table} WHERE run_id IN (SELECT id FROM temp.clear_runs)`);
        }
        this.db.exec('DELETE FROM runs WHERE id IN (SELECT id FROM temp.clear_runs)');
        return counts;
      } finally {
        this.db.exec('DELETE FROM temp.clear_runs');
      }
    });
    return work();
  }
}
