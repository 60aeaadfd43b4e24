// A loaded model with one context sequence kept between calls. Keeping the sequence is what
// makes prefix reuse work: the next call's prompt is compared with the tokens already evaluated
// and only the part after the common prefix is evaluated again.
import fs from 'node:fs';
import {
  LlamaChat,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaModel,
} from 'node-llama-cpp';
import { llamaFor, runtimeVersion, type RuntimeLog } from './llama-runtime.ts';
import type { GenerationResult, ModelSpec } from './protocol.ts';

/**
 * Flash attention on the CPU backend made decoding at long context much slower here: after a
 * 4,084-token prompt, 30 more tokens took 1,378 ms with it and 63 ms without, one token 67 ms
 * against 12 ms (node-llama-cpp 3.21.1, 2 cores). It is left to node-llama-cpp ('auto') on a GPU.
 */
export function flashAttentionFor(llama: Llama): 'auto' | false {
  return llama.gpu === false ? false : 'auto';
}

export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

export class ModelSession {
  private constructor(
    readonly spec: ModelSpec,
    readonly llama: Llama,
    readonly model: LlamaModel,
    readonly context: LlamaContext,
    readonly sequence: LlamaContextSequence,
    readonly chat: LlamaChat,
    readonly runtime: string,
  ) {}

  static async open(
    spec: ModelSpec,
    log: RuntimeLog,
    existing?: ModelSession,
  ): Promise<ModelSession> {
    if (!fs.existsSync(spec.path)) {
      throw new ModelLoadError(`The model file ${spec.path} does not exist; import it again.`);
    }
    const llama = await llamaFor(spec.gpu, log);
    let model: LlamaModel;
    if (existing && existing.sameModel(spec)) {
      model = existing.model;
      existing.chat.dispose();
      await existing.context.dispose();
    } else {
      await existing?.dispose();
      try {
        model = await llama.loadModel({ modelPath: spec.path, gpuLayers: spec.gpuLayers });
      } catch (error) {
        throw new ModelLoadError(
          `llama.cpp could not load ${spec.path}: ${(error as Error).message}. ` +
            `The file may be damaged or use an architecture this runtime does not support.`,
        );
      }
    }
    let context: LlamaContext;
    try {
      context = await model.createContext({
        contextSize: spec.contextSize,
        threads: spec.threads,
        sequences: 1,
        flashAttention: flashAttentionFor(llama),
      });
    } catch (error) {
      await model.dispose();
      throw new ModelLoadError(
        `Cannot create a context of ${spec.contextSize} tokens for ${spec.path}: ${(error as Error).message}. ` +
          `Try a smaller context size.`,
      );
    }
    const sequence = context.getSequence();
    const chat = new LlamaChat({ contextSequence: sequence });
    return new ModelSession(
      spec,
      llama,
      model,
      context,
      sequence,
      chat,
      await runtimeVersion(llama),
    );
  }

  /** Same file, GPU mode and layers: the weights can stay loaded. */
  sameModel(spec: ModelSpec): boolean {
    return (
      spec.path === this.spec.path &&
      spec.gpu === this.spec.gpu &&
      spec.gpuLayers === this.spec.gpuLayers
    );
  }

  sameContext(spec: ModelSpec): boolean {
    return (
      this.sameModel(spec) &&
      spec.contextSize === this.spec.contextSize &&
      spec.threads === this.spec.threads
    );
  }

  identity(): GenerationResult['model'] {
    return {
      backend: this.llama.gpu === false ? 'cpu' : this.llama.gpu,
      gpuLayers: this.model.gpuLayers,
      threads: this.spec.threads,
      contextSize: this.context.contextSize,
      flashAttention: this.context.flashAttention === true,
      runtimeVersion: this.runtime,
      chatWrapper: this.chat.chatWrapper.wrapperName,
    };
  }

  async dispose(): Promise<void> {
    this.chat.dispose();
    await this.context.dispose();
    await this.model.dispose();
  }
}

/** Holds at most one loaded model, reusing it while requests ask for the same one. */
export class SessionCache {
  private current: ModelSession | null = null;

  constructor(private readonly log: RuntimeLog) {}

  async get(spec: ModelSpec): Promise<{ session: ModelSession; loadMs: number }> {
    if (this.current?.sameContext(spec)) return { session: this.current, loadMs: 0 };
    const started = performance.now();
    const previous = this.current;
    this.current = null;
    this.current = await ModelSession.open(spec, this.log, previous ?? undefined);
    return { session: this.current, loadMs: performance.now() - started };
  }

  async unload(): Promise<boolean> {
    const had = this.current !== null;
    await this.current?.dispose();
    this.current = null;
    return had;
  }
}
