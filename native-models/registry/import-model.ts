// Adds a GGUF file on disk to the registry: validates its header, computes its SHA-256 once,
// and records it. The file stays where it is (models are gigabytes; copying would double them).
import fs from 'node:fs/promises';
import path from 'node:path';
import { sha256File, SHA256_HEX } from './file-hash.ts';
import { readGgufHeader } from './gguf-header.ts';
import { summarizeModel } from './model-summary.ts';
import { modelIdFor, type ModelRecord, type ModelRegistryPort } from './registry-port.ts';

export interface ImportOptions {
  source?: ModelRecord['source'];
  catalogId?: string | null;
  /**
   * The SHA-256 of exactly these bytes when the caller has just computed it (a download that was
   * hashed while it was written); the file is then not read a second time.
   */
  knownSha256?: string;
  onHashProgress?: (hashedBytes: number, totalBytes: number) => void;
  signal?: AbortSignal;
  now?: Date;
}

export interface ImportResult {
  record: ModelRecord;
  /** True when the same bytes were already registered (the record is updated, not duplicated). */
  alreadyKnown: boolean;
}

export async function importModel(
  file: string,
  registry: ModelRegistryPort,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const absolute = path.resolve(file);
  const header = await readGgufHeader(absolute);
  const stat = await fs.stat(absolute);
  if (options.knownSha256 !== undefined && !SHA256_HEX.test(options.knownSha256)) {
    throw new Error(`knownSha256 must be 64 lowercase hex digits, got '${options.knownSha256}'`);
  }
  const sha256 =
    options.knownSha256 ??
    (await sha256File(
      absolute,
      (hashed) => options.onHashProgress?.(hashed, stat.size),
      options.signal,
    ));
  const existing = registry.findModel(sha256);
  const record: ModelRecord = {
    id: modelIdFor(sha256),
    sha256,
    path: absolute,
    sizeBytes: stat.size,
    fileModifiedMs: Math.trunc(stat.mtimeMs),
    source: options.source ?? existing?.source ?? 'imported',
    catalogId: options.catalogId ?? existing?.catalogId ?? null,
    summary: summarizeModel(header),
    addedAt: existing?.addedAt ?? (options.now ?? new Date()).toISOString(),
  };
  registry.saveModel(record);
  return { record, alreadyKnown: existing !== null };
}

/**
 * Checks that a registered model's file is still the one that was hashed: present, same size,
 * same modification time. Cheap (no hashing); returns a message saying what to do, or null.
 */
export async function staleFileProblem(record: ModelRecord): Promise<string | null> {
  let stat;
  try {
    stat = await fs.stat(record.path);
  } catch {
    return `The file of model ${record.id} (${record.summary.name}) is gone from ${record.path}. Import it again from where it is now, or remove it from the list.`;
  }
  if (stat.size !== record.sizeBytes || Math.trunc(stat.mtimeMs) !== record.fileModifiedMs) {
    return `The file of model ${record.id} at ${record.path} changed since it was imported (its SHA-256 may no longer be ${record.sha256}). Import it again so that Cairn re-checks it.`;
  }
  return null;
}
