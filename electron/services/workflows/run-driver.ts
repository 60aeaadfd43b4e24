// Drives a run for every host: advances it until it finishes or stops at a gate (answering
// human gates with the recommended answers when asked to), and stops between or inside passes
// when the signal is raised — the run then stays `running`, interrupted, and resumes later.
import type { RunEvent } from '../../../workflows/engine/engine.ts';
import type { RunState } from '../../../workflows/engine/run-state.ts';
import type { WorkflowsService } from './workflows-service.ts';

export interface DriveOptions {
  signal?: { readonly aborted: boolean };
  /** Accept each proposed change as soon as its pass finishes (`cairn run --accept`). */
  autoAccept?: boolean;
  /** Approve human gates with the recommended answers (`cairn run --yes`). */
  approveGates?: boolean;
  onEvent?: (event: RunEvent) => void;
}

export async function driveRun(
  workflows: WorkflowsService,
  runId: string,
  options: DriveOptions = {},
): Promise<RunState> {
  const signal = options.signal ?? { aborted: false };
  const engine = workflows.engineFor(workflows.requireRun(runId), options.onEvent);
  for (;;) {
    const run = await engine.advance(runId, { signal, autoAccept: options.autoAccept ?? false });
    if (run.status !== 'waiting' || !options.approveGates || signal.aborted) return run;
    await engine.approve(runId);
  }
}
