// An in-memory RepoPort: the workspace folder as a map of path → text. Markdown files and
// `.cairn/config.yaml` are the text files a pass parses, as the folder reader gives them.
import type { RepoPort } from '../../../../workflows/engine/run-state.ts';
import type { WorkspaceInput } from '../../../../workflows/specs/model.ts';

export class MemoryRepo implements RepoPort {
  readonly files: Map<string, string>;
  /** Every path written, in order. */
  readonly writes: string[] = [];

  constructor(files: Record<string, string> = {}) {
    this.files = new Map(Object.entries(files));
  }

  async read(): Promise<WorkspaceInput> {
    const paths = [...this.files.keys()].sort();
    return {
      files: paths
        .filter((p) => p.endsWith('.md') || p === '.cairn/config.yaml')
        .map((p) => ({ path: p, text: this.files.get(p)! })),
      paths,
    };
  }

  async readFile(path: string): Promise<string | null> {
    return this.files.get(path) ?? null;
  }

  async writeFile(path: string, text: string): Promise<void> {
    this.files.set(path, text);
    this.writes.push(path);
  }
}
