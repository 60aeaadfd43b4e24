import type { Command } from '../command.ts';
import { budgetsCommand } from './budgets.ts';
import { consentCommand } from './consent.ts';
import { diffCommand } from './diff.ts';
import { driftCommand } from './drift.ts';
import { itemsCommand } from './items.ts';
import { lintCommand } from './lint.ts';
import { modelsCommand } from './models.ts';
import { runCommand } from './run.ts';
import { runsCommand } from './runs.ts';
import { serveCommand } from './serve.ts';
import { replayCommand } from './replay.ts';
import { rerunCommand } from './rerun.ts';
import { exportTracesCommand } from './export-traces.ts';
import { providersCommand } from './providers.ts';

/** Every `cairn` command; `cairn --help` lists them in this order. */
export const COMMANDS: readonly Command[] = [
  lintCommand,
  diffCommand,
  driftCommand,
  runCommand,
  runsCommand,
  itemsCommand,
  serveCommand,
  modelsCommand,
  replayCommand,
  rerunCommand,
  exportTracesCommand,
  providersCommand,
  consentCommand,
  budgetsCommand,
];
