// A workflow service as the app builds it, for integration tests: a real SQLite database, a
// copy of the sample workspace on disk, the real passes and the tiny GGUF model on llama.cpp.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { PASSES } from '../../workflows/passes/index.ts';
import { ModelsService } from '../../electron/services/models/models-service.ts';
import { RecordStore } from '../../electron/services/records/record-store.ts';
import { openDatabase } from '../../electron/services/store/database.ts';
import { ModelRegistryStore } from '../../electron/services/store/model-registry-store.ts';
import { localModelProvider } from '../../electron/services/workflows/local-model-provider.ts';
import { WorkflowsService } from '../../electron/services/workflows/workflows-service.ts';
import { writeTinyGguf } from './tiny-gguf.ts';
import { SAMPLE_WORKSPACE } from './temp-dir.ts';

export const REPO = path.resolve('.');

export interface Harness {
  db: Database;
  dataDir: string;
  workspace: string;
  models: ModelsService;
  records: RecordStore;
  workflows: WorkflowsService;
  modelId: string;
  /** Closes everything and opens it again on the same files: an app restart. */
  restart(): Harness;
  close(): void;
}

export function copySample(dir: string): string {
  const workspace = path.join(dir, 'workspace');
  fs.cpSync(SAMPLE_WORKSPACE, workspace, { recursive: true });
  return workspace;
}

function open(dataDir: string, workspace: string, modelId: string): Harness {
  const db = openDatabase(dataDir);
  const models = new ModelsService({
    registry: new ModelRegistryStore(db),
    dataDir,
    gpu: false,
    contextSize: 4096,
  });
  const records = new RecordStore(db);
  const workflows = new WorkflowsService({
    db,
    records,
    models: localModelProvider(models),
    passes: PASSES,
    builtinDir: path.join(REPO, 'workflows', 'builtin'),
    templatesDir: path.join(REPO, 'resources', 'templates'),
  });
  const harness: Harness = {
    db,
    dataDir,
    workspace,
    models,
    records,
    workflows,
    modelId,
    restart() {
      harness.close();
      return open(dataDir, workspace, modelId);
    },
    close() {
      models.close();
      if (db.open) db.close();
    },
  };
  return harness;
}

/** A harness in `dir` with the tiny model imported (and its threads fixed to 1: no calibration). */
export async function openHarness(dir: string): Promise<Harness> {
  const workspace = copySample(dir);
  const dataDir = path.join(dir, 'data');
  const file = writeTinyGguf({}, dir);
  const modelId = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
  const harness = open(dataDir, workspace, modelId);
  await harness.models.importFile(file);
  await harness.models.calibrate(modelId, { candidates: [1], repeats: 1 });
  return harness;
}
