// On-device models for the app: the registry (SQLite), the catalog with fit estimates, downloads,
// thread calibration and generation through the inference worker. Every host (Electron, web
// host, CLI) reaches models through this service, via Core.models.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  formatRuntimeVersion,
  machineKey,
  type HardwareReport,
} from '../../../native-models/hardware/hardware-report.ts';
import {
  QUICK_CALIBRATION,
  threadCandidates,
} from '../../../native-models/hardware/thread-candidates.ts';
import {
  InferenceClient,
  type CallOptions,
} from '../../../native-models/local/inference-client.ts';
import type { GpuMode } from '../../../native-models/local/llama-runtime.ts';
import type { WorkerLauncher } from '../../../native-models/local/worker-launcher.ts';
import type {
  CalibrateParams,
  GenerateParams,
  GenerationResult,
  ModelSpec,
} from '../../../native-models/local/protocol.ts';
import { generateStructured } from '../../../native-models/local/structured-output.ts';
import { CATALOG, type CatalogEntry } from '../../../native-models/registry/catalog.ts';
import { estimateFit, type FitEstimate } from '../../../native-models/registry/fit-estimate.ts';
import {
  importModel,
  staleFileProblem,
  type ImportResult,
} from '../../../native-models/registry/import-model.ts';
import type {
  ModelRecord,
  ModelRegistryPort,
  ThreadCalibration,
} from '../../../native-models/registry/registry-port.ts';
import {
  isInsideFolder,
  removeModel,
  type RemoveResult,
} from '../../../native-models/registry/remove-model.ts';
import {
  downloadModel,
  type DownloadProgress,
  type DownloadResult,
} from '../../../native-models/routing/model-download.ts';

export class ModelNotFoundError extends Error {
  override name = 'ModelNotFoundError';
}
/** The registered file is gone or changed since its SHA-256 was computed. */
export class ModelFileChangedError extends Error {
  override name = 'ModelFileChangedError';
}

export interface ModelsServiceOptions {
  registry: ModelRegistryPort;
  dataDir: string;
  /** 'auto' offloads to a GPU when one is found; false keeps to the CPU. Default 'auto'. */
  gpu?: GpuMode;
  client?: InferenceClient;
  /** How to start the inference worker; Electron passes one built on utilityProcess.fork. */
  launcher?: WorkerLauncher;
  log?: (line: string) => void;
  catalog?: readonly CatalogEntry[];
  /** Context size for generation (capped by the model's trained length). Default 8192. */
  contextSize?: number;
}

export interface CatalogItem {
  entry: CatalogEntry;
  fit: FitEstimate;
  /** The registered model downloaded from this entry, if any. */
  model: ModelRecord | null;
}

export interface GenerateOptions extends CallOptions {
  /** Use this thread count instead of the calibrated one (benches, tests). */
  threads?: number;
}

export type ModelGeneration = GenerationResult & { modelId: string; modelSha256: string };

export class ModelsService {
  readonly registry: ModelRegistryPort;
  readonly modelsDir: string;
  readonly gpu: GpuMode;
  readonly catalog: readonly CatalogEntry[];
  readonly contextSize: number;
  private readonly client: InferenceClient;
  private hardwareReport: Promise<HardwareReport> | null = null;

  constructor(options: ModelsServiceOptions) {
    this.registry = options.registry;
    this.modelsDir = path.join(options.dataDir, 'models');
    this.gpu = options.gpu ?? 'auto';
    this.catalog = options.catalog ?? CATALOG;
    this.contextSize = options.contextSize ?? 8192;
    this.client =
      options.client ?? new InferenceClient({ log: options.log, launcher: options.launcher });
  }

  /** The inference worker's pid, for diagnostics; null while none runs. */
  get workerPid(): number | null {
    return this.client.workerPid;
  }

  hardware(refresh = false): Promise<HardwareReport> {
    if (refresh || !this.hardwareReport) {
      this.hardwareReport = this.client.probeHardware(this.gpu);
      this.hardwareReport.catch(() => (this.hardwareReport = null));
    }
    return this.hardwareReport;
  }

  list(): ModelRecord[] {
    return this.registry.listModels();
  }

  require(idOrHash: string): ModelRecord {
    const record = this.registry.findModel(idOrHash);
    if (!record) {
      throw new ModelNotFoundError(
        `No model '${idOrHash}' is registered. \`cairn models list\` shows the ids; import a .gguf file or download one from the catalog first.`,
      );
    }
    return record;
  }

  importFile(
    file: string,
    onHashProgress?: (hashed: number, total: number) => void,
  ): Promise<ImportResult> {
    return importModel(file, this.registry, { onHashProgress });
  }

  /**
   * Unregisters a model. Its file is deleted only when it is in Cairn's models folder (a
   * download); an imported file elsewhere stays on disk (`file: 'kept'`).
   */
  async remove(idOrHash: string): Promise<RemoveResult> {
    const record = this.registry.findModel(idOrHash);
    if (!record) {
      throw new ModelNotFoundError(
        `No model '${idOrHash}' is registered, so nothing was removed. \`cairn models list\` shows the ids.`,
      );
    }
    // The worker may hold the file open (mapped); let it go before the file is deleted.
    if (isInsideFolder(this.modelsDir, record.path)) await this.client.unload();
    return removeModel(record, this.registry, this.modelsDir);
  }

  async fitFor(entry: CatalogEntry): Promise<FitEstimate> {
    const contextSize = Math.min(this.contextSize, entry.contextLength);
    return estimateFit(
      {
        modelBytes: entry.sizeBytes,
        kvBytesPerToken: entry.kv.blockCount * entry.kv.headCountKv * entry.kv.headDim * 2 * 2,
        contextSize,
      },
      await this.hardware(),
    );
  }

  async catalogWithFit(): Promise<CatalogItem[]> {
    const models = this.list();
    return Promise.all(
      this.catalog.map(async (entry) => ({
        entry,
        fit: await this.fitFor(entry),
        model: models.find((m) => m.catalogId === entry.id) ?? null,
      })),
    );
  }

  findCatalogEntry(id: string): CatalogEntry {
    const entry = this.catalog.find((e) => e.id === id);
    if (!entry) {
      throw new ModelNotFoundError(
        `The catalog has no model '${id}'. Known ids: ${this.catalog.map((e) => e.id).join(', ')}.`,
      );
    }
    return entry;
  }

  /**
   * Downloads a catalog model into the data folder, checks its SHA-256 (published, or pinned at
   * the first download), validates it as GGUF and registers it.
   */
  async download(
    catalogId: string,
    options: { signal?: AbortSignal; onProgress?: (progress: DownloadProgress) => void } = {},
  ): Promise<{ record: ModelRecord; download: DownloadResult | null }> {
    const entry = this.findCatalogEntry(catalogId);
    const expectedSha256 = entry.sha256 ?? this.registry.pinnedHash(entry.id);
    const already = this.list().find(
      (m) => m.catalogId === entry.id && (!expectedSha256 || m.sha256 === expectedSha256),
    );
    if (already && (await staleFileProblem(already)) === null) {
      return { record: already, download: null };
    }
    const destination = path.join(this.modelsDir, entry.fileName);
    const download = await downloadModel({
      url: entry.url,
      destination,
      expectedSha256,
      expectedBytes: entry.sizeIsExact ? entry.sizeBytes : null,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    let record: ModelRecord;
    try {
      ({ record } = await importModel(destination, this.registry, {
        source: 'downloaded',
        catalogId: entry.id,
        knownSha256: download.sha256,
      }));
    } catch (error) {
      // Bytes that are not a model are of no use, whatever their hash.
      fs.rmSync(destination, { force: true });
      throw error;
    }
    if (!entry.sha256) this.registry.pinHash(entry.id, download.sha256);
    return { record, download };
  }

  /** Model spec for the worker: where, which backend, what context, how many threads. */
  private spec(record: ModelRecord, threads: number): ModelSpec {
    return {
      path: record.path,
      gpu: this.gpu,
      gpuLayers: this.gpu === false ? 0 : 'auto',
      contextSize: Math.min(this.contextSize, record.summary.contextLength ?? this.contextSize),
      threads,
    };
  }

  private async usable(idOrHash: string): Promise<ModelRecord> {
    const record = this.require(idOrHash);
    const problem = await staleFileProblem(record);
    if (problem) throw new ModelFileChangedError(problem);
    return record;
  }

  /** Measures thread counts for a model on this machine and stores the best. */
  async calibrate(
    idOrHash: string,
    params: Partial<CalibrateParams> = {},
    options: CallOptions = {},
  ): Promise<ThreadCalibration> {
    const record = await this.usable(idOrHash);
    const hardware = await this.hardware();
    const candidates = params.candidates ?? threadCandidates(hardware.cpu);
    const result = await this.client.calibrate(
      this.spec(record, candidates[0] ?? 1),
      { ...QUICK_CALIBRATION, candidates, ...params },
      options,
    );
    const calibration: ThreadCalibration = {
      modelSha256: record.sha256,
      machineKey: machineKey(hardware),
      runtimeVersion: result.runtimeVersion,
      bestThreads: result.bestThreads,
      measurements: result.measurements,
      measuredAt: new Date().toISOString(),
    };
    this.registry.saveCalibration(calibration);
    return calibration;
  }

  /** The calibrated thread count, calibrating first when this machine has no measurement. */
  async threadsFor(idOrHash: string): Promise<{ threads: number; calibrated: ThreadCalibration }> {
    const record = this.require(idOrHash);
    const hardware = await this.hardware();
    const stored = this.registry.findCalibration(record.sha256, machineKey(hardware));
    const runtime = formatRuntimeVersion(
      hardware.runtime.nodeLlamaCpp,
      hardware.runtime.llamaCppRelease,
    );
    const calibrated =
      stored && stored.runtimeVersion === runtime ? stored : await this.calibrate(record.id);
    return { threads: calibrated.bestThreads, calibrated };
  }

  async generate(
    idOrHash: string,
    params: GenerateParams,
    options: GenerateOptions = {},
  ): Promise<ModelGeneration> {
    const record = await this.usable(idOrHash);
    const threads = options.threads ?? (await this.threadsFor(record.id)).threads;
    const result = await this.client.generate(this.spec(record, threads), params, options);
    return { ...result, modelId: record.id, modelSha256: record.sha256 };
  }

  /** Tokens of `text` with the model's own tokenizer (for estimates before a run). */
  async countTokens(idOrHash: string, text: string): Promise<number> {
    const record = await this.usable(idOrHash);
    const hardware = await this.hardware();
    const stored = this.registry.findCalibration(record.sha256, machineKey(hardware));
    return this.client.countTokens(this.spec(record, stored?.bestThreads ?? 1), text);
  }

  /** This model's measured speed on this machine (from its thread calibration), if measured. */
  async measuredSpeed(
    idOrHash: string,
  ): Promise<{ promptTokensPerSecond: number; outputTokensPerSecond: number } | null> {
    const record = this.require(idOrHash);
    const stored = this.registry.findCalibration(record.sha256, machineKey(await this.hardware()));
    const best = stored?.measurements.find((m) => m.threads === stored.bestThreads);
    if (!best || best.promptTokensPerSecond <= 0 || best.generationTokensPerSecond <= 0)
      return null;
    return {
      promptTokensPerSecond: best.promptTokensPerSecond,
      outputTokensPerSecond: best.generationTokensPerSecond,
    };
  }

  /** Generation decoded under the grammar of `schema`, returning the zod-validated value. */
  generateStructured<S extends z.ZodType>(
    idOrHash: string,
    schema: S,
    params: Omit<GenerateParams, 'jsonSchema'>,
    options: GenerateOptions = {},
  ) {
    return generateStructured((p) => this.generate(idOrHash, p, options), schema, params);
  }

  close(): void {
    this.client.close();
  }
}
