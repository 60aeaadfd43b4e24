// Tells the workspace index which files changed on disk. macOS and Windows watch a tree
// natively (one recursive watcher); on Linux, Node's recursive mode polls every file, so each
// folder the scan reads gets its own inotify watcher, up to a cap, and folders skipped by the
// scan (node_modules, .git, build output) are never watched.
import fs from 'node:fs';
import path from 'node:path';
import { skipsFolder } from './workspace.ts';

export interface WatchOptions {
  /** Changes are collected for this long before they are reported (default 150 ms). */
  settleMs?: number;
  /** Most folders watched one by one (Linux); past it, changes in the rest are missed. */
  maxFolders?: number;
  /** Called once when the cap is reached or a watcher fails, with what was lost. */
  onLimit?: (message: string) => void;
}

export interface WorkspaceWatcher {
  close(): void;
}

/** Calls `onChange` with the relative paths (forward slashes) that changed, settled. */
export function watchWorkspace(
  root: string,
  onChange: (paths: string[]) => void,
  options: WatchOptions = {},
): WorkspaceWatcher {
  const settleMs = options.settleMs ?? 150;
  const maxFolders = options.maxFolders ?? 4096;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let warned = false;
  const warn = (message: string) => {
    if (warned) return;
    warned = true;
    options.onLimit?.(message);
  };
  const note = (rel: string) => {
    if (closed || rel.split('/').some((part) => skipsFolder(part))) return;
    pending.add(rel);
    timer ??= setTimeout(() => {
      timer = null;
      const paths = [...pending].sort();
      pending.clear();
      if (!closed && paths.length > 0) onChange(paths);
    }, settleMs);
  };
  const watchers = new Map<string, fs.FSWatcher>();

  const watch = (dir: string, recursive: boolean) => {
    if (watchers.has(dir)) return;
    if (watchers.size >= maxFolders) {
      warn(
        `Watching the first ${maxFolders} folders of ${root} only; changes made outside Cairn in the others show after the next scan.`,
      );
      return;
    }
    try {
      const watcher = fs.watch(
        path.join(root, dir),
        { recursive, persistent: false },
        (_event, name) => {
          if (!name) return;
          const rel = (dir ? `${dir}/${name.toString()}` : name.toString())
            .split(path.sep)
            .join('/');
          note(rel);
          // A folder created on Linux gets its own watcher.
          if (!recursive) void watchIfFolder(rel);
        },
      );
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(dir);
      });
      watchers.set(dir, watcher);
    } catch (error) {
      warn(`Cannot watch ${path.join(root, dir)} (${(error as Error).message}).`);
    }
  };

  const watchIfFolder = async (rel: string) => {
    try {
      const stat = await fs.promises.stat(path.join(root, rel));
      if (stat.isDirectory() && !closed) await watchTree(rel);
    } catch {
      // Gone again already: nothing to watch.
    }
  };

  const watchTree = async (start: string) => {
    const pendingDirs = [start];
    while (pendingDirs.length > 0 && !closed) {
      const dir = pendingDirs.pop() as string;
      watch(dir, false);
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(path.join(root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (entry.isDirectory() && !skipsFolder(entry.name)) {
          pendingDirs.push(dir ? `${dir}/${entry.name}` : entry.name);
        }
      }
    }
  };

  if (process.platform === 'darwin' || process.platform === 'win32') watch('', true);
  else void watchTree('');

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
