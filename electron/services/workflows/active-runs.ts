// The runs this process is driving right now, for the UI: each is driven in the background
// (so leaving the view, or a reload, does not stop it), watchers receive its engine events,
// and a stop raises the cancel flag — the model call in progress is cancelled, not waited for.
import type { RunEvent } from '../../../workflows/engine/engine.ts';
import type { RunState, RunStatus } from '../../../workflows/engine/run-state.ts';
import { driveRun } from './run-driver.ts';
import type { WorkflowsService } from './workflows-service.ts';

/** Engine events, and one more when this process stops driving a run (for whatever reason). */
export type ActiveRunEvent =
  RunEvent | { type: 'drive-ended'; runId: string; status: RunStatus | null; error: string | null };

interface Drive {
  signal: { aborted: boolean };
  done: Promise<void>;
}

export class ActiveRuns {
  private readonly drives = new Map<string, Drive>();
  private readonly listeners = new Set<(event: ActiveRunEvent) => void>();

  constructor(
    private readonly workflows: () => WorkflowsService,
    private readonly log: (line: string) => void = () => {},
  ) {}

  isActive(runId: string): boolean {
    return this.drives.has(runId);
  }

  /** Starts driving the run in the background; a run already being driven is left as it is. */
  start(runId: string): void {
    if (this.drives.has(runId)) return;
    const signal = { aborted: false };
    const done = driveRun(this.workflows(), runId, {
      signal,
      onEvent: (event) => this.emit(event),
    }).then(
      (run: RunState) => this.ended(runId, run.status, run.error),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.log(`[runs] driving ${runId} stopped: ${message}`);
        this.ended(runId, null, message);
      },
    );
    this.drives.set(runId, { signal, done });
  }

  /** Raises the run's cancel flag and resolves once its drive has stopped. */
  async stop(runId: string): Promise<void> {
    const drive = this.drives.get(runId);
    if (!drive) return;
    drive.signal.aborted = true;
    await drive.done;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.drives.keys()].map((id) => this.stop(id)));
  }

  /** Every event of every run driven here, until the returned function is called. */
  watch(listener: (event: ActiveRunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private ended(runId: string, status: RunStatus | null, error: string | null): void {
    this.drives.delete(runId);
    this.emit({ type: 'drive-ended', runId, status, error });
  }

  private emit(event: ActiveRunEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log(`[runs] a watcher failed: ${String(error)}`);
      }
    }
  }
}
