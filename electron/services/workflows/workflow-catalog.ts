// The workflows, prompt templates and document templates a workspace can use: the built-ins
// shipped with Cairn, overridden or extended by the team's files in `.cairn/workflows/*.yaml`
// and `.cairn/prompts/*.md` (which sync through git). A broken team file is reported with its
// file and line; it does not hide the other workflows.
import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowDefinition } from '../../../workflows/engine/definition.ts';
import {
  parseWorkflowFile,
  WorkflowFileError,
  type DefinitionContext,
} from '../../../workflows/engine/load-definition.ts';
import type { PassImplementation } from '../../../workflows/engine/pass.ts';

export interface CatalogSources {
  /** `workflows/builtin` of the app: `*.yaml` and `prompts/*.md`. */
  builtinDir: string;
  /** `resources/templates` of the app. */
  templatesDir: string;
  workspaceRoot: string;
  passes: readonly PassImplementation[];
}

export interface CatalogEntry {
  definition: WorkflowDefinition;
  source: 'builtin' | 'workspace';
  file: string;
}

export interface WorkflowCatalog {
  workflows: Map<string, CatalogEntry>;
  /** Files that could not be used, with every problem located. */
  problems: WorkflowFileError[];
  prompts: Map<string, string>;
  templates: Record<string, string>;
  passes: Map<string, PassImplementation>;
}

export class UnknownWorkflowError extends Error {
  override name = 'UnknownWorkflowError';
}

function filesIn(dir: string, ext: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => path.join(dir, f));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function readNamed(files: string[], into: Map<string, string>): void {
  for (const file of files) into.set(path.basename(file, '.md'), fs.readFileSync(file, 'utf8'));
}

export function loadCatalog(sources: CatalogSources): WorkflowCatalog {
  const teamDir = path.join(sources.workspaceRoot, '.cairn');
  const prompts = new Map<string, string>();
  readNamed(filesIn(path.join(sources.builtinDir, 'prompts'), '.md'), prompts);
  readNamed(filesIn(path.join(teamDir, 'prompts'), '.md'), prompts);
  const templateTexts = new Map<string, string>();
  readNamed(filesIn(sources.templatesDir, '.md'), templateTexts);
  const templates = Object.fromEntries(templateTexts);
  const passes = new Map(sources.passes.map((p) => [p.name, p]));
  const context: DefinitionContext = { passes, prompts: new Set(prompts.keys()) };
  const workflows = new Map<string, CatalogEntry>();
  const problems: WorkflowFileError[] = [];
  const load = (file: string, source: CatalogEntry['source'], shown: string) => {
    try {
      const definition = parseWorkflowFile(shown, fs.readFileSync(file, 'utf8'), context);
      workflows.set(definition.id, { definition, source, file: shown });
    } catch (error) {
      if (!(error instanceof WorkflowFileError)) throw error;
      problems.push(error);
    }
  };
  for (const file of filesIn(sources.builtinDir, '.yaml')) {
    load(file, 'builtin', `workflows/builtin/${path.basename(file)}`);
  }
  for (const file of filesIn(path.join(teamDir, 'workflows'), '.yaml')) {
    load(file, 'workspace', `.cairn/workflows/${path.basename(file)}`);
  }
  return { workflows, problems, prompts, templates, passes };
}

/** The workflow with this ID, or an error that lists the known ones and any broken files. */
export function findWorkflow(catalog: WorkflowCatalog, id: string): CatalogEntry {
  const entry = catalog.workflows.get(id);
  if (entry) return entry;
  const broken = catalog.problems.find((p) => p.problems.some((q) => q.file.includes(`/${id}.`)));
  if (broken) throw broken;
  throw new UnknownWorkflowError(
    `No workflow '${id}'. Known: ${[...catalog.workflows.keys()].sort().join(', ') || 'none'}.` +
      (catalog.problems.length > 0
        ? ` These files could not be read:\n${catalog.problems.map((p) => p.message).join('\n')}`
        : ''),
  );
}
