import http from 'node:http';
import path from 'node:path';
import { WebSocket } from 'ws';
import type { Result, ServerMessage } from '../../electron/ipc/contract.ts';
import { createDispatcher } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { Core } from '../../electron/services/core.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { SAMPLE_WORKSPACE, tempDir } from './temp-dir.ts';

export const RENDERER_DIST = path.resolve('dist/renderer');

/** A real web host over a real core (SQLite in a temp folder), on the sample workspace by default. */
export async function startTestHost(
  staticDir = RENDERER_DIST,
  workspace = SAMPLE_WORKSPACE,
): Promise<{ host: WebHost; core: Core }> {
  const core = new Core({
    dataDir: tempDir('cairn-data-'),
    host: 'web',
    version: '0.0.0-test',
    workspace,
  });
  const host = await startWebHost({
    dispatcher: createDispatcher(createHandlers(core)),
    staticDir,
  });
  return { host, core };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A plain HTTP GET that can set any header (fetch forbids Host). */
export function get(
  port: number,
  pathname: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

/** Opens the host's socket; resolves with the socket or rejects with the HTTP status. */
export function openSocket(
  port: number,
  options: { origin?: string; token?: string; cookie?: string } = {},
) {
  const url = `ws://127.0.0.1:${port}/ws${options.token ? `?token=${options.token}` : ''}`;
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  const ws = new WebSocket(url, { origin: options.origin, headers });
  return new Promise<WebSocket>((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Sends one raw frame and waits for the next message. */
export function exchange(ws: WebSocket, frame: string): Promise<ServerMessage> {
  return new Promise((resolve) => {
    ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as ServerMessage));
    ws.send(frame);
  });
}

export async function invoke(
  ws: WebSocket,
  id: number,
  channel: string,
  input: unknown,
): Promise<Result<unknown>> {
  const reply = await exchange(ws, JSON.stringify({ type: 'invoke', id, channel, input }));
  if (reply.type !== 'result' || reply.id !== id)
    throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
  return reply.result;
}
