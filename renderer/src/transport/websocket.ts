// The browser transport: the same contract over the web host's WebSocket. The session cookie
// set by the host authenticates the socket; the page never sees the token.
import type { CairnApi, Result, ServerMessage } from '../../../electron/ipc/contract.ts';

export type ConnectionState = 'connecting' | 'open' | 'closed';

interface Pending {
  resolve(result: Result<unknown>): void;
}

export function websocketApi(
  url: string,
  onState: (state: ConnectionState) => void = () => {},
): CairnApi {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const listeners = new Map<number, (event: unknown) => void>();
  const outbox: string[] = [];
  const subscriptions = new Map<number, string>();

  const connect = () => {
    onState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      onState('open');
      // Subscriptions survive a reconnect; queued calls go out now.
      for (const message of subscriptions.values()) ws.send(message);
      for (const message of outbox.splice(0)) ws.send(message);
    };
    ws.onmessage = (e) => {
      const message = JSON.parse(String(e.data)) as ServerMessage;
      if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      } else if (message.type === 'event') {
        listeners.get(message.id)?.(message.event);
      } else {
        console.error('Cairn host error:', message.error.message);
      }
    };
    ws.onclose = () => {
      onState('closed');
      for (const [id, p] of pending) {
        p.resolve({
          ok: false,
          error: { code: 'transport', message: 'Lost the connection to the Cairn host. Retrying…' },
        });
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };

  const send = (message: string) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(message);
    else outbox.push(message);
  };

  connect();

  return {
    invoke(channel, input) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        send(JSON.stringify({ type: 'invoke', id, channel, input }));
      });
    },
    subscribe(channel, input, onEvent) {
      const id = nextId++;
      const message = JSON.stringify({ type: 'subscribe', id, channel, input });
      listeners.set(id, onEvent as (event: unknown) => void);
      subscriptions.set(id, message);
      pending.set(id, {
        resolve: (result) => {
          if (!result.ok) onEvent({ type: 'error', error: result.error } as never);
        },
      });
      send(message);
      return () => {
        listeners.delete(id);
        subscriptions.delete(id);
        send(JSON.stringify({ type: 'unsubscribe', id }));
      };
    },
  };
}
