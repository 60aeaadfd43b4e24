// What the editor needs to know about the open workspace, kept in memory and up to date file by
// file: the text of every spec (and the config), each parsed once per change, and a full-text
// index over them. Built on first use; after that a change costs a stat and a read of the files
// that changed, and a save through Cairn costs nothing more than the write.
import fs from 'node:fs';
import path from 'node:path';
import { firstHeading, readFrontmatter } from '../../../workflows/specs/frontmatter.ts';
import type {
  FileProblem,
  SourceFile,
  SpecDocument,
  Workspace,
} from '../../../workflows/specs/model.ts';
import { parseSpecFile, parseWorkspaceStepwise } from '../../../workflows/specs/parse-workspace.ts';
import { isSpecTextFile, listFiles, readTextFile } from '../specs/read-workspace-files.ts';
import { SpecSearch, type SearchHit, type SearchOptions } from './spec-search.ts';
import { watchWorkspace, type WorkspaceWatcher } from './watch-workspace.ts';
import { MAX_READ_BYTES, skipsFolder } from './workspace.ts';

/** Without a watcher, a use this soon after the last scan trusts it (a burst of calls). */
const RESCAN_AFTER_MS = 1000;

/** Files read at once: enough to overlap disk reads with parsing and indexing. */
const READ_CONCURRENCY = 16;

/** Parsing a large workspace gives the event loop a turn this often, in ms (see workspace()). */
const PARSE_SLICE_MS = 16;

interface Entry {
  size: number;
  mtimeMs: number;
  text: string;
  /** The parse of `text` under `roots`, once asked for. */
  parsed?: { roots: string; document: SpecDocument | null };
}

export interface IndexChange {
  /** Spec files whose text changed, appeared or went away. */
  changed: string[];
  /** Whether files were added or removed (the listing is out of date). */
  listingChanged: boolean;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly problems = new Map<string, FileProblem>();
  private paths = new Set<string>();
  private sortedPaths: string[] | null = null;
  private readonly search = new SpecSearch();
  private opened: Promise<{ files: number; elapsedMs: number }> | null = null;
  /** Refreshes run one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private watcher: WorkspaceWatcher | null = null;
  /** The watcher missed folders (the Linux cap) or failed: changes may go unseen. */
  private watchIncomplete = false;
  private scannedAt = 0;

  constructor(
    readonly root: string,
    private readonly log: (line: string) => void = () => {},
    private readonly parseSliceMs = PARSE_SLICE_MS,
  ) {}

  /**
   * Calls `listener` after files change on disk (the index is already up to date then). The
   * folder is watched while anyone listens.
   */
  watch(listener: (change: IndexChange) => void): () => void {
    this.listeners.add(listener);
    this.watcher ??= watchWorkspace(
      this.root,
      (paths) => {
        this.refresh(paths).then(
          (change) => {
            if (change.changed.length === 0 && !change.listingChanged) return;
            for (const l of this.listeners) l(change);
          },
          (error: unknown) => this.log(`[workspace] refresh failed: ${String(error)}`),
        );
      },
      {
        onLimit: (message) => {
          this.watchIncomplete = true;
          this.log(`[workspace] ${message}`);
        },
      },
    );
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    this.watchIncomplete = false;
  }

  /**
   * Reads the workspace once, then keeps it current: a watcher reports changes as they happen;
   * without one (nobody has the Workspace view open), every use stats the files again.
   */
  private async current(): Promise<void> {
    await this.open();
    if (this.watcher && !this.watchIncomplete) return;
    if (performance.now() - this.scannedAt < RESCAN_AFTER_MS) return;
    await this.serial(() => this.rescan());
  }

  /** The text of line `line` (1-based) of a spec file, trimmed; '' when unknown. */
  lineText(rel: string, line: number): string {
    const text = this.entries.get(rel)?.text;
    return text?.split(/\r\n|\r|\n/)[line - 1]?.trim() ?? '';
  }

  /** Reads every spec of the workspace once; later calls wait for the same reading. */
  open(): Promise<{ files: number; elapsedMs: number }> {
    this.opened ??= this.serial(async () => {
      const started = performance.now();
      await this.rescan();
      return { files: this.entries.size, elapsedMs: performance.now() - started };
    });
    return this.opened;
  }

  async find(query: string, options?: SearchOptions): Promise<SearchHit[]> {
    await this.current();
    return this.search.search(query, options);
  }

  /** The parsed workspace, as `cairn lint` would read it now. */
  async workspace(): Promise<Workspace> {
    await this.current();
    return this.serial(async () => {
      const files: SourceFile[] = [...this.entries].map(([p, e]) => ({ path: p, text: e.text }));
      const memo = (file: SourceFile, roots: readonly string[] | null) => {
        const entry = this.entries.get(file.path);
        const key = JSON.stringify(roots);
        if (entry?.parsed && entry.parsed.roots === key) return entry.parsed.document;
        const document = parseSpecFile(file, roots);
        if (entry) entry.parsed = { roots: key, document };
        return document;
      };
      const input = { files, paths: this.allPaths(), problems: [...this.problems.values()] };
      // The first parse of thousands of specs takes seconds: done in slices, so the core
      // answers other requests meanwhile.
      const steps = parseWorkspaceStepwise(input, { parseFile: memo });
      let sliceStart = performance.now();
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        if (performance.now() - sliceStart >= this.parseSliceMs) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    });
  }

  /** Every file path of the workspace, sorted. */
  allPaths(): string[] {
    this.sortedPaths ??= [...this.paths].sort();
    return this.sortedPaths;
  }

  /** Takes in a file Cairn has just written, without reading it back. */
  async saved(rel: string, text: string): Promise<void> {
    await this.open();
    await this.serial(async () => {
      const stat = await fs.promises.stat(path.join(this.root, rel));
      this.addPath(rel);
      if (isSpecTextFile(rel)) this.put(rel, { size: stat.size, mtimeMs: stat.mtimeMs, text });
    });
  }

  /**
   * Re-reads the given paths (files or folders, relative), as a watcher reports them; a folder
   * is read again in full. Returns which spec files changed.
   */
  async refresh(changed: readonly string[]): Promise<IndexChange> {
    await this.open();
    return this.serial(async () => {
      const out: IndexChange = { changed: [], listingChanged: false };
      for (const rel of changed) {
        let stat: fs.Stats | null = null;
        try {
          stat = await fs.promises.stat(path.join(this.root, rel));
        } catch {
          stat = null;
        }
        if (stat?.isDirectory()) {
          const before = this.paths.size;
          for (const file of await listFiles(path.join(this.root, rel))) {
            const inner = `${rel}/${file}`;
            if (await this.reread(inner)) out.changed.push(inner);
            this.addPath(inner);
          }
          out.listingChanged ||= this.paths.size !== before;
          continue;
        }
        if (!stat) {
          // Gone: the file, or a whole folder and everything under it.
          for (const known of [...this.paths]) {
            if (known !== rel && !known.startsWith(rel + '/')) continue;
            this.paths.delete(known);
            this.sortedPaths = null;
            out.listingChanged = true;
            if (this.drop(known)) out.changed.push(known);
          }
          continue;
        }
        if (!this.paths.has(rel)) out.listingChanged = true;
        this.addPath(rel);
        if (await this.reread(rel)) out.changed.push(rel);
      }
      return out;
    });
  }

  private async rescan(): Promise<void> {
    const now = new Set(await listFiles(this.root));
    for (const known of this.paths) if (!now.has(known)) this.drop(known);
    this.paths = now;
    this.sortedPaths = null;
    const specs = [...now].filter(isSpecTextFile);
    for (let i = 0; i < specs.length; i += READ_CONCURRENCY) {
      await Promise.all(specs.slice(i, i + READ_CONCURRENCY).map((rel) => this.reread(rel)));
    }
    this.scannedAt = performance.now();
  }

  /** Reads a spec text file again if its size or time changed; true when its text changed. */
  private async reread(rel: string): Promise<boolean> {
    if (!isSpecTextFile(rel) || rel.split('/').some(skipsFolder)) return false;
    const full = path.join(this.root, rel);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(full);
    } catch {
      return this.drop(rel);
    }
    const known = this.entries.get(rel);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return false;
    const { file, problem } = await readTextFile(this.root, rel, MAX_READ_BYTES);
    if (problem) this.problems.set(rel, problem);
    else this.problems.delete(rel);
    if (!file) return this.drop(rel, true);
    if (known?.text === file.text) {
      known.size = stat.size;
      known.mtimeMs = stat.mtimeMs;
      return false;
    }
    this.put(rel, { size: stat.size, mtimeMs: stat.mtimeMs, text: file.text });
    return true;
  }

  private put(rel: string, entry: Entry): void {
    this.entries.set(rel, entry);
    if (rel.toLowerCase().endsWith('.md')) this.search.set(rel, entry.text, titleOf(entry.text));
  }

  private drop(rel: string, keepProblem = false): boolean {
    if (!keepProblem) this.problems.delete(rel);
    this.search.remove(rel);
    return this.entries.delete(rel);
  }

  private addPath(rel: string): void {
    if (this.paths.has(rel)) return;
    this.paths.add(rel);
    this.sortedPaths = null;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function titleOf(text: string): string {
  const title = readFrontmatter(text).data['title'];
  return typeof title === 'string' ? title : (firstHeading(text) ?? '');
}
