import type { CairnApi } from '../../../electron/ipc/contract.ts';
import { electronApi } from './ipc.ts';
import { websocketApi, type ConnectionState } from './websocket.ts';

/**
 * Chooses the transport once, at start-up: the Electron preload's API when present, the web
 * host's WebSocket otherwise. Nothing else in the UI knows which one it got.
 */
export function pickTransport(onState: (state: ConnectionState) => void): {
  api: CairnApi;
  kind: 'electron' | 'web';
} {
  const ipc = electronApi();
  if (ipc) {
    onState('open');
    return { api: ipc, kind: 'electron' };
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return { api: websocketApi(`${scheme}://${location.host}/ws`, onState), kind: 'web' };
}
