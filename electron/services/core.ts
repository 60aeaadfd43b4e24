// The core every host runs: the store, the open workspace and the handlers over them.
// Electron's main process, the web host and the CLI each create one.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { ModelsService, type ModelsServiceOptions } from './models/models-service.ts';
import { DATABASE_FILE, openDatabase, schemaVersion } from './store/database.ts';
import { ModelRegistryStore } from './store/model-registry-store.ts';
import { packageRoot } from './package-root.ts';
import { FileSecretStore } from './secrets/file-secret-store.ts';
import type { SecretStore } from './secrets/secret-store.ts';
import { ActiveRuns } from './workflows/active-runs.ts';
import { createWorkflowServices, type WorkflowServices } from './workflows/workflow-services.ts';
import { recentWorkspaces, rememberWorkspace } from './store/recent-workspaces.ts';
import { openWorkspace, type SpecListingCache } from './workspace/workspace.ts';
import { WorkspaceIndex } from './workspace/workspace-index.ts';
import { RequirementTracer } from './workspace/requirement-references.ts';
import type { WorkspaceSummary } from '../ipc/contract.ts';
import { CairnFailure } from '../ipc/failure.ts';

export interface CoreOptions {
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  workspace?: string;
  nativeBinding?: string;
  /** On-device model settings (GPU mode, context size, catalog); see ModelsService. */
  models?: Omit<ModelsServiceOptions, 'registry' | 'dataDir'>;
  /** Tokens and API keys; a user-only file in the data folder unless the host has better. */
  secrets?: SecretStore;
  /** Where built-in workflows and templates are read from; the package root by default. */
  packageRoot?: string;
}

export class Core {
  readonly db: Database;
  readonly dataDir: string;
  readonly host: 'electron' | 'web';
  readonly version: string;
  private current: WorkspaceSummary | null = null;
  /** Listing cache of the open workspace; replaced when another one is opened. */
  listingCache: SpecListingCache = new Map();
  private modelsService: ModelsService | null = null;
  private readonly modelsOptions: CoreOptions['models'];
  readonly secrets: SecretStore;
  private readonly packageRoot: string | undefined;
  private workflowServices: WorkflowServices | null = null;
  private drives: ActiveRuns | null = null;
  private index: WorkspaceIndex | null = null;
  private tracer: RequirementTracer | null = null;

  constructor(options: CoreOptions) {
    this.modelsOptions = options.models;
    this.dataDir = options.dataDir;
    this.host = options.host;
    this.version = options.version;
    this.secrets = options.secrets ?? new FileSecretStore(options.dataDir);
    this.packageRoot = options.packageRoot;
    this.db = openDatabase(options.dataDir, { nativeBinding: options.nativeBinding });
    if (options.workspace) this.openWorkspace(options.workspace);
  }

  get databasePath(): string {
    return path.join(this.dataDir, DATABASE_FILE);
  }

  get schemaVersion(): number {
    return schemaVersion(this.db);
  }

  get workspace(): WorkspaceSummary | null {
    return this.current;
  }

  requireWorkspace(): WorkspaceSummary {
    if (!this.current)
      throw new CairnFailure('no_workspace', 'No workspace is open. Open a folder of specs first.');
    return this.current;
  }

  openWorkspace(root: string): WorkspaceSummary {
    const summary = openWorkspace(root);
    rememberWorkspace(this.db, summary.root);
    if (summary.root !== this.current?.root) this.listingCache = new Map();
    this.current = summary;
    return summary;
  }

  /** The open workspace's specs in memory with a full-text index; read on first use. */
  get workspaceIndex(): WorkspaceIndex {
    const { root } = this.requireWorkspace();
    if (this.index?.root !== root) {
      this.index?.close();
      this.index = new WorkspaceIndex(root, (line) => console.warn(line));
      this.tracer = null;
    }
    return this.index;
  }

  /** Where requirements of the open workspace are declared, planned and cited. */
  get requirementTracer(): RequirementTracer {
    const index = this.workspaceIndex;
    this.tracer ??= new RequirementTracer(index.root, index);
    return this.tracer;
  }

  recentWorkspaces() {
    return recentWorkspaces(this.db);
  }

  /** On-device models; the inference worker starts on first use, not here. */
  get models(): ModelsService {
    this.modelsService ??= new ModelsService({
      ...this.modelsOptions,
      registry: new ModelRegistryStore(this.db),
      dataDir: this.dataDir,
    });
    return this.modelsService;
  }

  /** Workflow runs, records, consent and budgets; assembled on first use. */
  get workflows(): WorkflowServices {
    this.workflowServices ??= createWorkflowServices({
      db: this.db,
      dataDir: this.dataDir,
      models: this.models,
      secrets: this.secrets,
      packageRoot: this.packageRoot ?? packageRoot(),
    });
    return this.workflowServices;
  }

  /** The runs this process drives in the background (the Runs view, resumes after consent). */
  get activeRuns(): ActiveRuns {
    this.drives ??= new ActiveRuns(
      () => this.workflows.workflows,
      (line) => console.warn(line),
    );
    return this.drives;
  }

  close(): void {
    this.index?.close();
    this.modelsService?.close();
    if (this.db.open) this.db.close();
  }
}
