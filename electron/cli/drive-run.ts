// Drives a run from the command line: advances it with progress on stderr until it finishes or
// stops at a gate (answering human gates with the recommended answers under --yes), stops
// cleanly on Ctrl-C (the run resumes later), then prints where it stands.
import { driveRun as drive } from '../services/workflows/run-driver.ts';
import type { CliIo } from './command.ts';
import type { ExitCode } from './exit-codes.ts';
import { progressPrinter, runExitCode, stateLines } from './run-report.ts';
import type { WorkflowSession } from './workflow-session.ts';

export interface DriveOptions {
  autoAccept: boolean;
  yes: boolean;
  json: boolean;
}

export async function driveRun(
  session: WorkflowSession,
  runId: string,
  io: CliIo,
  options: DriveOptions,
): Promise<ExitCode> {
  const { workflows } = session;
  const signal = { aborted: false };
  void io.stopped.then(() => (signal.aborted = true));
  const run = await drive(workflows, runId, {
    signal,
    autoAccept: options.autoAccept,
    approveGates: options.yes,
    onEvent: progressPrinter(() => workflows.runs.getRun(runId), io),
  });
  const records = workflows.runs.passRecords(runId);
  const changes = workflows.runs.changes(runId);
  if (options.json) {
    io.out(JSON.stringify({ run, passes: records, changes }, null, 2));
  } else {
    for (const line of stateLines(run, records, changes)) io.out(line);
  }
  return runExitCode(run);
}
