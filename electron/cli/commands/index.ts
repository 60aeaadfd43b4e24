import type { Command } from '../command.ts';
import { diffCommand } from './diff.ts';
import { driftCommand } from './drift.ts';
import { lintCommand } from './lint.ts';
import { modelsCommand } from './models.ts';
import { serveCommand } from './serve.ts';
import { replayCommand } from './replay.ts';
import { rerunCommand } from './rerun.ts';
import { exportTracesCommand } from './export-traces.ts';

/** Every `cairn` command; `cairn --help` lists them in this order. */
export const COMMANDS: readonly Command[] = [
  lintCommand,
  diffCommand,
  driftCommand,
  serveCommand,
  modelsCommand,
  replayCommand,
  rerunCommand,
  exportTracesCommand,
];
