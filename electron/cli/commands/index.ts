import type { Command } from '../command.ts';

// Each command's module loads only when that command runs (or its help is shown): `cairn lint`
// then starts without the model SDKs, SQLite, git and the workflow engine, which the other
// commands pull in. The bundle (scripts/build-main.mjs) splits along these imports.
const LOADERS = {
  lint: async () => (await import('./lint.ts')).lintCommand,
  diff: async () => (await import('./diff.ts')).diffCommand,
  drift: async () => (await import('./drift.ts')).driftCommand,
  run: async () => (await import('./run.ts')).runCommand,
  runs: async () => (await import('./runs.ts')).runsCommand,
  items: async () => (await import('./items.ts')).itemsCommand,
  serve: async () => (await import('./serve.ts')).serveCommand,
  models: async () => (await import('./models.ts')).modelsCommand,
  replay: async () => (await import('./replay.ts')).replayCommand,
  rerun: async () => (await import('./rerun.ts')).rerunCommand,
  'export-traces': async () => (await import('./export-traces.ts')).exportTracesCommand,
  providers: async () => (await import('./providers.ts')).providersCommand,
  consent: async () => (await import('./consent.ts')).consentCommand,
  budgets: async () => (await import('./budgets.ts')).budgetsCommand,
} satisfies Record<string, () => Promise<Command>>;

/** Loads the named command; undefined when there is no such command. */
export function loadCommand(name: string): Promise<Command> | undefined {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name as keyof typeof LOADERS]() : undefined;
}

/** Every `cairn` command, in the order `cairn --help` lists them (loads them all). */
export function loadCommands(): Promise<Command[]> {
  return Promise.all(Object.values(LOADERS).map((load) => load()));
}
