import type { Command } from '../command.ts';
import { diffRefsCommand } from './diff-refs.ts';
import { driftCommand } from './drift.ts';
import { serveCommand } from './serve.ts';

/** Every `cairn` command; `cairn --help` lists them in this order. */
export const COMMANDS: readonly Command[] = [driftCommand, diffRefsCommand, serveCommand];
