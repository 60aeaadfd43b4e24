// A small HTTP server on 127.0.0.1 that serves one file with Range support, and can misbehave
// on purpose: cut the connection mid-file, ignore Range, answer 404, redirect, send slowly.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServePlan {
  /** Cut the connection after this many body bytes, for the first `cuts` requests. */
  cutAfterBytes?: number;
  cuts?: number;
  /** Answer every request with the whole file (200), as servers without Range support do. */
  ignoreRange?: boolean;
  /** Answer a Range request with 206 but the bytes from the start (a broken cache or proxy). */
  wrongRange?: boolean;
  /** Send the body in chunks of this size with a pause between them. */
  slowChunkBytes?: number;
  slowDelayMs?: number;
}

export interface SeenRequest {
  path: string;
  range: string | undefined;
  ifRange: string | undefined;
}

export interface ModelFileServer {
  url: (path?: string) => string;
  requests: SeenRequest[];
  plan: ServePlan;
  content: Buffer;
  close: () => Promise<void>;
}

export async function startModelFileServer(content: Buffer): Promise<ModelFileServer> {
  const state: { content: Buffer; plan: ServePlan; requests: SeenRequest[]; cutsDone: number } = {
    content,
    plan: {},
    requests: [],
    cutsDone: 0,
  };
  const etag = () => `"v-${state.content.length}-${state.content[state.content.length - 1]}"`;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    state.requests.push({
      path: url.pathname,
      range: req.headers.range,
      ifRange: req.headers['if-range'] as string | undefined,
    });
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: '/file' }).end();
      return;
    }
    if (url.pathname === '/to-elsewhere') {
      res.writeHead(302, { location: 'http://example.com/file' }).end();
      return;
    }
    if (url.pathname !== '/file') {
      res.writeHead(404, 'Not Found').end('no such file');
      return;
    }
    const data = state.content;
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRangeOk = !req.headers['if-range'] || req.headers['if-range'] === etag();
    if (range && !state.plan.ignoreRange && ifRangeOk) {
      start = state.plan.wrongRange ? 0 : Number(range[1]);
      if (start >= data.length) {
        res.writeHead(416, { 'content-range': `bytes */${data.length}` }).end();
        return;
      }
      res.writeHead(206, {
        'content-length': data.length - start,
        'content-range': `bytes ${start}-${data.length - 1}/${data.length}`,
        etag: etag(),
      });
    } else {
      res.writeHead(200, { 'content-length': data.length, etag: etag() });
    }
    let body = data.subarray(start);
    const plan = state.plan;
    if (plan.cutAfterBytes !== undefined && state.cutsDone < (plan.cuts ?? 1)) {
      state.cutsDone++;
      body = body.subarray(0, plan.cutAfterBytes);
      res.write(body, () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    if (plan.slowChunkBytes) {
      let offset = 0;
      const next = () => {
        if (res.destroyed) return;
        if (offset >= body.length) return void res.end();
        res.write(body.subarray(offset, offset + plan.slowChunkBytes!));
        offset += plan.slowChunkBytes!;
        setTimeout(next, plan.slowDelayMs ?? 10);
      };
      next();
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = '/file') => `http://127.0.0.1:${port}${path}`,
    get requests() {
      return state.requests;
    },
    set requests(value) {
      state.requests = value;
    },
    get plan() {
      return state.plan;
    },
    set plan(value) {
      state.plan = value;
      state.cutsDone = 0;
    },
    get content() {
      return state.content;
    },
    set content(value) {
      state.content = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
