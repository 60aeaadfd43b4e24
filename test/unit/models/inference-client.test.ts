// The client's side of the worker protocol with a stand-in worker process: what comes back from
// the other process is checked like any other input.
import { describe, expect, it } from 'vitest';
import { InferenceClient } from '../../../native-models/local/inference-client.ts';
import type { WorkerExit, WorkerProcess } from '../../../native-models/local/worker-launcher.ts';

const model = { path: '/m.gguf', gpu: false as const, gpuLayers: 0, contextSize: 512, threads: 1 };

/** A worker that says it is ready, then answers each request with `reply(request)`. */
function standIn(reply: (request: { type: string; id: number }) => unknown[]): () => WorkerProcess {
  return () => {
    let onMessage: (message: unknown) => void = () => {};
    let onExit: (exit: WorkerExit) => void = () => {};
    return {
      pid: 4242,
      send: (request) => {
        for (const message of reply(request as { type: string; id: number })) {
          queueMicrotask(() => onMessage(message));
        }
      },
      onMessage: (listener) => {
        onMessage = listener;
        queueMicrotask(() => listener({ type: 'ready', pid: 4242 }));
      },
      onExit: (listener) => (onExit = listener),
      onOutput: () => {},
      setBusy: () => {},
      kill: () => onExit({ code: null, signal: 'SIGTERM' }),
    };
  };
}

describe('InferenceClient against a misbehaving worker', () => {
  it('rejects a result that does not match the request’s schema', async () => {
    const client = new InferenceClient({
      launcher: standIn((r) => [{ type: 'result', id: r.id, value: { tokens: -1 } }]),
    });
    await expect(client.countTokens(model, 'x')).rejects.toThrow(
      /The inference worker sent an invalid result for tokenizing with \/m\.gguf/,
    );
    client.close();
  });

  it('ignores and logs messages outside the protocol, then takes the real answer', async () => {
    const log: string[] = [];
    const client = new InferenceClient({
      log: (line) => log.push(line),
      launcher: standIn((r) => [
        { type: 'result', id: String(r.id), value: {} },
        'garbage',
        { type: 'result', id: r.id, value: { tokens: 7 } },
      ]),
    });
    await expect(client.countTokens(model, 'x')).resolves.toBe(7);
    expect(log.filter((l) => l.includes('invalid message ignored'))).toHaveLength(2);
    client.close();
  });

  it('turns error replies into typed errors', async () => {
    const client = new InferenceClient({
      launcher: standIn((r) => [
        { type: 'error', id: r.id, error: { kind: 'model_load', message: 'bad file' } },
      ]),
    });
    await expect(client.countTokens(model, 'x')).rejects.toMatchObject({
      name: 'WorkerRequestError',
      kind: 'model_load',
      message: 'bad file',
    });
    client.close();
  });

  it('rejects pending calls when closed, and refuses new ones', async () => {
    const client = new InferenceClient({ launcher: standIn(() => []) });
    const pending = client.countTokens(model, 'never answered');
    await new Promise((resolve) => setTimeout(resolve, 10));
    client.close();
    await expect(pending).rejects.toThrow('The inference client was closed.');
    await expect(client.countTokens(model, 'x')).rejects.toThrow(
      'The inference client was closed.',
    );
  });
});
