import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ExitCode } from './exit-codes.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Resolves when the user asks the command to stop (Ctrl-C, SIGTERM). */
  stopped: Promise<void>;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help text, shown by `cairn <name> --help`. */
  help: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

/** A usage mistake: printed with the command's help hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's flags and positionals; an unknown or malformed flag is a UsageError. */
export function parseCommandArgs<const O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `--format text|json` (text when absent); anything else is a usage error. */
export function parseFormat(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new UsageError(`--format must be text or json, got '${value}'`);
}
