// A real git server on 127.0.0.1 for tests: node:http in front of Debian's `git http-backend`
// (CGI), with HTTP basic auth checked against one token. Faults can be switched on to cut a
// push or a fetch part-way, or to stop answering. Test-only: Cairn itself never runs git.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { git } from './native-git.ts';

export interface Faults {
  /** Destroy the connection once this many bytes of a push (receive-pack POST) arrived. */
  cutPushAfterBytes?: number;
  /** Destroy the connection once this many bytes of a fetch (upload-pack POST) answer went out. */
  cutFetchAfterBytes?: number;
  /** Accept requests and never answer them. */
  hang?: boolean;
}

export interface GitServer {
  port: number;
  /** The clone URL of `name` (a bare repository under the server root). */
  url(name: string): string;
  /** Creates a bare repository `name` on the server, optionally seeded from a working copy. */
  createRepo(name: string, options?: { from?: string; branch?: string }): string;
  faults: Faults;
  /** Every request, as `METHOD path`, with the user that authenticated (or null). */
  requests: { method: string; path: string; user: string | null; status: number; ms: number }[];
  close(): Promise<void>;
}

export const TEST_USER = 'x-access-token';

export async function startGitServer(root: string, token: string, port = 0): Promise<GitServer> {
  fs.mkdirSync(root, { recursive: true });
  const children = new Set<ChildProcess>();
  const requests: GitServer['requests'] = [];
  const faults: Faults = {};
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      user: null as string | null,
      status: 0,
      ms: 0,
    };
    const started = performance.now();
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
      entry.ms = performance.now() - started;
    });
    if (faults.hang) return; // never answer
    const auth = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const [user, ...rest] = auth
      ? Buffer.from(auth[1] as string, 'base64')
          .toString()
          .split(':')
      : [];
    const password = rest.join(':');
    if (!auth || password !== token) {
      // A careless server that echoes what it was sent: Cairn must never pass this on.
      res.writeHead(401, {
        'WWW-Authenticate': 'Basic realm="cairn-test"',
        'Content-Type': 'text/plain',
      });
      res.end(auth ? `Bad credentials: ${user}:${password}\n` : 'Authentication required\n');
      req.resume();
      return;
    }
    entry.user = user ?? null;
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: root,
        REQUEST_METHOD: req.method,
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
        ...(req.headers['content-encoding']
          ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }
          : {}),
        ...(req.headers['git-protocol']
          ? { GIT_PROTOCOL: String(req.headers['git-protocol']) }
          : {}),
        REMOTE_USER: user,
        REMOTE_ADDR: '127.0.0.1',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    child.on('error', () => res.destroy());
    child.stdin.on('error', () => {});
    const isPush = url.pathname.endsWith('/git-receive-pack');
    const isFetch = url.pathname.endsWith('/git-upload-pack') && req.method === 'POST';
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (
        isPush &&
        faults.cutPushAfterBytes !== undefined &&
        received >= faults.cutPushAfterBytes
      ) {
        child.stdin.write(chunk.subarray(0, chunk.length - (received - faults.cutPushAfterBytes)));
        child.kill('SIGKILL');
        req.socket.destroy();
        return;
      }
      child.stdin.write(chunk);
    });
    req.on('end', () => child.stdin.end());
    let head = Buffer.alloc(0);
    let headersSent = false;
    let sent = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!headersSent) {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const headers: Record<string, string> = {};
        let status = 200;
        for (const line of head.subarray(0, end).toString().split('\r\n')) {
          const i = line.indexOf(':');
          const name = line.slice(0, i).trim();
          const value = line.slice(i + 1).trim();
          if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
          else headers[name] = value;
        }
        res.writeHead(status, headers);
        headersSent = true;
        chunk = head.subarray(end + 4);
      }
      if (isFetch && faults.cutFetchAfterBytes !== undefined) {
        const room = faults.cutFetchAfterBytes - sent;
        if (chunk.length >= room) {
          res.write(chunk.subarray(0, Math.max(0, room)));
          child.kill('SIGKILL');
          res.socket?.destroy();
          return;
        }
      }
      sent += chunk.length;
      res.write(chunk);
    });
    child.stdout.on('end', () => {
      if (!headersSent) {
        res.writeHead(500);
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    faults,
    requests,
    url: (name) => `http://127.0.0.1:${bound}/${name}.git`,
    createRepo(name, options = {}) {
      const bare = path.join(root, `${name}.git`);
      const branch = options.branch ?? 'main';
      if (fs.existsSync(bare)) return bare;
      if (options.from) {
        git(root, 'clone', '--quiet', '--bare', options.from, bare);
      } else {
        git(root, 'init', '--quiet', '--bare', `--initial-branch=${branch}`, bare);
      }
      git(bare, 'config', 'http.receivepack', 'true');
      return bare;
    },
    close() {
      for (const child of children) child.kill('SIGKILL');
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
