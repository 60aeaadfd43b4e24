// The model registry on the app database: implements native-models' ModelRegistryPort with
// the tables of migration 3 (models, thread_calibrations, catalog_hash_pins).
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ThreadMeasurementSchema } from '../../../native-models/local/protocol.ts';
import { ModelSummarySchema } from '../../../native-models/registry/model-summary.ts';
import type {
  ModelRecord,
  ModelRegistryPort,
  ThreadCalibration,
} from '../../../native-models/registry/registry-port.ts';
import { readStoredJson } from './stored-json.ts';

const REMEDY = 'remove the model and import it again';

interface ModelRow {
  id: string;
  sha256: string;
  path: string;
  size_bytes: number;
  file_modified_ms: number;
  source: ModelRecord['source'];
  catalog_id: string | null;
  summary: string;
  added_at: string;
}

interface CalibrationRow {
  model_sha256: string;
  machine_key: string;
  runtime_version: string;
  best_threads: number;
  measurements: string;
  measured_at: string;
}

function toRecord(row: ModelRow): ModelRecord {
  return {
    id: row.id,
    sha256: row.sha256,
    path: row.path,
    sizeBytes: row.size_bytes,
    fileModifiedMs: row.file_modified_ms,
    source: row.source,
    catalogId: row.catalog_id,
    summary: readStoredJson(ModelSummarySchema, row.summary, `summary of model ${row.id}`, REMEDY),
    addedAt: row.added_at,
  };
}

export class ModelRegistryStore implements ModelRegistryPort {
  constructor(private readonly db: Database) {}

  listModels(): ModelRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM models ORDER BY added_at DESC, id')
      .all() as ModelRow[];
    return rows.map(toRecord);
  }

  findModel(idOrHash: string): ModelRecord | null {
    const key = idOrHash.trim().toLowerCase();
    if (!/^[0-9a-f]{6,64}$/.test(key)) return null;
    const rows = this.db
      .prepare('SELECT * FROM models WHERE id = ? OR sha256 = ? OR sha256 LIKE ? LIMIT 2')
      .all(key, key, `${key}%`) as ModelRow[];
    const exact = rows.find((r) => r.id === key || r.sha256 === key);
    if (exact) return toRecord(exact);
    return rows.length === 1 ? toRecord(rows[0] as ModelRow) : null;
  }

  saveModel(record: ModelRecord): void {
    this.db
      .prepare(
        `INSERT INTO models (id, sha256, path, size_bytes, file_modified_ms, source, catalog_id, summary, added_at)
         VALUES (@id, @sha256, @path, @sizeBytes, @fileModifiedMs, @source, @catalogId, @summary, @addedAt)
         ON CONFLICT (sha256) DO UPDATE SET
           path = excluded.path, size_bytes = excluded.size_bytes,
           file_modified_ms = excluded.file_modified_ms, source = excluded.source,
           catalog_id = excluded.catalog_id, summary = excluded.summary`,
      )
      .run({ ...record, summary: JSON.stringify(record.summary) });
  }

  removeModel(id: string): boolean {
    return this.db.prepare('DELETE FROM models WHERE id = ?').run(id).changes > 0;
  }

  saveCalibration(calibration: ThreadCalibration): void {
    this.db
      .prepare(
        `INSERT INTO thread_calibrations (model_sha256, machine_key, runtime_version, best_threads, measurements, measured_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (model_sha256, machine_key) DO UPDATE SET
           runtime_version = excluded.runtime_version, best_threads = excluded.best_threads,
           measurements = excluded.measurements, measured_at = excluded.measured_at`,
      )
      .run(
        calibration.modelSha256,
        calibration.machineKey,
        calibration.runtimeVersion,
        calibration.bestThreads,
        JSON.stringify(calibration.measurements),
        calibration.measuredAt,
      );
  }

  findCalibration(modelSha256: string, machineKey: string): ThreadCalibration | null {
    const row = this.db
      .prepare('SELECT * FROM thread_calibrations WHERE model_sha256 = ? AND machine_key = ?')
      .get(modelSha256, machineKey) as CalibrationRow | undefined;
    if (!row) return null;
    return {
      modelSha256: row.model_sha256,
      machineKey: row.machine_key,
      runtimeVersion: row.runtime_version,
      bestThreads: row.best_threads,
      measurements: readStoredJson(
        z.array(ThreadMeasurementSchema),
        row.measurements,
        'thread calibration',
        REMEDY,
      ),
      measuredAt: row.measured_at,
    };
  }

  pinnedHash(catalogId: string): string | null {
    const row = this.db
      .prepare('SELECT sha256 FROM catalog_hash_pins WHERE catalog_id = ?')
      .get(catalogId) as { sha256: string } | undefined;
    return row?.sha256 ?? null;
  }

  pinHash(catalogId: string, sha256: string, now = new Date()): void {
    this.db
      .prepare(
        'INSERT INTO catalog_hash_pins (catalog_id, sha256, pinned_at) VALUES (?, ?, ?) ON CONFLICT (catalog_id) DO NOTHING',
      )
      .run(catalogId, sha256, now.toISOString());
  }
}
