// The core every host runs: the store, the open workspace and the handlers over them.
// Electron's main process, the web host and the CLI each create one.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { DATABASE_FILE, openDatabase, schemaVersion } from './store/database.ts';
import { recentWorkspaces, rememberWorkspace } from './store/recent-workspaces.ts';
import { openWorkspace, type SpecListingCache } from './workspace/workspace.ts';
import type { WorkspaceSummary } from '../ipc/contract.ts';
import { CairnFailure } from '../ipc/failure.ts';

export interface CoreOptions {
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  workspace?: string;
  nativeBinding?: string;
}

export class Core {
  readonly db: Database;
  readonly dataDir: string;
  readonly host: 'electron' | 'web';
  readonly version: string;
  private current: WorkspaceSummary | null = null;
  /** Listing cache of the open workspace; replaced when another one is opened. */
  listingCache: SpecListingCache = new Map();

  constructor(options: CoreOptions) {
    this.dataDir = options.dataDir;
    this.host = options.host;
    this.version = options.version;
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

  recentWorkspaces() {
    return recentWorkspaces(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
