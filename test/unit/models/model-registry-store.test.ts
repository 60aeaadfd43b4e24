import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelRecord } from '../../../native-models/registry/registry-port.ts';
import {
  openDatabase,
  schemaVersion,
  StoreError,
} from '../../../electron/services/store/database.ts';
import { ModelRegistryStore } from '../../../electron/services/store/model-registry-store.ts';
import type { Database } from 'better-sqlite3';

let dir: string;
let db: Database;
let store: ModelRegistryStore;

const sha = (c: string) => c.repeat(64);
function record(sha256: string, overrides: Partial<ModelRecord> = {}): ModelRecord {
  return {
    id: sha256.slice(0, 12),
    sha256,
    path: `/models/${sha256.slice(0, 4)}.gguf`,
    sizeBytes: 1000,
    fileModifiedMs: 1_700_000_000_000,
    source: 'imported',
    catalogId: null,
    summary: {
      name: 'm',
      architecture: 'llama',
      quantization: 'Q4_K_M',
      parameterCount: 10,
      contextLength: 4096,
      blockCount: 2,
      embeddingLength: 64,
      headCount: 4,
      headCountKv: 2,
      kvBytesPerToken: 256,
      vocabularySize: 300,
      hasChatTemplate: false,
      ggufVersion: 3,
      tensorCount: 21,
    },
    addedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-registry-'));
  db = openDatabase(dir);
  store = new ModelRegistryStore(db);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ModelRegistryStore', () => {
  it('migrates an older database to the registry schema', () => {
    db.close();
    const old = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-registry-old-'));
    const v2 = openDatabase(old, { targetVersion: 2 });
    expect(schemaVersion(v2)).toBe(2);
    v2.close();
    db = openDatabase(old);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(3);
    new ModelRegistryStore(db).saveModel(record(sha('a')));
    fs.rmSync(old, { recursive: true, force: true });
  });

  it('saves, lists and finds models by id, full hash or a unique prefix', () => {
    store.saveModel(record(sha('a')));
    store.saveModel(record('ab' + sha('c').slice(2)));
    expect(store.listModels()).toHaveLength(2);
    expect(store.findModel(sha('a').slice(0, 12))?.sha256).toBe(sha('a'));
    expect(store.findModel(sha('a'))?.id).toBe(sha('a').slice(0, 12));
    expect(store.findModel('abcccc')?.sha256).toBe('ab' + sha('c').slice(2));
    // 'a' is a prefix of both: ambiguous prefixes and non-hex input find nothing
    expect(store.findModel('aaaaa')).toBeNull();
    expect(store.findModel("' OR 1=1 --")).toBeNull();
    expect(store.findModel('ffffff')).toBeNull();
  });

  it('updates a model imported again instead of duplicating it', () => {
    store.saveModel(record(sha('a')));
    store.saveModel(record(sha('a'), { path: '/elsewhere/a.gguf', source: 'downloaded' }));
    expect(store.listModels()).toEqual([
      expect.objectContaining({ path: '/elsewhere/a.gguf', source: 'downloaded' }),
    ]);
    expect(store.removeModel(sha('a').slice(0, 12))).toBe(true);
    expect(store.removeModel(sha('a').slice(0, 12))).toBe(false);
  });

  it('keeps thread calibrations per model and machine', () => {
    const calibration = {
      modelSha256: sha('a'),
      machineKey: 'linux-x64|cpu|2cpu|cpu',
      runtimeVersion: 'node-llama-cpp 3 (llama.cpp b1)',
      bestThreads: 2,
      measurements: [
        { threads: 2, promptTokensPerSecond: 10, generationTokensPerSecond: 5, totalMs: 100 },
      ],
      measuredAt: '2025-01-01T00:00:00.000Z',
    };
    store.saveCalibration(calibration);
    store.saveCalibration({ ...calibration, bestThreads: 1 });
    expect(store.findCalibration(sha('a'), calibration.machineKey)?.bestThreads).toBe(1);
    expect(store.findCalibration(sha('a'), 'another machine')).toBeNull();
  });

  it('pins the first hash of a catalog entry and keeps it', () => {
    expect(store.pinnedHash('x')).toBeNull();
    store.pinHash('x', sha('a'));
    store.pinHash('x', sha('b'));
    expect(store.pinnedHash('x')).toBe(sha('a'));
  });

  it('refuses rows that break the schema and reports damaged stored JSON clearly', () => {
    expect(() => store.saveModel(record('short'))).toThrow(/CHECK constraint/);
    store.saveModel(record(sha('a')));
    db.prepare('UPDATE models SET summary = \'{"name": 1}\'').run();
    expect(() => store.listModels()).toThrow(StoreError);
    expect(() => store.listModels()).toThrow(/summary of model aaaaaaaaaaaa is damaged/);
  });
});
