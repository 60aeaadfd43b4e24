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
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
