// Where a requirement is declared, tested by scenarios, planned by tasks and cited by code and
// tests. Specs come from the workspace index (parsed as `cairn lint` reads them); citations in
// code follow drift's tracing rules (workflows/drift/requirement-ids.ts: which IDs, which files
// are code, which are tests). Drift reads the committed tree; the editor reads the working tree
// instead, so code not committed yet counts and every citation has its line.
import fs from 'node:fs';
import path from 'node:path';
import {
  isCodeCandidate,
  isTestPath,
  REQUIREMENT_ID,
} from '../../../workflows/drift/requirement-ids.ts';
import type { Workspace } from '../../../workflows/specs/model.ts';
import { MAX_FACT_BYTES } from '../repo/blob-facts.ts';
import { looksBinary } from '../repo/trees.ts';
import type { WorkspaceIndex } from './workspace-index.ts';

export interface Place {
  path: string;
  /** 1-based. */
  line: number;
  /** The line (or task, or scenario name), trimmed. */
  text: string;
}

export interface RequirementReferences {
  id: string;
  declarations: (Place & { title: string; scenarios: Place[] })[];
  tasks: (Place & { taskId: string | null; done: boolean })[];
  /** Other specs that mention the ID in prose (a design note, say). */
  mentions: Place[];
  code: Place[];
  tests: Place[];
  /** Code files read for citations, and how long the tracing took. */
  stats: { codeFiles: number; elapsedMs: number };
}

interface CodeEntry {
  size: number;
  mtimeMs: number;
  cites: Map<string, Place[]>;
}

const CITED_TEXT_CHARS = 200;

export class RequirementTracer {
  private readonly code = new Map<string, CodeEntry>();

  constructor(
    private readonly root: string,
    private readonly index: WorkspaceIndex,
  ) {}

  async references(id: string): Promise<RequirementReferences> {
    const started = performance.now();
    const workspace = await this.index.workspace();
    const code: Place[] = [];
    const tests: Place[] = [];
    const paths = this.index.allPaths().filter(isCodeCandidate);
    await this.refreshCode(paths);
    for (const rel of paths) {
      for (const place of this.code.get(rel)?.cites.get(id) ?? []) {
        (isTestPath(rel) ? tests : code).push(place);
      }
    }
    const specs = specReferences(workspace, id);
    for (const mention of specs.mentions)
      mention.text = this.index.lineText(mention.path, mention.line);
    return {
      id,
      ...specs,
      code,
      tests,
      stats: { codeFiles: paths.length, elapsedMs: performance.now() - started },
    };
  }

  /** Reads the code files that are new or changed since the last call (by size and time). */
  private async refreshCode(paths: readonly string[]): Promise<void> {
    const live = new Set(paths);
    for (const known of this.code.keys()) if (!live.has(known)) this.code.delete(known);
    const batch = 16;
    for (let i = 0; i < paths.length; i += batch) {
      await Promise.all(paths.slice(i, i + batch).map((rel) => this.readCode(rel)));
    }
  }

  private async readCode(rel: string): Promise<void> {
    const full = path.join(this.root, rel);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(full);
    } catch {
      this.code.delete(rel);
      return;
    }
    const known = this.code.get(rel);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return;
    const entry: CodeEntry = { size: stat.size, mtimeMs: stat.mtimeMs, cites: new Map() };
    this.code.set(rel, entry);
    if (stat.size > MAX_FACT_BYTES) return;
    const bytes = await fs.promises.readFile(full).catch(() => null);
    if (!bytes || looksBinary(bytes)) return;
    bytes
      .toString('utf8')
      .split(/\r\n|\r|\n/)
      .forEach((line, i) => {
        for (const match of line.matchAll(REQUIREMENT_ID)) {
          const places = entry.cites.get(match[0]) ?? [];
          if (places.at(-1)?.line === i + 1) continue;
          places.push({ path: rel, line: i + 1, text: line.trim().slice(0, CITED_TEXT_CHARS) });
          entry.cites.set(match[0], places);
        }
      });
  }
}

/** Declarations with their scenarios, citing tasks and prose mentions, from the parsed specs. */
export function specReferences(
  workspace: Workspace,
  id: string,
): Pick<RequirementReferences, 'declarations' | 'tasks' | 'mentions'> {
  const out: Pick<RequirementReferences, 'declarations' | 'tasks' | 'mentions'> = {
    declarations: [],
    tasks: [],
    mentions: [],
  };
  for (const document of workspace.documents) {
    for (const r of document.requirements) {
      if (r.id !== id) continue;
      out.declarations.push({
        path: r.path,
        line: r.headingRange.start.line,
        text: r.statement.slice(0, CITED_TEXT_CHARS),
        title: r.title,
        scenarios: r.scenarios.map((s) => ({
          path: r.path,
          line: s.range.start.line,
          text: s.name,
        })),
      });
    }
    for (const task of document.tasks) {
      if (!task.refs.some((ref) => ref.id === id)) continue;
      out.tasks.push({
        path: document.path,
        line: task.range.start.line,
        text: task.text.slice(0, CITED_TEXT_CHARS),
        taskId: task.id,
        done: task.done,
      });
    }
    for (const mention of document.mentions) {
      if (mention.id !== id) continue;
      out.mentions.push({ path: document.path, line: mention.range.start.line, text: '' });
    }
  }
  return out;
}
