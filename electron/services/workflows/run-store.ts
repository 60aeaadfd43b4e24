// Runs, pass results and proposed changes on the app database (migration 6): the engine's
// RunStorePort. A pass's result, its proposed changes and the run's next step are written in
// one transaction, so a crash leaves the run either before the pass or after it.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { WorkflowSchema } from '../../../workflows/engine/definition.ts';
import {
  GateStateSchema,
  PassResultSchema,
  RunEstimateSchema,
  WorkItemRefSchema,
} from '../../../workflows/engine/run-schemas.ts';
import type {
  ChangeStatus,
  EscalationTier,
  PassRecord,
  ProposedChange,
  RunState,
  RunStatus,
  RunStorePort,
  RunUpdate,
} from '../../../workflows/engine/run-state.ts';
import { StoreError } from '../store/database.ts';
import { checkStored, readStoredJson } from '../store/stored-json.ts';

const EscalationsSchema = z.record(z.string(), z.enum(['hosted', 'cloud']));

interface RunRow {
  id: string;
  workflow_id: string;
  definition: string;
  work_item_id: string | null;
  item_kind: string | null;
  item_title: string | null;
  item_folder: string | null;
  workspace_root: string;
  model: string | null;
  status: RunStatus;
  next_pass: number;
  error: string | null;
  estimate: string | null;
  escalations: string;
  created_at: string;
  updated_at: string;
}

interface PassRow {
  run_id: string;
  pass_index: number;
  pass_id: string;
  status: PassRecord['status'];
  result: string | null;
  gate: string | null;
  error: string | null;
  started_at: string;
  finished_at: string;
}

interface ChangeRow {
  id: string;
  run_id: string;
  pass_index: number;
  path: string;
  before_text: string | null;
  after_text: string;
  summary: string;
  status: ChangeStatus;
  decided_at: string | null;
}

const RUN_SELECT = `
  SELECT runs.*, work_items.kind AS item_kind, work_items.title AS item_title,
         work_items.folder AS item_folder
  FROM runs LEFT JOIN work_items ON work_items.id = runs.work_item_id`;

function toRun(row: RunRow): RunState {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    definition: readStoredJson(WorkflowSchema, row.definition, `workflow of run ${row.id}`),
    item:
      row.work_item_id === null
        ? null
        : checkStored(
            WorkItemRefSchema,
            {
              id: row.work_item_id,
              kind: row.item_kind,
              title: row.item_title,
              folder: row.item_folder,
            },
            `work item of run ${row.id}`,
          ),
    workspaceRoot: row.workspace_root,
    model: row.model,
    status: row.status,
    nextPass: row.next_pass,
    error: row.error,
    estimate:
      row.estimate === null
        ? null
        : readStoredJson(RunEstimateSchema, row.estimate, `estimate of run ${row.id}`),
    escalations: readStoredJson(EscalationsSchema, row.escalations, `escalations of run ${row.id}`),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toPassRecord(row: PassRow): PassRecord {
  const what = `pass ${row.pass_id} of run ${row.run_id}`;
  return {
    runId: row.run_id,
    passIndex: row.pass_index,
    passId: row.pass_id,
    status: row.status,
    result:
      row.result === null
        ? null
        : readStoredJson(PassResultSchema, row.result, `result of ${what}`),
    gate: row.gate === null ? null : readStoredJson(GateStateSchema, row.gate, `gate of ${what}`),
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function toChange(row: ChangeRow): ProposedChange {
  return {
    id: row.id,
    runId: row.run_id,
    passIndex: row.pass_index,
    path: row.path,
    before: row.before_text,
    after: row.after_text,
    summary: row.summary,
    status: row.status,
    decidedAt: row.decided_at,
  };
}

export interface RunFilter {
  status?: RunStatus;
  workItemId?: string;
  workflowId?: string;
  limit?: number;
}

export class RunStore implements RunStorePort {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  createRun(run: RunState): void {
    this.db
      .prepare(
        `INSERT INTO runs (id, workflow_id, definition, work_item_id, workspace_root, model, status,
           next_pass, error, estimate, escalations, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.id,
        run.workflowId,
        JSON.stringify(run.definition),
        run.item?.id ?? null,
        run.workspaceRoot,
        run.model,
        run.status,
        run.nextPass,
        run.error,
        run.estimate ? JSON.stringify(run.estimate) : null,
        JSON.stringify(run.escalations),
        run.createdAt,
        run.updatedAt,
      );
  }

  getRun(id: string): RunState | null {
    const row = this.db.prepare(`${RUN_SELECT} WHERE runs.id = ?`).get(id) as RunRow | undefined;
    return row ? toRun(row) : null;
  }

  /** A run by its full ID or a unique prefix of it (`RUN-7KQ2`). */
  findRun(idOrPrefix: string): RunState | null {
    const key = idOrPrefix.trim().toUpperCase();
    const exact = this.getRun(key);
    if (exact) return exact;
    const rows = this.db
      .prepare(`${RUN_SELECT} WHERE runs.id LIKE ? ESCAPE '\\' LIMIT 2`)
      .all(key.replace(/[\\%_]/g, '\\$&') + '%') as RunRow[];
    return rows.length === 1 ? toRun(rows[0]!) : null;
  }

  listRuns(filter: RunFilter = {}): RunState[] {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      args.push(value);
    };
    if (filter.status) add('runs.status = ?', filter.status);
    if (filter.workItemId) add('runs.work_item_id = ?', filter.workItemId);
    if (filter.workflowId) add('runs.workflow_id = ?', filter.workflowId);
    const rows = this.db
      .prepare(
        `${RUN_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         ORDER BY runs.updated_at DESC, runs.id LIMIT ?`,
      )
      .all(...args, filter.limit ?? 100) as RunRow[];
    return rows.map(toRun);
  }

  updateRun(id: string, update: RunUpdate): void {
    const changed = this.db
      .prepare('UPDATE runs SET status = ?, next_pass = ?, error = ?, updated_at = ? WHERE id = ?')
      .run(update.status, update.nextPass, update.error, this.now().toISOString(), id);
    if (changed.changes === 0) throw new StoreError(`No run ${id} to update.`);
  }

  recordPass(record: PassRecord, changes: ProposedChange[], run: RunUpdate): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT OR REPLACE INTO pass_results (run_id, pass_index, pass_id, status, result, gate,
             error, started_at, finished_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.runId,
          record.passIndex,
          record.passId,
          record.status,
          record.result ? JSON.stringify(record.result) : null,
          record.gate ? JSON.stringify(record.gate) : null,
          record.error,
          record.startedAt,
          record.finishedAt,
        );
      this.db
        .prepare(
          "DELETE FROM proposed_changes WHERE run_id = ? AND pass_index = ? AND status = 'proposed'",
        )
        .run(record.runId, record.passIndex);
      const insert = this.db.prepare(
        `INSERT INTO proposed_changes (id, run_id, pass_index, path, before_text, after_text,
           summary, status, decided_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const c of changes) {
        insert.run(
          c.id,
          c.runId,
          c.passIndex,
          c.path,
          c.before,
          c.after,
          c.summary,
          c.status,
          c.decidedAt,
        );
      }
      this.updateRun(record.runId, run);
    })();
  }

  passRecords(runId: string): PassRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM pass_results WHERE run_id = ? ORDER BY pass_index')
      .all(runId) as PassRow[];
    return rows.map(toPassRecord);
  }

  changes(runId: string): ProposedChange[] {
    const rows = this.db
      .prepare('SELECT * FROM proposed_changes WHERE run_id = ? ORDER BY pass_index, rowid')
      .all(runId) as ChangeRow[];
    return rows.map(toChange);
  }

  getChange(id: string): ProposedChange | null {
    const row = this.db.prepare('SELECT * FROM proposed_changes WHERE id = ?').get(id) as
      ChangeRow | undefined;
    return row ? toChange(row) : null;
  }

  setEscalations(runId: string, escalations: Record<string, EscalationTier>): void {
    this.db
      .prepare('UPDATE runs SET escalations = ? WHERE id = ?')
      .run(JSON.stringify(escalations), runId);
  }

  decideChange(id: string, status: ChangeStatus, decidedAt: string): void {
    this.db
      .prepare('UPDATE proposed_changes SET status = ?, decided_at = ? WHERE id = ?')
      .run(status, decidedAt, id);
  }
}
