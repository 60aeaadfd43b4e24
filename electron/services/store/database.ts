import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

export const DATABASE_FILE = 'cairn.db';

export class StoreError extends Error {
  override name = 'StoreError';
}

export interface OpenStoreOptions {
  /** Apply migrations only up to this version (tests of older schemas). */
  targetVersion?: number;
  migrations?: readonly Migration[];
  /** A better-sqlite3 addon built for another ABI (Electron's); see scripts/electron-native.mjs. */
  nativeBinding?: string;
}

/** Opens (creating if needed) the app database in `dataDir`, in WAL mode, and migrates it. */
export function openDatabase(dataDir: string, options: OpenStoreOptions = {}): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  let db: Database;
  try {
    db = new BetterSqlite3(
      file,
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw new StoreError(
      `Cannot open the Cairn database at ${file}: ${(error as Error).message}. ` +
        `Move the file aside (Cairn will create a new one) or choose another folder with --data-dir.`,
    );
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, options.migrations ?? MIGRATIONS, options.targetVersion, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

export function migrate(
  db: Database,
  migrations: readonly Migration[],
  targetVersion = migrations.at(-1)?.version ?? 0,
  file = db.name,
): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const current = schemaVersion(db);
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) {
    throw new StoreError(
      `The database at ${file} has schema version ${current}, but this Cairn knows versions up to ${known}. ` +
        `It was written by a newer Cairn: update Cairn, or use another data folder with --data-dir.`,
    );
  }
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > targetVersion) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
}
