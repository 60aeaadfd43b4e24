// Removing a model: the file goes only when it is in Cairn's models folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database.ts';
import { ModelRegistryStore } from '../../../electron/services/store/model-registry-store.ts';
import { importModel } from '../../../native-models/registry/import-model.ts';
import { isInsideFolder, removeModel } from '../../../native-models/registry/remove-model.ts';
import { buildTinyGguf } from '../../support/tiny-gguf.ts';

let dir: string;
let modelsDir: string;
let db: Database;
let registry: ModelRegistryStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-remove-model-'));
  modelsDir = path.join(dir, 'data', 'models');
  fs.mkdirSync(modelsDir, { recursive: true });
  db = openDatabase(path.join(dir, 'data'));
  registry = new ModelRegistryStore(db);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function registered(file: string, seed: number) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buildTinyGguf({ seed }));
  return (await importModel(file, registry)).record;
}

describe('removeModel', () => {
  it('deletes a file in the models folder and unregisters the model', async () => {
    const record = await registered(path.join(modelsDir, 'downloaded.gguf'), 1);
    expect(removeModel(record, registry, modelsDir)).toEqual({ record, file: 'deleted' });
    expect(fs.existsSync(record.path)).toBe(false);
    expect(registry.findModel(record.id)).toBeNull();
  });

  it('leaves a file imported from elsewhere on disk', async () => {
    const record = await registered(path.join(dir, 'mine', 'model.gguf'), 2);
    expect(removeModel(record, registry, modelsDir)).toEqual({ record, file: 'kept' });
    expect(fs.existsSync(record.path)).toBe(true);
    expect(registry.listModels()).toEqual([]);
  });

  it('says when the file in the models folder was already gone', async () => {
    const record = await registered(path.join(modelsDir, 'vanished.gguf'), 3);
    fs.rmSync(record.path);
    expect(removeModel(record, registry, modelsDir).file).toBe('already-gone');
    expect(registry.listModels()).toEqual([]);
  });

  it('keeps a file that another registered model still names', async () => {
    const file = path.join(modelsDir, 'replaced.gguf');
    const old = await registered(file, 4);
    const current = await registered(file, 5);
    expect(removeModel(old, registry, modelsDir).file).toBe('shared');
    expect(fs.existsSync(file)).toBe(true);
    expect(registry.listModels().map((m) => m.id)).toEqual([current.id]);
  });
});

describe('isInsideFolder', () => {
  it('accepts files below the folder only', () => {
    expect(isInsideFolder('/data/models', '/data/models/a.gguf')).toBe(true);
    expect(isInsideFolder('/data/models', '/data/models/sub/a.gguf')).toBe(true);
    expect(isInsideFolder('/data/models', '/data/models/..a.gguf')).toBe(true);
    expect(isInsideFolder('/data/models', '/data/models')).toBe(false);
    expect(isInsideFolder('/data/models', '/data/models-old/a.gguf')).toBe(false);
    expect(isInsideFolder('/data/models', '/data/models/../a.gguf')).toBe(false);
    expect(isInsideFolder('/data/models', '/home/me/a.gguf')).toBe(false);
  });
});
