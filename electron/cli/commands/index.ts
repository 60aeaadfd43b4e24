import type { Command } from '../command.ts';
import { modelsCommand } from './models.ts';
import { serveCommand } from './serve.ts';

/** Every `cairn` command; `cairn --help` lists them in this order. */
export const COMMANDS: readonly Command[] = [serveCommand, modelsCommand];
