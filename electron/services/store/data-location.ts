// Where Cairn keeps its data on this machine and how much room it takes: the data folder, the
// database (with its WAL and shared-memory files), the models folder and the exports folder.
import fs from 'node:fs';
import path from 'node:path';

/** Bytes of the files under `dir` (links are not followed); 0 when it does not exist. */
export function folderBytes(dir: string): number {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 0;
    throw error;
  }
  let total = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += fileBytes(full);
  }
  return total;
}

/** Bytes of one file; 0 when it does not exist (it may vanish while being counted). */
export function fileBytes(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/** The database file with the WAL and shared-memory files SQLite keeps beside it. */
export function databaseBytes(databasePath: string): number {
  return ['', '-wal', '-shm'].reduce((sum, suffix) => sum + fileBytes(databasePath + suffix), 0);
}
