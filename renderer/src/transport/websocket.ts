// The browser transport: the same contract over the web host's WebSocket. The session cookie
// set by the host authenticates the socket; the page never sees the token.
import type { CairnApi, Result, ServerMessage } from '../../../electron/ipc/contract.ts';
import { FEED_CHANNELS } from '../../../electron/ipc/contract/feeds.ts';

export type ConnectionState = 'connecting' | 'open' | 'closed';

interface Pending {
  resolve(result: Result<unknown>): void;
}

interface Subscription {
  message: string;
  /** A feed is renewed after a reconnect; a job is ended with an error (feeds.ts). */
  feed: boolean;
  onEvent(event: unknown): void;
  /** The host's answer to the subscribe message: a refusal reaches onEvent as an error event. */
  acknowledged(result: Result<unknown>): void;
}

const FEEDS = new Set<string>(FEED_CHANNELS);

const LOST_JOB =
  'Lost the connection to the Cairn host while this was running, so the host stopped it. Start it again once the connection is back.';

export function websocketApi(
  url: string,
  onState: (state: ConnectionState) => void = () => {},
): CairnApi & { close(): void } {
  let socket: WebSocket | null = null;
  let closed = false;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const outbox: string[] = [];
  const subscriptions = new Map<number, Subscription>();

  const connect = () => {
    onState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      onState('open');
      // Feeds are renewed; queued calls and subscriptions go out now.
      const queued = outbox.splice(0);
      for (const [id, subscription] of subscriptions) {
        if (!subscription.feed || queued.includes(subscription.message)) continue;
        pending.set(id, { resolve: subscription.acknowledged });
        ws.send(subscription.message);
      }
      for (const message of queued) ws.send(message);
    };
    ws.onmessage = (e) => {
      const message = JSON.parse(String(e.data)) as ServerMessage;
      if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      } else if (message.type === 'event') {
        subscriptions.get(message.id)?.onEvent(message.event);
      } else {
        console.error('Cairn host error:', message.error.message);
      }
    };
    ws.onclose = () => {
      onState('closed');
      // The host stopped every job of this connection (those still in the outbox never left).
      for (const [id, subscription] of subscriptions) {
        if (outbox.includes(subscription.message)) continue;
        pending.delete(id);
        if (subscription.feed) continue; // renewed on open, acknowledged again then
        subscriptions.delete(id);
        subscription.onEvent({ type: 'error', error: { code: 'transport', message: LOST_JOB } });
      }
      for (const [id, p] of pending) {
        p.resolve({
          ok: false,
          error: { code: 'transport', message: 'Lost the connection to the Cairn host. Retrying…' },
        });
        pending.delete(id);
      }
      if (closed) return;
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
    /** Closes the connection for good: no reconnect (a page being torn down, a test). */
    close() {
      closed = true;
      socket?.close();
    },
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
      const subscription: Subscription = {
        message,
        feed: FEEDS.has(channel),
        onEvent: onEvent as (event: unknown) => void,
        acknowledged: (result) => {
          if (!result.ok) onEvent({ type: 'error', error: result.error } as never);
        },
      };
      subscriptions.set(id, subscription);
      pending.set(id, { resolve: subscription.acknowledged });
      send(message);
      return () => {
        subscriptions.delete(id);
        pending.delete(id);
        // Never sent (asked for while disconnected): nothing to stop on the host.
        const queued = outbox.indexOf(message);
        if (queued >= 0) outbox.splice(queued, 1);
        else send(JSON.stringify({ type: 'unsubscribe', id }));
      };
    },
  };
}
