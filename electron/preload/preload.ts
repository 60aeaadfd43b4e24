// Exposes the typed Cairn API and nothing else: no ipcRenderer, no event objects.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type CairnApi, type Result } from '../ipc/contract.ts';

let nextId = 1;
const listeners = new Map<number, (event: unknown) => void>();

ipcRenderer.on(
  IPC_CHANNELS.event,
  (_e: IpcRendererEvent, message: { id: number; event: unknown }) => {
    listeners.get(message.id)?.(message.event);
  },
);

const api: CairnApi = {
  invoke: (channel, input) =>
    ipcRenderer.invoke(IPC_CHANNELS.invoke, { channel, input }) as Promise<Result<never>>,
  subscribe(channel, input, onEvent) {
    const id = nextId++;
    listeners.set(id, onEvent as (event: unknown) => void);
    ipcRenderer.send(IPC_CHANNELS.subscribe, { id, channel, input });
    return () => {
      listeners.delete(id);
      ipcRenderer.send(IPC_CHANNELS.unsubscribe, { id });
    };
  },
};

contextBridge.exposeInMainWorld('cairn', api);
