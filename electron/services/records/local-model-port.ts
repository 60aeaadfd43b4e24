// The engine's ModelPort for one registered on-device model, on ModelsService: describe() says
// which file and runtime calls will be recorded under, generate() runs the call through the
// inference worker and reports tokens by class, timings and the settings it really ran with.
import {
  formatRuntimeVersion,
  machineKey,
} from '../../../native-models/hardware/hardware-report.ts';
import type { GenerateParams, GenerationResult } from '../../../native-models/local/protocol.ts';
import type { ModelRecord } from '../../../native-models/registry/registry-port.ts';
import type {
  ModelGenerateRequest,
  ModelGenerateResult,
  ModelPort,
} from '../../../workflows/engine/ports.ts';
import type { ModelIdentity } from '../../../workflows/records/envelope.ts';
import { abortSignalFor } from '../../../native-models/abort-signal.ts';
import type { ModelsService } from '../models/models-service.ts';

export const LOCAL_PROVIDER = 'node-llama-cpp';

export class LocalModelPort implements ModelPort {
  readonly record: ModelRecord;

  /** `modelId`: a registry id or SHA-256 (prefix); unknown ones fail with ModelNotFoundError. */
  constructor(
    private readonly models: ModelsService,
    modelId: string,
    private readonly options: { threads?: number } = {},
  ) {
    this.record = models.require(modelId);
  }

  /** The identity before any call: threads are the calibrated ones, null until calibrated. */
  async describe(): Promise<ModelIdentity> {
    const hardware = await this.models.hardware();
    const runtime = formatRuntimeVersion(
      hardware.runtime.nodeLlamaCpp,
      hardware.runtime.llamaCppRelease,
    );
    const calibration = this.models.registry.findCalibration(
      this.record.sha256,
      machineKey(hardware),
    );
    const cpuOnly = this.models.gpu === false || hardware.gpu.backend === null;
    return this.identity({
      backend: cpuOnly ? 'cpu' : hardware.gpu.backend,
      // 'auto' fits layers to free memory at load time: known only after a call.
      gpuLayers: cpuOnly ? 0 : null,
      threads:
        this.options.threads ??
        (calibration?.runtimeVersion === runtime ? calibration.bestThreads : null),
      contextSize: Math.min(
        this.models.contextSize,
        this.record.summary.contextLength ?? this.models.contextSize,
      ),
      runtimeVersion: runtime,
    });
  }

  async generate(request: ModelGenerateRequest): Promise<ModelGenerateResult> {
    const params: GenerateParams = {
      messages: request.messages,
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      ...(request.seed !== null ? { seed: request.seed } : {}),
      ...(request.topP !== null ? { topP: request.topP } : {}),
      ...(request.jsonSchema !== null ? { jsonSchema: request.jsonSchema } : {}),
    };
    const { signal, stop } = abortSignalFor(request.signal);
    try {
      const result = await this.models.generate(this.record.sha256, params, {
        signal,
        onChunk: request.onText,
        ...(this.options.threads !== undefined ? { threads: this.options.threads } : {}),
      });
      return toPortResult(result, this.identity(result.model));
    } finally {
      stop();
    }
  }

  private identity(
    how: Pick<
      ModelIdentity,
      'backend' | 'gpuLayers' | 'threads' | 'contextSize' | 'runtimeVersion'
    >,
  ): ModelIdentity {
    return {
      tier: 'local',
      provider: LOCAL_PROVIDER,
      name: this.record.id,
      sha256: this.record.sha256,
      quantization: this.record.summary.quantization,
      backend: how.backend,
      gpuLayers: how.gpuLayers,
      threads: how.threads,
      contextSize: how.contextSize,
      runtimeVersion: how.runtimeVersion,
      resolvedModel: null,
    };
  }
}

function toPortResult(result: GenerationResult, identity: ModelIdentity): ModelGenerateResult {
  return {
    text: result.text,
    json: result.json,
    jsonProblem: result.jsonProblem,
    stopReason: result.stopReason,
    tokens: {
      input: result.tokens.prompt,
      cachedInput: result.tokens.reusedPrefix,
      cacheWrite: 0,
      output: result.tokens.output,
      reasoning: 0,
    },
    timings: {
      timeToFirstTokenMs: result.timings.timeToFirstTokenMs,
      totalMs: result.timings.totalMs,
      outputTokensPerSecond: result.timings.outputTokensPerSecond,
      loadMs: result.timings.loadMs,
    },
    identity,
  };
}
