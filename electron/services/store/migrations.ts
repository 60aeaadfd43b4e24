import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Versioned migrations, applied in order, each in its own transaction. Never edit one that
 * has shipped: add the next version instead (tests migrate from every older version).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    up(db) {
      db.exec(`
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL CHECK (json_valid(value)),
          updated_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'recent workspaces',
    up(db) {
      db.exec(`
        CREATE TABLE workspaces (
          id INTEGER PRIMARY KEY,
          root TEXT NOT NULL UNIQUE,
          first_opened_at TEXT NOT NULL,
          last_opened_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX workspaces_last_opened ON workspaces (last_opened_at DESC);
      `);
    },
  },
  {
    version: 3,
    name: 'model registry and thread calibrations',
    up(db) {
      db.exec(`
        CREATE TABLE models (
          id TEXT PRIMARY KEY,
          sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
          path TEXT NOT NULL,
          size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
          file_modified_ms INTEGER NOT NULL,
          source TEXT NOT NULL CHECK (source IN ('imported', 'downloaded')),
          catalog_id TEXT,
          summary TEXT NOT NULL CHECK (json_valid(summary)),
          added_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE thread_calibrations (
          model_sha256 TEXT NOT NULL,
          machine_key TEXT NOT NULL,
          runtime_version TEXT NOT NULL,
          best_threads INTEGER NOT NULL CHECK (best_threads > 0),
          measurements TEXT NOT NULL CHECK (json_valid(measurements)),
          measured_at TEXT NOT NULL,
          PRIMARY KEY (model_sha256, machine_key)
        ) STRICT;
        CREATE TABLE catalog_hash_pins (
          catalog_id TEXT PRIMARY KEY,
          sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
          pinned_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
