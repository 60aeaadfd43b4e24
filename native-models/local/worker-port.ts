// The worker's side of the connection to the app. The same worker runs under two launchers:
// Node's child_process.fork (CLI, web host, tests), where messages go through process.send, and
// Electron's utilityProcess.fork (the desktop app), where they go through process.parentPort.
import type { WorkerReply } from './protocol.ts';

export interface ParentPort {
  send(message: WorkerReply): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called when the app goes away; the worker then exits instead of lingering. */
  onDisconnect(listener: () => void): void;
}

/** Electron's MessagePortMain-like `process.parentPort` in a utility process. */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function connectToParent(): ParentPort {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      send: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
      // Electron ends a utility process together with the app that forked it.
      onDisconnect: () => {},
    };
  }
  const send = process.send?.bind(process);
  if (!send) {
    throw new Error(
      'The Cairn inference worker must be started by Cairn (child_process.fork or Electron utilityProcess.fork); it cannot run on its own.',
    );
  }
  return {
    send: (message) => {
      if (process.connected) send(message);
    },
    onMessage: (listener) => process.on('message', listener),
    onDisconnect: (listener) => process.on('disconnect', listener),
  };
}
