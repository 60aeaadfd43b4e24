import { unifiedDiff } from '../../../workflows/engine/change-diff.ts';
import { RunStatusSchema } from '../../../workflows/engine/run-schemas.ts';
import type { RunStatus } from '../../../workflows/engine/run-state.ts';
import { parseCommandArgs, parseFormat, UsageError, type CliIo, type Command } from '../command.ts';
import { driveRun } from '../drive-run.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { costLine } from '../output/cost-lines.ts';
import { stateLines } from '../run-report.ts';
import { openWorkflowSession } from '../workflow-session.ts';

const HELP = `Usage: cairn runs [subcommand] [options]

Workflow runs on this machine, and what they wait for.

Subcommands:
  list                         runs, newest first (the default)
  show <run>                   a run's passes, gates, questions and proposed changes
  changes <run> [--diff]       the changes a run proposes, with their diffs
  accept <run> [CHG-…]         write proposed changes to the files (all undecided ones when
                               none is named); a file edited since is merged, or the change is
                               marked stale
  reject <run> [CHG-…]         reject proposed changes (or, with none named, the gate the run
                               waits at, which cancels the run)
  approve <run> [--answer Q1=B]…  approve the gate the run waits at (unanswered questions take
                               the recommended answer), then go on with the next passes
  retry <run>                  run the failed or blocked pass again, then go on
  override <run>               go past a failed automatic gate, then go on
  escalate <run> <pass> [--tier hosted|cloud]
                               run the pass again on the hosted (default) or cloud model, for
                               this run (the request waits for your consent: cairn consent)
  cancel <run>                 stop a run for good

A run is named by its ID or a unique prefix (RUN-7KQ2).

Options:
  --item ID            list: only this work item's runs
  --status S           list: only runs in this state (running, waiting, blocked, completed,
                       failed, cancelled)
  --accept             approve/retry/override: accept changes as passes finish
  --yes                approve/retry/override: approve later gates with recommended answers
  --format text|json   output format (default: text)
  --data-dir DIR       where Cairn keeps its database

Exit codes: as \`cairn run\` for approve, retry and override; otherwise 0 ok, 2 usage error,
3 failure (unknown run or change, a change that no longer applies).`;

const SUBCOMMANDS = [
  'list',
  'show',
  'changes',
  'accept',
  'reject',
  'approve',
  'retry',
  'override',
  'escalate',
  'cancel',
] as const;
type Sub = (typeof SUBCOMMANDS)[number];
const STATUSES: readonly RunStatus[] = RunStatusSchema.options;

function parseAnswers(list: string[] | undefined): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const entry of list ?? []) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new UsageError(`--answer takes QUESTION=ANSWER (Q1=B), got '${entry}'`);
    answers[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return answers;
}

async function run(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(argv, {
    item: { type: 'string' },
    status: { type: 'string' },
    diff: { type: 'boolean' },
    answer: { type: 'string', multiple: true },
    accept: { type: 'boolean' },
    yes: { type: 'boolean' },
    tier: { type: 'string' },
    format: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  const [subArg = 'list', target, ...rest] = positionals;
  if (!(SUBCOMMANDS as readonly string[]).includes(subArg)) {
    throw new UsageError(`unknown subcommand '${subArg}' (expected ${SUBCOMMANDS.join(', ')})`);
  }
  const sub = subArg as Sub;
  if (sub !== 'list' && target === undefined) throw new UsageError(`runs ${sub} needs a run ID`);
  if (values.status !== undefined && !(STATUSES as readonly string[]).includes(values.status)) {
    throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, got '${values.status}'`);
  }
  const json = parseFormat(values.format) === 'json';
  const answers = parseAnswers(values.answer);
  const session = openWorkflowSession(values['data-dir'], io);
  const { workflows } = session;
  const print = (value: unknown, lines: () => string[]) => {
    if (json) io.out(JSON.stringify(value, null, 2));
    else for (const line of lines()) io.out(line);
  };
  try {
    if (sub === 'list') {
      const runs = workflows.runs.listRuns({
        status: values.status as RunStatus | undefined,
        workItemId: values.item?.toUpperCase(),
      });
      print(runs, () =>
        runs.length === 0
          ? ['No runs yet. Start one with `cairn run <workflow>`.']
          : runs.map(
              (r) =>
                `${r.id}  ${r.status.padEnd(9)}  ${r.workflowId.padEnd(12)}  pass ${Math.min(r.nextPass, r.definition.passes.length)}/${r.definition.passes.length}  ${r.item?.id ?? '-'}  ${r.updatedAt}`,
            ),
      );
      return EXIT.ok;
    }
    const current = workflows.requireRun(target!);
    const engine = workflows.engineFor(current);
    const drive = { autoAccept: values.accept ?? false, yes: values.yes ?? false, json };
    switch (sub) {
      case 'show': {
        const records = workflows.runs.passRecords(current.id);
        const changes = workflows.runs.changes(current.id);
        const byPass = session.records.totals('pass', { runId: current.id });
        const [runTotals] = session.records.totals('run', { runId: current.id });
        const costs = { passes: byPass, run: runTotals ?? null };
        print({ run: current, passes: records, changes, costs }, () => [
          ...current.definition.passes.flatMap((p, i) => {
            const r = records.find((x) => x.passIndex === i);
            const mark = !r
              ? i === current.nextPass
                ? 'next'
                : ''
              : r.status === 'failed'
                ? 'failed'
                : 'done';
            const line = `  ${String(i + 1).padStart(2)}. ${p.id.padEnd(16)} ${mark.padEnd(6)} ${r?.result?.summary ?? r?.error ?? ''}`;
            if (!r) return [line];
            const ms = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
            return [
              line,
              costLine(
                '        ',
                byPass.find((t) => t.key === p.id),
                ms,
              ),
            ];
          }),
          costLine('  Run total:', runTotals),
          ...stateLines(current, records, changes),
        ]);
        return EXIT.ok;
      }
      case 'changes': {
        const changes = workflows.runs.changes(current.id);
        print(changes, () =>
          changes.length === 0
            ? ['This run proposes no changes.']
            : changes.flatMap((c) => [
                `${c.id}  ${c.status.padEnd(8)}  ${c.path}: ${c.summary}`,
                ...(values.diff ? [unifiedDiff(c.path, c.before, c.after), ''] : []),
              ]),
        );
        return EXIT.ok;
      }
      case 'accept': {
        const outcome = await engine.acceptPending(current.id, {
          ...(rest.length > 0 ? { only: rest } : {}),
          onRefused: (_id, reason) => io.err(reason),
        });
        print(outcome, () => [
          `Accepted ${outcome.accepted.length} change(s)${outcome.accepted.length ? ': ' + outcome.accepted.join(', ') : ''}.`,
          ...(outcome.stale.length
            ? [
                `Not applied (the file changed in the same lines): ${outcome.stale.join(', ')}; re-run the pass or edit by hand.`,
              ]
            : []),
        ]);
        return outcome.stale.length > 0 ? EXIT.failure : EXIT.ok;
      }
      case 'reject': {
        if (rest.length > 0) {
          for (const id of rest) engine.rejectChange(id.toUpperCase());
          print({ rejected: rest }, () => [`Rejected ${rest.join(', ')}.`]);
          return EXIT.ok;
        }
        const after = engine.reject(current.id, 'rejected at the gate by the user');
        print(after, () => [`Run ${after.id}: ${after.status} (${after.error}).`]);
        return EXIT.ok;
      }
      case 'approve':
        await engine.approve(current.id, answers);
        return await driveRun(session, current.id, io, drive);
      case 'retry':
        engine.retry(current.id);
        return await driveRun(session, current.id, io, drive);
      case 'escalate': {
        const passId = rest[0];
        if (!passId) throw new UsageError('runs escalate needs the pass to escalate');
        const tier = values.tier ?? 'hosted';
        if (tier !== 'hosted' && tier !== 'cloud') {
          throw new UsageError(`--tier must be hosted or cloud, got '${tier}'`);
        }
        engine.escalate(current.id, passId, tier);
        return await driveRun(session, current.id, io, drive);
      }
      case 'override':
        engine.override(current.id);
        return await driveRun(session, current.id, io, drive);
      case 'cancel': {
        const after = engine.cancel(current.id);
        print(after, () => [`Run ${after.id}: ${after.status}.`]);
        return EXIT.ok;
      }
    }
  } finally {
    session.close();
  }
}

export const runsCommand: Command = {
  name: 'runs',
  summary: 'List workflow runs; show, approve, retry or cancel one; accept its proposed changes',
  help: HELP,
  run,
};
