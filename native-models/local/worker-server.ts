// Serves the app's requests inside the inference worker: validates each message, runs
// model work one request at a time (one loaded model, one sequence), answers probes and
// cancellations at once, and turns every failure into an error reply with a kind and a message.
import { z } from 'zod';
import { probeHardware } from '../hardware/probe.ts';
import { calibrateThreads } from '../hardware/thread-calibration.ts';
import { chunkBatcher } from './chunk-batcher.ts';
import { GrammarError, runGeneration } from './generation.ts';
import { runtimeVersion, type RuntimeLog } from './llama-runtime.ts';
import { ModelLoadError, SessionCache } from './model-session.ts';
import { WorkerRequestSchema, type WorkerErrorKind, type WorkerRequest } from './protocol.ts';
import type { ParentPort } from './worker-port.ts';

class CancelledBeforeStart extends Error {}

function errorKind(error: unknown): WorkerErrorKind {
  if (error instanceof ModelLoadError) return 'model_load';
  if (error instanceof GrammarError) return 'grammar';
  if (error instanceof CancelledBeforeStart) return 'cancelled';
  return 'internal';
}

export function serveRequests(port: ParentPort): void {
  const log: RuntimeLog = (level, message) => port.send({ type: 'log', level, message });
  const sessions = new SessionCache(log);
  const controllers = new Map<number, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();

  /** Model work runs one request at a time, in arrival order. */
  const serially = <T>(id: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    controllers.set(id, controller);
    const run = queue.then(() => {
      if (controller.signal.aborted) throw new CancelledBeforeStart('Cancelled before it started.');
      return work(controller.signal);
    });
    queue = run.catch(() => undefined).finally(() => controllers.delete(id));
    return run;
  };

  const handle = async (request: WorkerRequest): Promise<unknown> => {
    switch (request.type) {
      case 'probe':
        return probeHardware(request.gpu, log);
      case 'cancel': {
        const controller = controllers.get(request.target);
        controller?.abort();
        return { cancelled: controller !== undefined };
      }
      case 'generate':
        return serially(request.id, async (signal) => {
          const { session, loadMs } = await sessions.get(request.model);
          const chunks = chunkBatcher((text, tokens) =>
            port.send({ type: 'chunk', id: request.id, text, tokens }),
          );
          try {
            return await runGeneration(session, request.params, loadMs, {
              signal,
              onChunk: chunks.push,
            });
          } finally {
            chunks.flush();
          }
        });
      case 'countTokens':
        return serially(request.id, async () => {
          const { session } = await sessions.get(request.model);
          return { tokens: session.model.tokenize(request.text).length };
        });
      case 'calibrate':
        return serially(request.id, async (signal) => {
          const { session } = await sessions.get(request.model);
          return calibrateThreads(
            session.model,
            request.params,
            await runtimeVersion(session.llama),
            signal,
          );
        });
      case 'unload':
        return serially(request.id, async () => ({ unloaded: await sessions.unload() }));
    }
  };

  port.onMessage((raw) => {
    const parsed = WorkerRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const id = z.object({ id: z.number().int() }).safeParse(raw);
      const message = `Invalid request to the inference worker: ${parsed.error.issues
        .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
        .join('; ')}`;
      if (id.success) {
        port.send({ type: 'error', id: id.data.id, error: { kind: 'invalid_request', message } });
      } else {
        log('error', message);
      }
      return;
    }
    const request = parsed.data;
    handle(request).then(
      (value) => port.send({ type: 'result', id: request.id, value }),
      (error: unknown) =>
        port.send({
          type: 'error',
          id: request.id,
          error: {
            kind: errorKind(error),
            message: error instanceof Error ? error.message : String(error),
          },
        }),
    );
  });
}
