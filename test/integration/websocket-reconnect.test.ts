// The browser transport over a dropped connection, against a recording host on 127.0.0.1: a
// job a subscription started (a drift run, a download) ends with an error the view can show and
// is never started again unasked; a feed (workspace.changes) is renewed and keeps reporting.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { ClientMessage } from '../../electron/ipc/contract.ts';
import { websocketApi, type ConnectionState } from '../../renderer/src/transport/websocket.ts';

interface Connection {
  socket: WebSocket;
  received: ClientMessage[];
}

let server: WebSocketServer;
let url: string;
const connections: Connection[] = [];
/** Whether the host refuses subscriptions (a closed workspace, say). */
let refuse = false;
const transports: { close(): void }[] = [];
const transport = (onState?: (state: ConnectionState) => void) => {
  const api = websocketApi(url, onState);
  transports.push(api);
  return api;
};
const globals = globalThis as { WebSocket?: unknown };
const original = globals.WebSocket;

beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
  server.on('connection', (socket) => {
    const connection: Connection = { socket, received: [] };
    connections.push(connection);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ClientMessage;
      connection.received.push(message);
      if (message.type === 'subscribe') {
        const result = refuse
          ? { ok: false, error: { code: 'not_found', message: 'No workspace is open.' } }
          : { ok: true, value: null };
        socket.send(JSON.stringify({ type: 'result', id: message.id, result }));
      }
    });
  });
  // The transport is the page's code: it uses the browser's WebSocket, here the ws client's.
  globals.WebSocket = WebSocket;
});

afterEach(() => {
  refuse = false;
  for (const t of transports.splice(0)) t.close();
  for (const c of connections.splice(0)) c.socket.terminate();
});

afterAll(async () => {
  globals.WebSocket = original;
  await new Promise((resolve) => server.close(resolve));
});

/** vi.waitUntil, naming what did not happen when it times out. */
function until<T>(probe: () => T | undefined | false, what: string): Promise<T> {
  return vi.waitUntil(probe, { timeout: 10_000, interval: 20 }).catch(() => {
    throw new Error(`Timed out waiting for ${what}`);
  }) as Promise<T>;
}

const subscribes = (c: Connection | undefined) =>
  (c?.received ?? []).filter((m) => m.type === 'subscribe');

const event = (c: Connection, id: number, body: unknown) =>
  c.socket.send(JSON.stringify({ type: 'event', id, event: body }));

describe('the browser transport after a lost connection', () => {
  it('ends a running job with an error, never starts it again, and renews a feed', async () => {
    const api = transport();
    const jobEvents: unknown[] = [];
    const feedEvents: unknown[] = [];
    api.subscribe('drift.run', {}, (e) => jobEvents.push(e));
    api.subscribe('workspace.changes', {}, (e) => feedEvents.push(e));
    const first = await until(
      () => (subscribes(connections[0]).length === 2 ? connections[0] : undefined),
      'both subscriptions',
    );
    const [job, feed] = subscribes(first);
    event(first, job!.id, { type: 'progress', phase: 'history', done: 1, total: 4 });
    await until(() => jobEvents.length === 1, 'the first progress event');

    first.socket.terminate();
    const second = await until(
      () => (subscribes(connections[1]).length > 0 ? connections[1] : undefined),
      'the renewed feed',
    );
    expect(jobEvents).toHaveLength(2);
    expect(jobEvents[1]).toMatchObject({
      type: 'error',
      error: { code: 'transport', message: expect.stringContaining('Lost the connection') },
    });
    // Only the feed went out again, under the id the view listens on.
    expect(subscribes(second)).toEqual([feed]);
    event(second, feed!.id, { type: 'changed', paths: ['specs/a/requirements.md'] });
    await until(() => feedEvents.length === 1, 'the feed event after the reconnect');
    // The job's late events (from a host that kept it) reach nobody.
    event(second, job!.id, { type: 'progress', phase: 'history', done: 2, total: 4 });
    await new Promise((r) => setTimeout(r, 100));
    expect(jobEvents).toHaveLength(2);
    expect(feedEvents).toEqual([{ type: 'changed', paths: ['specs/a/requirements.md'] }]);
  });

  it('sends a job started while disconnected once, when the connection is back', async () => {
    let state: ConnectionState = 'connecting';
    const api = transport((s) => (state = s));
    await until(() => connections[0], 'the connection');
    connections[0]!.socket.terminate();
    await until(() => state === 'closed', 'the transport to see the connection close');
    // Asked while the transport waits to reconnect: it waits in the outbox, not lost.
    const events: unknown[] = [];
    api.subscribe('workspace.scan', {}, (e) => events.push(e));
    const second = await until(
      () => (subscribes(connections[1]).length > 0 ? connections[1] : undefined),
      'the queued scan',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(subscribes(second).map((m) => m.type === 'subscribe' && m.channel)).toEqual([
      'workspace.scan',
    ]);
    expect(events).toEqual([]);
  });

  it('forgets a job stopped before the connection came back: the host never hears of it', async () => {
    let state: ConnectionState = 'connecting';
    const api = transport((s) => (state = s));
    await until(() => connections[0], 'the connection');
    connections[0]!.socket.terminate();
    await until(() => state === 'closed', 'the transport to see the connection close');
    const stop = api.subscribe('drift.run', {}, () => {});
    stop();
    api.subscribe('workspace.scan', {}, () => {});
    const second = await until(
      () => (subscribes(connections[1]).length > 0 ? connections[1] : undefined),
      'the reconnect',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(second.received.map((m) => m.type === 'subscribe' && m.channel)).toEqual([
      'workspace.scan',
    ]);
  });

  it('passes on a refusal to renew a feed as an error event', async () => {
    const api = transport();
    const events: unknown[] = [];
    api.subscribe('workspace.changes', {}, (e) => events.push(e));
    await until(() => subscribes(connections[0]).length === 1, 'the feed');
    refuse = true;
    connections[0]!.socket.terminate();
    await until(() => events.length === 1, 'the refusal');
    expect(events[0]).toMatchObject({
      type: 'error',
      error: { code: 'not_found', message: 'No workspace is open.' },
    });
  });
});
