// The persistence port of the model registry. native-models/ may not import electron/, so it
// states what it needs here and electron/services/store/model-registry-store.ts implements it
// on the app database (SQLite).
import type { ThreadMeasurement } from '../local/protocol.ts';
import type { ModelSummary } from './model-summary.ts';

export interface ModelRecord {
  /** Short, stable handle: the first 12 hex digits of the SHA-256. */
  id: string;
  /** SHA-256 of the whole file, computed once when the model was imported or downloaded. */
  sha256: string;
  /** Absolute path of the GGUF file. */
  path: string;
  sizeBytes: number;
  /** The file's modification time at import, to notice a file replaced behind Cairn's back. */
  fileModifiedMs: number;
  source: 'imported' | 'downloaded';
  /** The catalog entry it was downloaded from, if any. */
  catalogId: string | null;
  summary: ModelSummary;
  addedAt: string;
}

export interface ThreadCalibration {
  modelSha256: string;
  /** Which machine (CPU model, cores, GPU backend) the numbers belong to. */
  machineKey: string;
  runtimeVersion: string;
  bestThreads: number;
  measurements: ThreadMeasurement[];
  measuredAt: string;
}

export interface ModelRegistryPort {
  listModels(): ModelRecord[];
  /** By id, full SHA-256, or a unique prefix of the SHA-256 of at least 6 digits. */
  findModel(idOrHash: string): ModelRecord | null;
  saveModel(record: ModelRecord): void;
  removeModel(id: string): boolean;
  saveCalibration(calibration: ThreadCalibration): void;
  findCalibration(modelSha256: string, machineKey: string): ThreadCalibration | null;
  /** The hash pinned at the first download of a catalog entry that publishes none. */
  pinnedHash(catalogId: string): string | null;
  pinHash(catalogId: string, sha256: string): void;
}

export function modelIdFor(sha256: string): string {
  return sha256.slice(0, 12);
}
