import fs from 'node:fs';
import path from 'node:path';
import { firstHeading, readFrontmatter } from '../../../workflows/specs/frontmatter.ts';
import type { SpecFile, WorkspaceSummary } from '../../ipc/contract.ts';
import { CairnFailure } from '../../ipc/failure.ts';

/** Folders that never hold specs. Dot-folders are skipped except the SDD tools' own. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'target', 'vendor']);
const SPEC_DOT_DIRS = new Set(['.cairn', '.specify', '.kiro']);

/** Whether a folder of this name is left out of a workspace scan. */
export function skipsFolder(name: string): boolean {
  return SKIPPED_DIRS.has(name) || (name.startsWith('.') && !SPEC_DOT_DIRS.has(name));
}
/** Frontmatter sits at the top; reading more of a large file for a listing is waste. */
const HEAD_BYTES = 64 * 1024;
export const MAX_READ_BYTES = 5 * 1024 * 1024;

export function openWorkspace(root: string): WorkspaceSummary {
  const resolved = path.resolve(root);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new CairnFailure('not_found', `No folder at ${resolved}. Check the path and try again.`);
  }
  if (!stat.isDirectory()) {
    throw new CairnFailure(
      'not_a_workspace',
      `${resolved} is a file, not a folder. Open the folder that holds your specs.`,
    );
  }
  return { root: fs.realpathSync(resolved), name: path.basename(resolved) };
}

export interface ScanProgress {
  scanned: number;
  found: number;
}

/**
 * Listing entries by path, valid while the file's size and mtime are unchanged: parsing
 * frontmatter dominates a listing, and most files have not changed since the last one.
 */
export type SpecListingCache = Map<string, { size: number; mtimeMs: number; entry: SpecFile }>;

export interface ListOptions {
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
  cache?: SpecListingCache;
}

/** Files described at once: enough to overlap disk reads with parsing. */
const CONCURRENCY = 16;

/** Lists the Markdown files of a workspace, sorted by path. */
export async function listSpecFiles(root: string, options: ListOptions = {}): Promise<SpecFile[]> {
  const { onProgress, signal, cache } = options;
  const paths: string[] = [];
  let scanned = 0;
  const pending = [''];
  while (pending.length > 0) {
    if (signal?.aborted) throw new CairnFailure('internal', 'Scan cancelled');
    const dir = pending.pop() as string;
    const entries = await fs.promises.readdir(path.join(root, dir), { withFileTypes: true });
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (skipsFolder(entry.name)) continue;
        pending.push(rel);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        paths.push(rel);
      }
      scanned++;
      if (scanned % 500 === 0) onProgress?.({ scanned, found: paths.length });
    }
  }
  const files: SpecFile[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      if (signal?.aborted) throw new CairnFailure('internal', 'Scan cancelled');
      const index = next++;
      files[index] = await describeSpecFile(root, paths[index] as string, cache);
      if (index % 500 === 499) onProgress?.({ scanned, found: paths.length });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  onProgress?.({ scanned, found: paths.length });
  if (cache) {
    const live = new Set(paths);
    for (const key of cache.keys()) if (!live.has(key)) cache.delete(key);
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

async function describeSpecFile(
  root: string,
  rel: string,
  cache?: SpecListingCache,
): Promise<SpecFile> {
  const full = path.join(root, rel);
  const stat = await fs.promises.stat(full);
  const cached = cache?.get(rel);
  if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.entry;
  const handle = await fs.promises.open(full, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
    await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.toString('utf8');
  } finally {
    await handle.close();
  }
  const fm = readFrontmatter(head);
  const str = (key: string) => {
    const value = fm.data[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  };
  const entry: SpecFile = {
    path: rel,
    title: str('title') ?? firstHeading(head) ?? path.basename(rel, '.md'),
    type: str('type'),
    status: str('status'),
    id: str('id'),
    bytes: stat.size,
    modifiedAt: stat.mtime.toISOString(),
    problem: fm.error ? `${rel}:${fm.error.line}: ${fm.error.message}` : null,
  };
  cache?.set(rel, { size: stat.size, mtimeMs: stat.mtimeMs, entry });
  return entry;
}

/** Reads a file of the workspace; refuses paths (and symbolic links) that lead outside it. */
export async function readWorkspaceFile(root: string, rel: string): Promise<string> {
  const full = path.resolve(root, rel);
  let real: string;
  try {
    real = await fs.promises.realpath(full);
  } catch {
    throw new CairnFailure('not_found', `No file '${rel}' in the workspace ${root}.`);
  }
  if (real !== root && !real.startsWith(root + path.sep)) {
    throw new CairnFailure(
      'forbidden',
      `'${rel}' leads outside the workspace; Cairn only reads files inside ${root}.`,
    );
  }
  const stat = await fs.promises.stat(real);
  if (!stat.isFile()) throw new CairnFailure('not_found', `'${rel}' is not a file.`);
  if (stat.size > MAX_READ_BYTES) {
    throw new CairnFailure(
      'forbidden',
      `'${rel}' is ${stat.size} bytes; Cairn opens files up to ${MAX_READ_BYTES} bytes.`,
    );
  }
  return fs.promises.readFile(real, 'utf8');
}
