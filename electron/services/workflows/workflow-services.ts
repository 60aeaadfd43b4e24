// The workflow side of the core, as every host assembles it: the record store, the escalation
// service (providers, routing, consent, budgets) and the workflow service over on-device models.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { PASSES } from '../../../workflows/passes/index.ts';
import { EscalationService } from '../egress/escalation-service.ts';
import type { ModelsService } from '../models/models-service.ts';
import { RecordStore } from '../records/record-store.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { localModelProvider } from './local-model-provider.ts';
import { WorkflowsService } from './workflows-service.ts';

export interface WorkflowServices {
  workflows: WorkflowsService;
  escalation: EscalationService;
  records: RecordStore;
}

export function createWorkflowServices(options: {
  db: Database;
  dataDir: string;
  models: ModelsService;
  secrets: SecretStore;
  /** Where `workflows/builtin/` and `resources/templates/` live (the package root). */
  packageRoot: string;
}): WorkflowServices {
  const { db, dataDir, models, secrets, packageRoot } = options;
  const records = new RecordStore(db);
  const escalation = new EscalationService(db, dataDir, secrets);
  const workflows = new WorkflowsService({
    db,
    records,
    models: localModelProvider(models),
    passes: PASSES,
    builtinDir: path.join(packageRoot, 'workflows', 'builtin'),
    templatesDir: path.join(packageRoot, 'resources', 'templates'),
    escalation,
  });
  return { workflows, escalation, records };
}
