import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DATABASE_FILE,
  openDatabase,
  schemaVersion,
  StoreError,
} from '../../electron/services/store/database.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/services/store/migrations.ts';
import {
  recentWorkspaces,
  rememberWorkspace,
} from '../../electron/services/store/recent-workspaces.ts';
import { tempDir } from '../support/temp-dir.ts';

const base = tempDir('cairn-store-');
let n = 0;
const freshDir = () => path.join(base, `db-${n++}`);

function tables(db: BetterSqlite3.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

describe('the app database', () => {
  it('is created from nothing, in WAL mode with foreign keys on, at the latest schema', () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['schema_migrations', 'settings', 'workspaces']),
    );
    db.close();
  });

  it('records each migration once, and reopening applies nothing twice', () => {
    const dir = freshDir();
    openDatabase(dir).close();
    const db = openDatabase(dir);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  for (const older of MIGRATIONS.slice(0, -1)) {
    it(`migrates a database at version ${older.version} to the latest, keeping its data`, () => {
      const dir = freshDir();
      const old = openDatabase(dir, { targetVersion: older.version });
      expect(schemaVersion(old)).toBe(older.version);
      old
        .prepare(
          "INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"dark\"', 'now')",
        )
        .run();
      old.close();

      const db = openDatabase(dir);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare("SELECT value FROM settings WHERE key = 'theme'").get()).toEqual({
        value: '"dark"',
      });
      rememberWorkspace(db, '/specs/a', new Date('2026-01-01T00:00:00Z'));
      rememberWorkspace(db, '/specs/b', new Date('2026-01-02T00:00:00Z'));
      rememberWorkspace(db, '/specs/a', new Date('2026-01-03T00:00:00Z'));
      expect(recentWorkspaces(db).map((w) => w.root)).toEqual(['/specs/a', '/specs/b']);
      db.close();
    });
  }

  it('refuses a database written by a newer Cairn, naming the file and what to do', () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'later')").run();
    db.close();
    expect(() => openDatabase(dir)).toThrow(StoreError);
    expect(() => openDatabase(dir)).toThrow(
      /schema version 999.*knows versions up to \d+.*update Cairn/,
    );
  });

  it('refuses a file that is not a database, naming it, and leaves it untouched', () => {
    const dir = freshDir();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, 'this is not sqlite '.repeat(100));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(dir)).toThrow(
      new RegExp(`Cannot open the Cairn database at ${file}.*--data-dir`),
    );
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('rolls back a migration that fails, leaving the previous version intact', () => {
    const dir = freshDir();
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'broken',
        up(db: BetterSqlite3.Database) {
          db.exec('CREATE TABLE half_done (x INTEGER)');
          db.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => openDatabase(dir, { migrations: broken })).toThrow(/syntax error/);
    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('enforces its constraints', () => {
    const db = openDatabase(freshDir());
    expect(() =>
      db
        .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', 'not json', 'now')")
        .run(),
    ).toThrow(/CHECK constraint/);
    db.close();
  });
});
