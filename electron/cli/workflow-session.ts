// What the workflow commands (run, runs, items) share: the database, on-device models, the
// record store and the workflow service, opened from --data-dir, and closed together.
import type { EscalationService } from '../services/egress/escalation-service.ts';
import { ModelsService } from '../services/models/models-service.ts';
import type { RecordStore } from '../services/records/record-store.ts';
import { FileSecretStore } from '../services/secrets/file-secret-store.ts';
import { resolveDataDir } from '../services/store/data-dir.ts';
import { openDatabase } from '../services/store/database.ts';
import { ModelRegistryStore } from '../services/store/model-registry-store.ts';
import { createWorkflowServices } from '../services/workflows/workflow-services.ts';
import type { WorkflowsService } from '../services/workflows/workflows-service.ts';
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
  const services = createWorkflowServices({
    db,
    dataDir,
    models,
    secrets: new FileSecretStore(dataDir),
    packageRoot: packageRoot(),
  });
  return {
    ...services,
    models,
    close() {
      models.close();
      db.close();
    },
  };
}
