import path from 'node:path';
import {
  BUDGET_SCOPES,
  BudgetKeyError,
  budgetKey,
  type BudgetScope,
} from '../../services/egress/budget-store.ts';
import { parseCommandArgs, parseFormat, UsageError, type CliIo, type Command } from '../command.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { openWorkflowSession } from '../workflow-session.ts';

const HELP = `Usage: cairn budgets [list]
       cairn budgets set <workspace|item|month> [KEY] [--soft N] [--hard N] [--block N]
       cairn budgets remove <workspace|item|month> [KEY]

Money limits for hosted and cloud models (local models cost nothing). Before each call its
most expensive outcome (the max-token bound) is reserved against every budget that covers it
and settled after at what it cost, so calls running at once cannot overrun a limit.
  soft   passing it is noted on the request and in the log
  hard   passing it needs your consent for that very request (approval for a run is not enough)
  block  nothing that would pass it is sent

KEY: the workspace folder (default: --workspace or the current folder), the work item ID, or
the month as YYYY-MM (default: this month).

Options:
  --workspace DIR      the workspace, for workspace budgets
  --currency CODE      default USD (the price table's currency)
  --format text|json   output format (default: text)
  --data-dir DIR       where Cairn keeps its database`;

function amount(value: string | undefined, flag: string): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(`${flag} takes an amount of money, 0 or more, got '${value}'`);
  return n;
}

async function run(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(argv, {
    soft: { type: 'string' },
    hard: { type: 'string' },
    block: { type: 'string' },
    workspace: { type: 'string' },
    currency: { type: 'string' },
    format: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  const [sub = 'list', scopeArg, keyArg] = positionals;
  const json = parseFormat(values.format) === 'json';
  if (!['list', 'set', 'remove'].includes(sub)) {
    throw new UsageError(`unknown subcommand '${sub}' (expected list, set, remove)`);
  }
  const session = openWorkflowSession(values['data-dir'], io);
  const { budgets } = session.escalation;
  try {
    if (sub === 'list') {
      const list = budgets.list();
      if (json) io.out(JSON.stringify(list, null, 2));
      else if (list.length === 0)
        io.out('No budgets set. `cairn budgets set month --block 20` sets one.');
      else
        for (const b of list) {
          const limit = (name: string, v: number | null) => (v === null ? '' : `  ${name} ${v}`);
          io.out(
            `${b.scope.padEnd(9)} ${b.key}: used ${b.used.toFixed(4)} ${b.currency}${limit('soft', b.soft)}${limit('hard', b.hard)}${limit('block', b.block)}`,
          );
        }
      return EXIT.ok;
    }
    if (!scopeArg || !(BUDGET_SCOPES as readonly string[]).includes(scopeArg)) {
      throw new UsageError(`budgets ${sub} takes a scope: ${BUDGET_SCOPES.join(', ')}`);
    }
    const scope = scopeArg as BudgetScope;
    let key: string;
    try {
      key = budgetKey(scope, keyArg, {
        workspaceRoot: path.resolve(values.workspace ?? io.cwd),
      });
    } catch (error) {
      if (error instanceof BudgetKeyError) throw new UsageError(error.message);
      throw error;
    }
    if (sub === 'remove') {
      budgets.remove(scope, key);
      io.out(`Removed the ${scope} budget ${key}.`);
      return EXIT.ok;
    }
    const budget = {
      scope,
      key,
      currency: values.currency ?? 'USD',
      soft: amount(values.soft, '--soft'),
      hard: amount(values.hard, '--hard'),
      block: amount(values.block, '--block'),
    };
    if (budget.soft === null && budget.hard === null && budget.block === null) {
      throw new UsageError('give at least one of --soft, --hard, --block');
    }
    budgets.set(budget);
    io.out(`Set the ${scope} budget ${budget.key}.`);
    return EXIT.ok;
  } finally {
    session.close();
  }
}

export const budgetsCommand: Command = {
  name: 'budgets',
  summary: 'Money limits for hosted and cloud models per workspace, work item and month',
  help: HELP,
  run,
};
