// The web host (`cairn serve`): the renderer and the contract over a WebSocket, on 127.0.0.1
// only, behind a random per-start token (as notebook servers do). The token arrives once in
// the URL and is then kept in an HttpOnly cookie, so the page never handles it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientMessageSchema, type ServerMessage } from '../ipc/contract.ts';
import type { Dispatcher } from '../ipc/dispatch.ts';
import { readStaticFile } from './static-files.ts';
import {
  allowedHosts,
  allowedOrigins,
  contentSecurityPolicy,
  cookieName,
  newToken,
  requestToken,
  sameToken,
} from './security.ts';

export const LOOPBACK = '127.0.0.1';
const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface WebHostOptions {
  dispatcher: Dispatcher;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const log = options.log ?? (() => {});
  let port = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const baseHeaders = {
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    };
    const deny = (status: number, message: string) => {
      res.writeHead(status, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(message);
    };
    if (!allowedHosts(port).has(req.headers.host ?? '')) {
      return deny(
        403,
        `Cairn serves only http://${LOOPBACK}:${port}/ (refused Host '${req.headers.host ?? ''}').`,
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(405, 'Only GET is served here.');
    const given = requestToken(req, url, port);
    if (!sameToken(token, given)) {
      return deny(
        401,
        'Cairn needs the token printed by `cairn serve`. Open the full URL it printed (…/?token=…).',
      );
    }
    if (url.searchParams.has('token')) {
      // Trade the URL token for a cookie and drop it from the address bar and history.
      url.searchParams.delete('token');
      res.writeHead(302, {
        ...baseHeaders,
        'Set-Cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      return res.end();
    }
    const file = readStaticFile(options.staticDir, url.pathname);
    if (!file) return deny(404, `Not found: ${url.pathname}`);
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': file.contentType,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const refuse = (status: string, why: string) => {
      log(`[web] refused WebSocket: ${why}`);
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${why}`,
      );
    };
    if (url.pathname !== '/ws') return refuse('404 Not Found', 'no such socket');
    if (!allowedHosts(port).has(req.headers.host ?? ''))
      return refuse('403 Forbidden', 'foreign Host');
    if (!allowedOrigins(port).has(req.headers.origin ?? '')) {
      return refuse('403 Forbidden', `origin '${req.headers.origin ?? '(none)'}' is not this host`);
    }
    if (!sameToken(token, requestToken(req, url, port)))
      return refuse('401 Unauthorized', 'missing or wrong token');
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.dispatcher));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serveSocket(ws: WebSocket, dispatcher: Dispatcher): void {
  const subscriptions = new Map<number, () => void>();
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  ws.on('message', async (data, isBinary) => {
    let raw: unknown;
    try {
      raw = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      raw = undefined;
    }
    const parsed = ClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      return send({
        type: 'error',
        error: {
          code: 'invalid_input',
          message: 'Malformed message: expected JSON {type, id, channel, input}.',
        },
      });
    }
    const message = parsed.data;
    if (message.type === 'invoke') {
      send({
        type: 'result',
        id: message.id,
        result: await dispatcher.invoke(message.channel, message.input),
      });
    } else if (message.type === 'subscribe') {
      subscriptions.get(message.id)?.();
      const started = dispatcher.subscribe(message.channel, message.input, (event) =>
        send({ type: 'event', id: message.id, event }),
      );
      if (started.ok) subscriptions.set(message.id, started.value.stop);
      send({
        type: 'result',
        id: message.id,
        result: started.ok ? { ok: true, value: null } : started,
      });
    } else {
      subscriptions.get(message.id)?.();
      subscriptions.delete(message.id);
    }
  });
  ws.on('close', () => {
    for (const stop of subscriptions.values()) stop();
    subscriptions.clear();
  });
}
