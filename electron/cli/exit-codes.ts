/** Exit codes of `cairn`; documented in README.md ("Command line"). Scripts and CI gates rely on them. */
export const EXIT = {
  /** Success; for checking commands, nothing at or above the failing severity was found. */
  ok: 0,
  /** A checking command found problems (lint errors, new drift, …). */
  findings: 1,
  /** The command line was wrong: unknown command or flag, missing argument. */
  usage: 2,
  /** The command could not do its job: missing folder, unreadable database, port in use, … */
  failure: 3,
  /** Stopped by Ctrl-C (SIGINT). */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
