// What the record commands (replay, rerun, export-traces) share: the data folder, the database
// and the record store on it, closed again whatever happens.
import type { Database } from 'better-sqlite3';
import { RecordStore } from '../services/records/record-store.ts';
import { resolveDataDir } from '../services/store/data-dir.ts';
import { openDatabase } from '../services/store/database.ts';
import { UsageError, type CliIo } from './command.ts';

export interface RecordsContext {
  dataDir: string;
  db: Database;
  records: RecordStore;
}

export async function withRecords<T>(
  dataDirFlag: string | undefined,
  io: CliIo,
  use: (context: RecordsContext) => Promise<T>,
): Promise<T> {
  const dataDir = resolveDataDir(dataDirFlag, io.env);
  const db = openDatabase(dataDir);
  try {
    return await use({ dataDir, db, records: new RecordStore(db) });
  } finally {
    db.close();
  }
}

/** The single positional argument of a command, or a usage error that says what it takes. */
export function onePositional(positionals: string[], command: string, what: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(`${command} takes ${what}, got ${positionals.length} arguments`);
  }
  return positionals[0]!;
}
