// Connects Electron IPC to the dispatcher. Every message's sender is checked before its
// payload is looked at; payloads are then validated by the dispatcher like any other host's.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { IPC_CHANNELS, type Result } from '../ipc/contract.ts';
import type { Dispatcher } from '../ipc/dispatch.ts';
import { isTrustedSender } from './trust.ts';

const InvokeSchema = z.object({ channel: z.string(), input: z.unknown() });
const SubscribeSchema = z.object({ id: z.number().int(), channel: z.string(), input: z.unknown() });
const UnsubscribeSchema = z.object({ id: z.number().int() });

const UNTRUSTED: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'IPC from an untrusted frame was refused.' },
};

function trusted(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  return isTrustedSender(event.senderFrame, event.sender.mainFrame);
}

export function bridgeIpc(dispatcher: Dispatcher): void {
  ipcMain.handle(IPC_CHANNELS.invoke, async (event, payload: unknown) => {
    if (!trusted(event)) return UNTRUSTED;
    const parsed = InvokeSchema.safeParse(payload);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: 'Malformed IPC message.' } };
    }
    return dispatcher.invoke(parsed.data.channel, parsed.data.input);
  });

  const subscriptions = new Map<string, () => void>();
  ipcMain.on(IPC_CHANNELS.subscribe, (event, payload: unknown) => {
    const parsed = SubscribeSchema.safeParse(payload);
    if (!trusted(event) || !parsed.success) return;
    const { id, channel, input } = parsed.data;
    const key = `${event.sender.id}:${id}`;
    const sender = event.sender;
    const started = dispatcher.subscribe(channel, input, (e) => {
      if (!sender.isDestroyed()) sender.send(IPC_CHANNELS.event, { id, event: e });
    });
    if (!started.ok) {
      sender.send(IPC_CHANNELS.event, { id, event: { type: 'error', error: started.error } });
      return;
    }
    subscriptions.set(key, started.value.stop);
    sender.once('destroyed', () => {
      subscriptions.get(key)?.();
      subscriptions.delete(key);
    });
  });
  ipcMain.on(IPC_CHANNELS.unsubscribe, (event, payload: unknown) => {
    const parsed = UnsubscribeSchema.safeParse(payload);
    if (!trusted(event) || !parsed.success) return;
    const key = `${event.sender.id}:${parsed.data.id}`;
    subscriptions.get(key)?.();
    subscriptions.delete(key);
  });
}
