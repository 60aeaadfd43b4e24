// The test git server's process: node:http in front of `git http-backend` (CGI) on 127.0.0.1,
// with HTTP basic auth against one token and switchable faults. It runs in its own small
// process (started by git-http-server.ts) because spawning a CGI from a large test process is
// slow, and so that server and client use both cores. Messages from the parent:
//   { type: 'faults', faults }  -> replies { type: 'ack' }
// Messages to the parent: { type: 'listening', port }, { type: 'request', entry }.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

const [root, token, portArg] = process.argv.slice(2);
let faults = {};
const children = new Set();
// The CGI itself, not `git http-backend`: git runs it as a child process, so killing git (a cut
// connection, the end of a test) would leave the CGI behind, spinning on a closed socket.
const BACKEND = path.join(
  execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(),
  'git-http-backend',
);

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const entry = { method: req.method ?? 'GET', path: url.pathname, user: null, status: 0, ms: 0 };
  const started = performance.now();
  res.on('finish', () => {
    entry.status = res.statusCode;
    entry.ms = performance.now() - started;
    process.send?.({ type: 'request', entry });
  });
  res.on('close', () => {
    if (!res.writableFinished) process.send?.({ type: 'request', entry: { ...entry, status: -1 } });
  });
  if (faults.hang) return; // accept, never answer
  const auth = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
  const [user, ...rest] = auth ? Buffer.from(auth[1], 'base64').toString().split(':') : [];
  const password = rest.join(':');
  if (!auth || password !== token) {
    // A careless server that echoes the credentials it was sent: Cairn must never pass this on.
    res.writeHead(401, {
      'WWW-Authenticate': 'Basic realm="cairn-test"',
      'Content-Type': 'text/plain',
    });
    res.end(auth ? `Bad credentials: ${user}:${password}\n` : 'Authentication required\n');
    req.resume();
    return;
  }
  entry.user = user ?? null;
  const env = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: root,
    REQUEST_METHOD: req.method,
    PATH_INFO: url.pathname,
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_USER: user,
    REMOTE_ADDR: '127.0.0.1',
  };
  if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length'];
  if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = req.headers['content-encoding'];
  if (req.headers['git-protocol']) env.GIT_PROTOCOL = String(req.headers['git-protocol']);
  const child = spawn(BACKEND, [], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.on('error', () => res.destroy());
  child.stdin.on('error', () => {});
  const isPush = url.pathname.endsWith('/git-receive-pack');
  const isFetch = url.pathname.endsWith('/git-upload-pack') && req.method === 'POST';
  let received = 0;
  req.on('data', (chunk) => {
    received += chunk.length;
    const cut = faults.cutPushAfterBytes;
    if (isPush && cut !== undefined && received >= cut) {
      // The connection drops mid-push: the server sees part of the pack, then nothing.
      child.stdin.write(chunk.subarray(0, chunk.length - (received - cut)));
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
  child.stdout.on('data', (data) => {
    let chunk = data;
    if (!headersSent) {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headers = {};
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
    const cut = faults.cutFetchAfterBytes;
    if (isFetch && cut !== undefined && sent + chunk.length >= cut) {
      // The server goes away mid-fetch, part of the pack sent.
      res.write(chunk.subarray(0, Math.max(0, cut - sent)));
      child.kill('SIGKILL');
      res.socket?.destroy();
      return;
    }
    sent += chunk.length;
    res.write(chunk);
  });
  child.stdout.on('end', () => {
    if (!headersSent) res.writeHead(500);
    res.end();
  });
});

process.on('message', (message) => {
  if (message?.type === 'faults') {
    faults = message.faults ?? {};
    process.send?.({ type: 'ack' });
  }
});
process.on('disconnect', () => {
  for (const child of children) child.kill('SIGKILL');
  process.exit(0);
});

server.listen(Number(portArg ?? 0), '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: server.address().port });
});
