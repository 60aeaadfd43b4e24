// A Cairn side for integration tests: a real database, a real file secret store, and the
// repo services, on a temporary data folder.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { createHttpClient } from '../../electron/services/repo/http-client.ts';
import { saveIdentity } from '../../electron/services/repo/identity.ts';
import { requireRepository, type Repo } from '../../electron/services/repo/repository.ts';
import type { SyncDeps } from '../../electron/services/repo/sync.ts';
import { FileSecretStore } from '../../electron/services/secrets/file-secret-store.ts';
import { openDatabase } from '../../electron/services/store/database.ts';

export interface CairnSide extends SyncDeps {
  db: Database;
  secrets: FileSecretStore;
  dataDir: string;
  repo(dir: string): Promise<Repo>;
  close(): void;
}

/** An environment where no global git identity leaks in from the machine running the tests. */
export const NO_GLOBAL_GIT: NodeJS.ProcessEnv = {
  HOME: '/nonexistent',
  XDG_CONFIG_HOME: '/nonexistent',
};

export function cairnSide(
  base: string,
  name: string,
  identity: { name: string; email: string } | null = {
    name,
    email: `${name.toLowerCase()}@example.com`,
  },
  idleMs = 10_000,
): CairnSide {
  const dataDir = path.join(base, `data-${name}`);
  const db = openDatabase(dataDir);
  if (identity) saveIdentity(db, identity);
  return {
    db,
    dataDir,
    secrets: new FileSecretStore(dataDir),
    http: createHttpClient(idleMs),
    env: NO_GLOBAL_GIT,
    repo: (dir) => requireRepository(dir),
    close: () => db.close(),
  };
}
