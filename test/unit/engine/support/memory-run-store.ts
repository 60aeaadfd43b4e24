// An in-memory RunStorePort for engine unit tests (the integration tests use the SQLite one).
// Everything is copied in and out, as a database would, so the engine cannot lean on object
// identity; one instance shared by two engines stands for one database across a restart.
import type {
  ChangeStatus,
  PassRecord,
  ProposedChange,
  RunState,
  RunStorePort,
  RunUpdate,
  EscalationTier,
} from '../../../../workflows/engine/run-state.ts';

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryRunStore implements RunStorePort {
  private readonly runs = new Map<string, RunState>();
  private readonly records = new Map<string, PassRecord[]>();
  private allChanges: ProposedChange[] = [];

  createRun(run: RunState): void {
    if (this.runs.has(run.id)) throw new Error(`run ${run.id} exists`);
    this.runs.set(run.id, copy(run));
  }

  getRun(id: string): RunState | null {
    const run = this.runs.get(id);
    return run ? copy(run) : null;
  }

  updateRun(id: string, update: RunUpdate): void {
    const run = this.runs.get(id);
    if (!run) throw new Error(`no run ${id}`);
    this.runs.set(id, { ...run, ...copy(update), updatedAt: new Date().toISOString() });
  }

  recordPass(record: PassRecord, changes: ProposedChange[], run: RunUpdate): void {
    const records = (this.records.get(record.runId) ?? []).filter(
      (r) => r.passIndex !== record.passIndex,
    );
    records.push(copy(record));
    records.sort((a, b) => a.passIndex - b.passIndex);
    this.records.set(record.runId, records);
    this.allChanges = this.allChanges.filter(
      (c) =>
        !(c.runId === record.runId && c.passIndex === record.passIndex && c.status === 'proposed'),
    );
    this.allChanges.push(...copy(changes));
    this.updateRun(record.runId, run);
  }

  passRecords(runId: string): PassRecord[] {
    return copy(this.records.get(runId) ?? []);
  }

  changes(runId: string): ProposedChange[] {
    return copy(
      this.allChanges.filter((c) => c.runId === runId).sort((a, b) => a.passIndex - b.passIndex),
    );
  }

  getChange(id: string): ProposedChange | null {
    const change = this.allChanges.find((c) => c.id === id);
    return change ? copy(change) : null;
  }

  setEscalations(runId: string, escalations: Record<string, EscalationTier>): void {
    const run = this.runs.get(runId);
    if (!run) throw new Error(`no run ${runId}`);
    this.runs.set(runId, { ...run, escalations: copy(escalations) });
  }

  decideChange(id: string, status: ChangeStatus, decidedAt: string): void {
    const change = this.allChanges.find((c) => c.id === id);
    if (!change) throw new Error(`no change ${id}`);
    change.status = status;
    change.decidedAt = decidedAt;
  }
}
