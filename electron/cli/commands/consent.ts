import type { EgressRequest } from '../../../native-models/routing/egress-ports.ts';
import { parseCommandArgs, parseFormat, UsageError, type CliIo, type Command } from '../command.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { openWorkflowSession } from '../workflow-session.ts';

const HELP = `Usage: cairn consent [list | show <request> | approve <request> [--for-run] | deny <request> | log]

Nothing leaves this machine for a hosted or cloud model until you have seen it and agreed.
A pass that wants to send waits here with the destination, the model, the exact body (after
redaction), the estimated tokens and cost, and the redaction report.

Subcommands:
  list                      requests waiting for your decision, or for the network (default)
  show <request>            everything about one request, the exact body included
  approve <request>         send this request (once); --for-run also approves the run's later
                            requests to the same provider and model
  deny <request>            never send it; the pass that wanted it fails with your reason
  log                       the egress log: everything that was ever sent, when, where, under
                            which consent, and the record of the call

After a decision, continue the run with \`cairn run --resume <run>\`.

Options:
  --run RUN            list, log: only this run's requests
  --format text|json   output format (default: text)
  --data-dir DIR       where Cairn keeps its database

Exit codes: 0 ok; 2 usage error; 3 unknown request, or one already decided.`;

function summary(r: EgressRequest): string[] {
  return [
    `${r.id}  ${r.status.padEnd(8)}  ${r.tier} ${r.providerId} ${r.model}  run ${r.runId ?? '-'} pass ${r.passId ?? '-'}`,
    `    to ${r.destination}`,
    `    why: ${r.reason}`,
    `    ~${r.estimate.inputTokens} input tokens, at most ${r.estimate.maxOutputTokens} output, at most ${r.estimate.maxCost.toFixed(4)} ${r.estimate.currency}`,
    ...r.estimate.budgetNotes.map((n) => `    budget: ${n}`),
    `    redacted: ${
      Object.entries(r.redaction.counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'nothing'
    }`,
    ...(r.error ? [`    ${r.error}`] : []),
  ];
}

async function run(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(argv, {
    run: { type: 'string' },
    'for-run': { type: 'boolean' },
    format: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  const [sub = 'list', target] = positionals;
  const needsTarget = ['show', 'approve', 'deny'];
  if (![...needsTarget, 'list', 'log'].includes(sub)) {
    throw new UsageError(`unknown subcommand '${sub}' (expected list, show, approve, deny, log)`);
  }
  if (needsTarget.includes(sub) && !target)
    throw new UsageError(`consent ${sub} needs a request ID`);
  const json = parseFormat(values.format) === 'json';
  const session = openWorkflowSession(values['data-dir'], io);
  const { egress } = session.escalation;
  const print = (value: unknown, lines: () => string[]) => {
    if (json) io.out(JSON.stringify(value, null, 2));
    else for (const line of lines()) io.out(line);
  };
  try {
    switch (sub) {
      case 'list': {
        const waiting = egress.list({ statuses: ['pending', 'approved'], runId: values.run });
        print(waiting, () =>
          waiting.length === 0
            ? ['Nothing waits to leave this machine.']
            : waiting.flatMap((r) => [...summary(r), '']),
        );
        return EXIT.ok;
      }
      case 'log': {
        const sent = egress.list({ statuses: ['sending', 'sent', 'failed'], runId: values.run });
        print(sent, () =>
          sent.length === 0
            ? ['Nothing has ever been sent from this machine to a model provider.']
            : sent.flatMap((r) => [
                `${r.sentAt ?? r.createdAt}  ${r.status}  ${r.providerId} ${r.model}  ${r.destination}`,
                `    request ${r.id}, consent ${r.consentId ?? '-'}, record ${r.callId ?? '-'}`,
              ]),
        );
        return EXIT.ok;
      }
      case 'show': {
        const r = egress.getRequest(target!);
        print(r, () => [
          ...summary(r),
          '    redaction report:',
          ...r.redaction.lines.map((l) => `      ${l}`),
          '    body (exactly as it will be sent):',
          ...JSON.stringify(r.body, null, 2)
            .split('\n')
            .map((l) => `      ${l}`),
        ]);
        return EXIT.ok;
      }
      default: {
        const decision =
          sub === 'deny' ? 'deny' : values['for-run'] ? 'approve-run' : 'approve-once';
        const consent = egress.decide(target!, decision);
        print(consent, () => [
          `${consent.decision} recorded as ${consent.id} for ${consent.requestId}.` +
            (consent.runId ? ` Continue the run with: cairn run --resume ${consent.runId}` : ''),
        ]);
        return EXIT.ok;
      }
    }
  } finally {
    session.close();
  }
}

export const consentCommand: Command = {
  name: 'consent',
  summary: 'See what waits to leave this machine for a hosted or cloud model; approve or deny it',
  help: HELP,
  run,
};
