// A real git server on 127.0.0.1 for tests: Debian's `git http-backend` behind node:http with
// HTTP basic auth against one token (git-http-server-process.mjs, in its own process). Faults
// can be switched on to cut a push or a fetch part-way, or to stop answering. Test-only:
// Cairn itself never runs git.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { git } from './native-git.ts';

export interface Faults {
  /** Destroy the connection once this many bytes of a push (receive-pack POST) arrived. */
  cutPushAfterBytes?: number;
  /** Destroy the connection once this many bytes of a fetch (upload-pack POST) answer went out. */
  cutFetchAfterBytes?: number;
  /** Accept requests and never answer them. */
  hang?: boolean;
}

export interface RequestEntry {
  method: string;
  path: string;
  /** The user that authenticated, or null. */
  user: string | null;
  /** The HTTP status, or -1 when the connection was cut. */
  status: number;
  ms: number;
}

export interface GitServer {
  port: number;
  /** The clone URL of `name` (a bare repository under the server root). */
  url(name: string): string;
  /** Creates a bare repository `name` on the server, optionally seeded from a working copy. */
  createRepo(name: string, options?: { from?: string; branch?: string }): string;
  setFaults(faults: Faults): Promise<void>;
  /**
   * Process ids of the CGIs serving this server's repositories now (Linux: read from /proc);
   * null where that cannot be known.
   */
  runningBackends(): number[] | null;
  requests: RequestEntry[];
  close(): Promise<void>;
}

export const TEST_USER = 'x-access-token';
const SCRIPT = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'git-http-server-process.mjs',
);

export async function startGitServer(root: string, token: string, port = 0): Promise<GitServer> {
  fs.mkdirSync(root, { recursive: true });
  const child: ChildProcess = fork(SCRIPT, [root, token, String(port)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  const requests: RequestEntry[] = [];
  let acks: (() => void)[] = [];
  const bound = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the test git server exited with ${code}`)));
    child.on('message', (message: { type: string; port?: number; entry?: RequestEntry }) => {
      if (message.type === 'listening') resolve(message.port as number);
      else if (message.type === 'request') requests.push(message.entry as RequestEntry);
      else if (message.type === 'ack') {
        const waiting = acks;
        acks = [];
        for (const done of waiting) done();
      }
    });
  });
  child.removeAllListeners('exit');
  return {
    port: bound,
    requests,
    url: (name) => `http://127.0.0.1:${bound}/${name}.git`,
    createRepo(name, options = {}) {
      const bare = path.join(root, `${name}.git`);
      if (fs.existsSync(bare)) return bare;
      if (options.from) {
        git(root, 'clone', '--quiet', '--bare', options.from, bare);
      } else {
        git(
          root,
          'init',
          '--quiet',
          '--bare',
          `--initial-branch=${options.branch ?? 'main'}`,
          bare,
        );
      }
      git(bare, 'config', 'http.receivepack', 'true');
      // No `git gc --auto` after every push: a process per push the tests do not need.
      git(bare, 'config', 'receive.autogc', 'false');
      return bare;
    },
    runningBackends: () => processesWithEnv(`GIT_PROJECT_ROOT=${root}`),
    setFaults(faults) {
      return new Promise((resolve) => {
        acks.push(resolve);
        child.send({ type: 'faults', faults });
      });
    },
    close() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      });
    },
  };
}

/** Processes whose environment holds `entry` exactly; null without a readable /proc. */
function processesWithEnv(entry: string): number[] | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  return pids
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(entry);
      } catch {
        return false; // gone, or not ours to read
      }
    })
    .map(Number);
}
