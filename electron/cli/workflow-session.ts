// What the workflow commands (run, runs, items) share: the database, on-device models, the
// record store and the workflow service, opened from --data-dir, and closed together.
import path from 'node:path';
import { PASSES } from '../../workflows/passes/index.ts';
import { EscalationService } from '../services/egress/escalation-service.ts';
import { ModelsService } from '../services/models/models-service.ts';
import { RecordStore } from '../services/records/record-store.ts';
import { FileSecretStore } from '../services/secrets/file-secret-store.ts';
import { resolveDataDir } from '../services/store/data-dir.ts';
import { openDatabase } from '../services/store/database.ts';
import { ModelRegistryStore } from '../services/store/model-registry-store.ts';
import { localModelProvider } from '../services/workflows/local-model-provider.ts';
import { WorkflowsService } from '../services/workflows/workflows-service.ts';
import type { CliIo } from './command.ts';
import { packageRoot } from './package-info.ts';

export interface WorkflowSession {
  workflows: WorkflowsService;
  escalation: EscalationService;
  records: RecordStore;
  models: ModelsService;
  close(): void;
}

export function openWorkflowSession(dataDirFlag: string | undefined, io: CliIo): WorkflowSession {
  const dataDir = resolveDataDir(dataDirFlag, io.env);
  const db = openDatabase(dataDir);
  const models = new ModelsService({ registry: new ModelRegistryStore(db), dataDir });
  const records = new RecordStore(db);
  const escalation = new EscalationService(db, dataDir, new FileSecretStore(dataDir));
  const root = packageRoot();
  const workflows = new WorkflowsService({
    db,
    records,
    models: localModelProvider(models),
    passes: PASSES,
    builtinDir: path.join(root, 'workflows', 'builtin'),
    templatesDir: path.join(root, 'resources', 'templates'),
    escalation,
  });
  return {
    workflows,
    escalation,
    records,
    models,
    close() {
      models.close();
      db.close();
    },
  };
}
