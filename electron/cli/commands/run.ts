import path from 'node:path';
import { parseCommandArgs, parseFormat, UsageError, type CliIo, type Command } from '../command.ts';
import { driveRun } from '../drive-run.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { estimateLines } from '../run-report.ts';
import { openWorkflowSession } from '../workflow-session.ts';

const HELP = `Usage: cairn run <workflow> [options]
       cairn run --resume <run-id> [options]

Runs a workflow's passes over the workspace in this folder (or --workspace DIR) on this
machine. Before it starts it prints an estimate (tokens, time, money). Each pass's output
is a proposed change to files: nothing is written until you accept it (or pass --accept).
A run stops at a human gate and continues with \`cairn runs approve\`; a run that was
interrupted (Ctrl-C, a crash) continues from its last finished pass with --resume.

Built-in workflows: prd-draft, new-feature, bugfix, docs-update, spec-review; a team adds
or overrides them in .cairn/workflows/*.yaml.

Options:
  --workspace DIR       the workspace (default: the current folder)
  --item ID             the work item the run belongs to (cairn items)
  --model ID            the on-device model for model passes (cairn models list)
  --estimate            print the estimate and stop
  --accept              accept each proposed change as soon as its pass finishes
  --yes                 approve human gates with the recommended answers
  --over-budget         start even when the estimate goes over the workflow's budget
  --escalate PASS=TIER  send a pass to the hosted or cloud model for this run (it still
                        waits for your consent: cairn consent)
  --resume RUN          continue an interrupted run
  --format text|json    output format (default: text)
  --data-dir DIR        where Cairn keeps its database (default: $CAIRN_DATA_DIR, then the
                        user data folder)

Exit codes: 0 the run completed; 1 it waits at a gate (approval, or a failed automatic
criterion); 2 usage error; 3 a pass failed (the reason is printed; earlier results are kept);
130 interrupted (continue with --resume).`;

async function run(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(argv, {
    workspace: { type: 'string' },
    item: { type: 'string' },
    model: { type: 'string' },
    estimate: { type: 'boolean' },
    accept: { type: 'boolean' },
    yes: { type: 'boolean' },
    'over-budget': { type: 'boolean' },
    resume: { type: 'string' },
    escalate: { type: 'string', multiple: true },
    format: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  const json = parseFormat(values.format) === 'json';
  if (values.resume === undefined && positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'name the workflow to run'
        : `one workflow at a time, got '${positionals.join(' ')}'`,
    );
  }
  if (values.resume !== undefined && positionals.length > 0) {
    throw new UsageError('--resume continues an existing run; do not name a workflow with it');
  }
  const session = openWorkflowSession(values['data-dir'], io);
  try {
    const drive = { autoAccept: values.accept ?? false, yes: values.yes ?? false, json };
    if (values.resume !== undefined) {
      const existing = session.workflows.requireRun(values.resume);
      if (existing.status === 'deferred') session.workflows.engineFor(existing).resume(existing.id);
      const approvable = existing.status === 'waiting' && drive.yes;
      if (existing.status !== 'running' && existing.status !== 'deferred' && !approvable) {
        io.err(
          `Run ${existing.id} is ${existing.status}, not interrupted.` +
            (existing.status === 'waiting'
              ? ` Approve it with: cairn runs approve ${existing.id}`
              : ''),
        );
        return EXIT.failure;
      }
      return await driveRun(session, existing.id, io, drive);
    }
    const start = {
      workspaceRoot: path.resolve(values.workspace ?? io.cwd),
      workflowId: positionals[0]!,
      itemId: values.item ?? null,
      modelId: values.model ?? null,
    };
    const { estimate, overruns } = await session.workflows.estimate(start);
    if (values.estimate) {
      if (json) io.out(JSON.stringify({ estimate, overruns }, null, 2));
      else for (const line of estimateLines(start.workflowId, estimate)) io.out(line);
      for (const o of overruns) io.err(`over budget: ${o}`);
      return EXIT.ok;
    }
    for (const line of estimateLines(start.workflowId, estimate)) io.err(line);
    const escalations: Record<string, 'hosted' | 'cloud'> = {};
    for (const entry of values.escalate ?? []) {
      const [passId, tier = 'hosted'] = entry.split('=');
      if (!passId || (tier !== 'hosted' && tier !== 'cloud')) {
        throw new UsageError(`--escalate takes PASS=hosted or PASS=cloud, got '${entry}'`);
      }
      escalations[passId] = tier;
    }
    const created = await session.workflows.start({
      ...start,
      overBudget: values['over-budget'],
      escalations,
    });
    io.err(`Run ${created.id} started.`);
    return await driveRun(session, created.id, io, drive);
  } finally {
    session.close();
  }
}

export const runCommand: Command = {
  name: 'run',
  summary:
    'Run a workflow (prd-draft, new-feature, bugfix, docs-update, spec-review) on this machine',
  help: HELP,
  run,
};
