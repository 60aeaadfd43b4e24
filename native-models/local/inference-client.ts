// The app's side of the inference worker: starts it on first use, pairs requests with replies,
// streams generated text, forwards cancellation, and survives the worker's death. When the
// worker dies (killed, or aborted by llama.cpp running out of memory), every pending call
// rejects with a WorkerCrashError saying what happened, and the next call starts a new worker.
import type { HardwareReport } from '../hardware/hardware-report.ts';
import type { GpuMode } from './llama-runtime.ts';
import {
  RESULT_SCHEMAS,
  WorkerReplySchema,
  type CalibrateParams,
  type CalibrationResult,
  type GenerateParams,
  type GenerationResult,
  type ModelSpec,
  type WorkerErrorKind,
  type WorkerRequestInput,
} from './protocol.ts';
import {
  nodeWorkerLauncher,
  type WorkerExit,
  type WorkerLauncher,
  type WorkerProcess,
} from './worker-launcher.ts';

export class WorkerCrashError extends Error {
  override name = 'WorkerCrashError';
  constructor(
    message: string,
    readonly exit: WorkerExit,
  ) {
    super(message);
  }
}

/** The worker answered a request with an error (bad model file, impossible grammar, …). */
export class WorkerRequestError extends Error {
  override name = 'WorkerRequestError';
  constructor(
    readonly kind: WorkerErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export class GenerationCancelledError extends Error {
  override name = 'GenerationCancelledError';
}

export interface InferenceClientOptions {
  launcher?: WorkerLauncher;
  /** Receives the worker's llama.cpp log lines and stray output. */
  log?: (line: string) => void;
  /** How long a new worker may take to say it is ready. */
  startupTimeoutMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Streamed text and, when the worker counts them, the tokens it took. */
  onChunk?: (text: string, tokens?: number) => void;
}

type RequestType = keyof typeof RESULT_SCHEMAS;

interface Pending {
  type: RequestType;
  what: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onChunk?: (text: string, tokens?: number) => void;
}

interface RunningWorker {
  process: WorkerProcess;
  ready: Promise<void>;
  /** The end of what the worker printed, kept for the crash message. */
  outputTail: string;
}

const OUTPUT_TAIL_CHARS = 2000;

function describeExit(exit: WorkerExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

export class InferenceClient {
  private worker: RunningWorker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private lastExit: WorkerExit | null = null;
  /** How many worker processes this client has started (a restart counts one more). */
  starts = 0;
  private readonly launcher: WorkerLauncher;
  private readonly log: (line: string) => void;
  private readonly startupTimeoutMs: number;

  constructor(options: InferenceClientOptions = {}) {
    this.launcher = options.launcher ?? nodeWorkerLauncher();
    this.log = options.log ?? (() => {});
    this.startupTimeoutMs = options.startupTimeoutMs ?? 60_000;
  }

  /** The worker's process id, or null when none is running. */
  get workerPid(): number | null {
    return this.worker?.process.pid ?? null;
  }

  probeHardware(gpu: GpuMode = 'auto'): Promise<HardwareReport> {
    return this.request('probe', { gpu }, 'probing the hardware') as Promise<HardwareReport>;
  }

  generate(
    model: ModelSpec,
    params: GenerateParams,
    options: CallOptions = {},
  ): Promise<GenerationResult> {
    return this.request(
      'generate',
      { model, params },
      `generating with ${model.path}`,
      options,
    ) as Promise<GenerationResult>;
  }

  async countTokens(model: ModelSpec, text: string): Promise<number> {
    const { tokens } = (await this.request(
      'countTokens',
      { model, text },
      `tokenizing with ${model.path}`,
    )) as {
      tokens: number;
    };
    return tokens;
  }

  calibrate(
    model: ModelSpec,
    params: CalibrateParams,
    options: CallOptions = {},
  ): Promise<CalibrationResult> {
    return this.request(
      'calibrate',
      { model, params },
      `measuring threads for ${model.path}`,
      options,
    ) as Promise<CalibrationResult>;
  }

  async unload(): Promise<void> {
    if (this.worker) await this.request('unload', {}, 'unloading the model');
  }

  /** Stops the worker; pending calls reject. The client cannot be used afterwards. */
  close(): void {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failPending(new Error('The inference client was closed.'));
    worker?.process.kill('SIGTERM');
  }

  private start(): RunningWorker {
    const process = this.launcher();
    this.starts++;
    let markReady!: () => void;
    let failStart!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    const worker: RunningWorker = { process, ready, outputTail: '' };
    const timer = setTimeout(() => {
      failStart(
        new Error(`The inference worker did not start within ${this.startupTimeoutMs} ms.`),
      );
      process.kill('SIGKILL');
    }, this.startupTimeoutMs);
    timer.unref();
    ready.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    process.onOutput((text) => {
      worker.outputTail = (worker.outputTail + text).slice(-OUTPUT_TAIL_CHARS);
      for (const line of text.split('\n')) if (line.trim()) this.log(`[inference worker] ${line}`);
    });
    process.onMessage((raw) => {
      const parsed = WorkerReplySchema.safeParse(raw);
      if (!parsed.success) {
        this.log(`[inference worker] invalid message ignored: ${parsed.error.message}`);
        return;
      }
      const reply = parsed.data;
      if (reply.type === 'ready') return markReady();
      if (reply.type === 'log')
        return this.log(`[llama.cpp ${reply.level}] ${reply.message.trimEnd()}`);
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      if (reply.type === 'chunk') return pending.onChunk?.(reply.text, reply.tokens);
      this.pending.delete(reply.id);
      this.updateBusy();
      if (reply.type === 'error') {
        pending.reject(
          reply.error.kind === 'cancelled'
            ? new GenerationCancelledError(reply.error.message)
            : new WorkerRequestError(reply.error.kind, reply.error.message),
        );
        return;
      }
      const checked = RESULT_SCHEMAS[pending.type].safeParse(reply.value);
      if (checked.success) pending.resolve(checked.data);
      else
        pending.reject(
          new Error(
            `The inference worker sent an invalid result for ${pending.what}: ${checked.error.message}`,
          ),
        );
    });
    process.onExit((exit) => {
      this.lastExit = exit;
      if (this.worker === worker) this.worker = null;
      const tail = worker.outputTail.trim();
      failStart(
        new WorkerCrashError(
          `The inference worker stopped (${describeExit(exit)}) before it was ready.${tail ? ` Its last output: ${tail}` : ''}`,
          exit,
        ),
      );
      if (this.closed) return;
      for (const [id, pending] of this.pending) {
        this.pending.delete(id);
        pending.reject(
          new WorkerCrashError(
            `The inference worker (pid ${process.pid}) stopped unexpectedly (${describeExit(exit)}) while ${pending.what}. ` +
              `A new worker starts with the next call.${tail ? ` Its last output: ${tail.slice(-500)}` : ''} ` +
              `If this happens again with this model, it may not fit in memory: try a smaller quantization or context, or fewer GPU layers.`,
            exit,
          ),
        );
      }
    });
    process.setBusy(true);
    return worker;
  }

  private updateBusy(): void {
    this.worker?.process.setBusy(this.pending.size > 0);
  }

  private failPending(error: Error): void {
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(error);
    }
  }

  private async request(
    type: Exclude<RequestType, 'cancel'>,
    payload: Record<string, unknown>,
    what: string,
    options: CallOptions = {},
  ): Promise<unknown> {
    if (this.closed) throw new Error('The inference client was closed.');
    const notSent = () => new GenerationCancelledError(`Cancelled before ${what} started.`);
    if (options.signal?.aborted) throw notSent();
    this.worker ??= this.start();
    const worker = this.worker;
    await worker.ready;
    if (options.signal?.aborted) throw notSent();
    // It may have died between saying it was ready and now; nothing was sent to it yet.
    if (this.worker !== worker) {
      throw new WorkerCrashError(
        `The inference worker stopped before ${what} was sent. A new worker starts with the next call.`,
        this.lastExit ?? { code: null, signal: null },
      );
    }
    const id = this.nextId++;
    const result = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { type, what, resolve, reject, onChunk: options.onChunk });
    });
    this.updateBusy();
    worker.process.send({ type, id, ...payload } as WorkerRequestInput);
    const onAbort = () => {
      if (this.pending.has(id))
        worker.process.send({ type: 'cancel', id: this.nextId++, target: id });
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await result;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
}
