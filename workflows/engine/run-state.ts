// The durable state of a run, and the port that stores it. Everything the engine needs to
// resume a run after a crash or a restart is here; nothing lives only in memory.
import type { WorkspaceInput } from '../specs/model.ts';
import type { WorkflowDefinition } from './definition.ts';
import type { GateState } from './gates.ts';
import type { FileChange, PassResult, WorkItemRef } from './pass.ts';

/**
 * `waiting`: at a human gate. `deferred`: a pass cannot finish yet (its request waits for
 * consent, or for the network) and runs again when it can. `blocked`: an automatic gate failed.
 */
export type RunStatus =
  'running' | 'waiting' | 'deferred' | 'blocked' | 'completed' | 'failed' | 'cancelled';

export type EscalationTier = 'hosted' | 'cloud';

export interface PassEstimate {
  passId: string;
  kind: 'deterministic' | 'model';
  inputTokens: number;
  /** The max-token bound: the most the pass can produce. */
  outputTokens: number;
  seconds: number;
  money: number;
}

export interface RunEstimate {
  passes: PassEstimate[];
  inputTokens: number;
  outputTokens: number;
  seconds: number;
  money: number;
  currency: string;
  /** How the numbers were obtained, in words (`tokens counted with the model's tokenizer`). */
  basis: string[];
}

export interface RunState {
  id: string;
  workflowId: string;
  /** The workflow as it was when the run started. */
  definition: WorkflowDefinition;
  item: WorkItemRef | null;
  workspaceRoot: string;
  /** The model ID model passes use; null for a run of deterministic passes only. */
  model: string | null;
  status: RunStatus;
  /** Index of the next pass to run; equals the pass count when all have run. */
  nextPass: number;
  error: string | null;
  estimate: RunEstimate | null;
  /** Passes sent to a stronger tier than their policy says, by pass ID. */
  escalations: Record<string, EscalationTier>;
  createdAt: string;
  updatedAt: string;
}

export interface PassRecord {
  runId: string;
  passIndex: number;
  passId: string;
  status: 'completed' | 'failed';
  result: PassResult | null;
  gate: GateState | null;
  error: string | null;
  startedAt: string;
  finishedAt: string;
}

export type ChangeStatus = 'proposed' | 'accepted' | 'rejected' | 'stale';

export interface ProposedChange extends FileChange {
  id: string;
  runId: string;
  passIndex: number;
  status: ChangeStatus;
  decidedAt: string | null;
}

export type RunUpdate = Pick<RunState, 'status' | 'nextPass' | 'error'>;

export interface RunStorePort {
  createRun(run: RunState): void;
  getRun(id: string): RunState | null;
  updateRun(id: string, update: RunUpdate): void;
  /**
   * One transaction: the pass record (replacing an earlier one for the same index), its
   * proposed changes (replacing the undecided ones of that pass), and the run's new state.
   */
  recordPass(record: PassRecord, changes: ProposedChange[], run: RunUpdate): void;
  passRecords(runId: string): PassRecord[];
  changes(runId: string): ProposedChange[];
  getChange(id: string): ProposedChange | null;
  decideChange(id: string, status: ChangeStatus, decidedAt: string): void;
  setEscalations(runId: string, escalations: Record<string, EscalationTier>): void;
}

/** The workspace folder, as the engine reads and writes it. */
export interface RepoPort {
  read(): Promise<WorkspaceInput>;
  readFile(path: string): Promise<string | null>;
  /** Atomic: readers see the old text or the new, never half. */
  writeFile(path: string, text: string): Promise<void>;
  /**
   * For each path whose working copy is exactly as committed: the commit (HEAD) and the
   * SHA-256 of its text. Paths with uncommitted changes, or outside git, are left out.
   */
  committed?(paths: readonly string[]): Promise<Map<string, { commit: string; sha256: string }>>;
}
