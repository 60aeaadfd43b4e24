// How the app starts the inference worker process. This is the seam between the model runtime
// and its host:
// - nodeWorkerLauncher (here) forks worker.ts with Node's child_process, for the CLI, the web
//   host and the tests; TypeScript sources run through tsx, as bin/cairn.mjs does.
// - The Electron shell supplies its own WorkerLauncher built on `utilityProcess.fork(entry)`
//   (electron/main/, which native-models/ may not import): `postMessage` for send, the
//   'message' and 'exit' events, `kill()`. The worker side needs nothing more: worker-port.ts
//   already speaks `process.parentPort`.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerRequestInput } from './protocol.ts';

export interface WorkerExit {
  code: number | null;
  signal: string | null;
}

export interface WorkerProcess {
  readonly pid: number | undefined;
  send(message: WorkerRequestInput): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: WorkerExit) => void): void;
  /** Output the worker wrote outside the protocol (a native crash message, say). */
  onOutput(listener: (text: string) => void): void;
  /** While idle, the worker must not keep a CLI process alive; while busy, it must. */
  setBusy(busy: boolean): void;
  kill(signal?: NodeJS.Signals): void;
}

export type WorkerLauncher = () => WorkerProcess;

/**
 * The worker's entry file next to this one (TypeScript in a checkout). Computed on use, not at
 * import: a CommonJS bundle (Electron's main process) has no import.meta.url, and there the
 * shell passes its own launcher instead (ModelsServiceOptions.launcher).
 */
export function defaultWorkerEntry(): string {
  const here = import.meta.url as string | undefined;
  if (!here) {
    throw new Error(
      'This build of Cairn cannot locate the inference worker by itself (no import.meta.url in a CommonJS bundle). ' +
        'The host must pass a WorkerLauncher, such as one built on Electron’s utilityProcess.fork.',
    );
  }
  // Sources in a checkout; the bundled CLI (dist/cli/) ships the worker bundled beside it.
  const source = fileURLToPath(new URL('./worker.ts', here));
  return fs.existsSync(source) ? source : fileURLToPath(new URL('./inference-worker.mjs', here));
}

function tsxExecArgv(entry: string): string[] {
  if (!entry.endsWith('.ts')) return [];
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(tsx).href];
}

export interface NodeWorkerOptions {
  entry?: string;
  /** Extra flags for the worker's Node (tsx is added for a .ts entry). */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

export function nodeWorkerLauncher(options: NodeWorkerOptions = {}): WorkerLauncher {
  return () => {
    const entry = options.entry ?? defaultWorkerEntry();
    const child: ChildProcess = fork(entry, [], {
      execArgv: [...tsxExecArgv(entry), ...(options.execArgv ?? [])],
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const streams = [child.stdout, child.stderr].filter((s): s is Readable => s !== null);
    const handles = () => [
      child,
      child.channel,
      ...streams.map((s) => s as unknown as { ref?: () => void; unref?: () => void }),
    ];
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code, signal) => listener({ code, signal })),
      onOutput: (listener) => {
        for (const stream of streams)
          stream.on('data', (data: Buffer) => listener(data.toString()));
      },
      setBusy: (busy) => {
        for (const handle of handles()) {
          if (busy) handle?.ref?.();
          else handle?.unref?.();
        }
      },
      kill: (signal) => {
        child.kill(signal);
      },
    };
  };
}
