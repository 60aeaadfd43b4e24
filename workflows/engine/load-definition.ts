// Reads a workflow file: YAML (duplicate keys refused) validated by WorkflowSchema, then the
// checks a schema cannot express (unknown passes and prompts, inputs that name no earlier pass,
// cycles, duplicate pass IDs). Every problem names the file, the line and the field.
import { isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { normalizeSource, positionMapper } from '../specs/source-text.ts';
import { WorkflowSchema, type WorkflowDefinition } from './definition.ts';

export interface WorkflowProblem {
  file: string;
  line: number;
  column: number;
  /** The field, as a path: `passes[2].inputs[0].pass`. */
  field: string;
  message: string;
}

export class WorkflowFileError extends Error {
  override name = 'WorkflowFileError';
  constructor(readonly problems: WorkflowProblem[]) {
    super(
      problems
        .map((p) => `${p.file}:${p.line}:${p.column}: ${p.field ? p.field + ': ' : ''}${p.message}`)
        .join('\n'),
    );
  }
}

/** What the checks need to know about the rest of the app. */
export interface DefinitionContext {
  /** Names usable in `uses:`, with whether each is a model pass (which needs a `prompt:`). */
  passes: ReadonlyMap<string, { kind: 'deterministic' | 'model' }>;
  /** Prompt template names available to this workspace. */
  prompts: ReadonlySet<string>;
}

type Path = readonly (string | number)[];

export function parseWorkflowFile(
  file: string,
  raw: string,
  context: DefinitionContext,
): WorkflowDefinition {
  const text = normalizeSource(raw);
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const position = positionMapper(text);
  const at = (offset: number, field: string, message: string): WorkflowProblem => {
    const { line, column } = position(offset);
    return { file, line, column, field, message };
  };
  if (doc.errors.length > 0) {
    throw new WorkflowFileError(
      doc.errors.map((e) =>
        at(
          e.pos[0],
          e.code === 'DUPLICATE_KEY' ? formatPath(keyPathAt(doc.contents, e.pos[0]) ?? []) : '',
          `not valid YAML: ${e.message.split('\n')[0]}`,
        ),
      ),
    );
  }
  const locate = (path: Path, message: string) =>
    at(offsetOf(doc, path), formatPath(path), message);
  const parsed = WorkflowSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) throw new WorkflowFileError(zodProblems(parsed.error, locate));
  const problems = checkDefinition(parsed.data, context).map((p) => locate(p.path, p.message));
  if (problems.length > 0) throw new WorkflowFileError(problems);
  return parsed.data;
}

function zodProblems(
  error: z.ZodError,
  locate: (path: Path, message: string) => WorkflowProblem,
): WorkflowProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return locate(
        [...path, issue.keys[0] ?? ''],
        `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`,
      );
    }
    if (issue.code === 'invalid_union' && path.at(-2) === 'inputs') {
      return locate(
        path,
        'an input is one of {documents: glob, optional?: true}, {section: {documents, heading}}, {pass: id}, {template: prd|requirements|design|tasks}',
      );
    }
    return locate(path, issue.message);
  });
}

/** The checks across fields: what the passes read must exist and run earlier. */
export function checkDefinition(
  workflow: WorkflowDefinition,
  context: DefinitionContext,
): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  const index = new Map<string, number>();
  workflow.passes.forEach((pass, i) => {
    if (index.has(pass.id)) {
      problems.push({ path: ['passes', i, 'id'], message: `pass ID '${pass.id}' is used twice` });
    } else index.set(pass.id, i);
  });
  const known = [...context.passes.keys()].sort().join(', ');
  workflow.passes.forEach((pass, i) => {
    const impl = context.passes.get(pass.uses);
    if (!impl) {
      problems.push({
        path: ['passes', i, 'uses'],
        message: `no pass named '${pass.uses}'; the passes are: ${known}`,
      });
    } else if (impl.kind === 'model' && !pass.prompt) {
      problems.push({
        path: ['passes', i],
        message: `'${pass.uses}' is a model pass and needs a prompt: template`,
      });
    }
    if (pass.prompt && !context.prompts.has(pass.prompt)) {
      problems.push({
        path: ['passes', i, 'prompt'],
        message: `no prompt template '${pass.prompt}' (looked in the built-in prompts and .cairn/prompts/)`,
      });
    }
    pass.inputs.forEach((input, j) => {
      if (!('pass' in input)) return;
      const source = index.get(input.pass);
      const path = ['passes', i, 'inputs', j, 'pass'];
      if (source === undefined) {
        problems.push({
          path,
          message: `reads pass '${input.pass}', which this workflow does not have`,
        });
      } else if (source === i) {
        problems.push({ path, message: `pass '${pass.id}' reads its own output (a cycle)` });
      } else if (source > i) {
        problems.push({
          path,
          message: `pass '${pass.id}' reads '${input.pass}', which runs after it (a cycle); move '${input.pass}' earlier`,
        });
      }
    });
  });
  return problems;
}

/** The source offset of the node at `path`, or of its nearest existing parent. */
function offsetOf(doc: Document, path: Path): number {
  let node: Node | null = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

/** The path of the mapping key that starts at `offset` (where a duplicate key is reported). */
function keyPathAt(node: unknown, offset: number, path: Path = []): Path | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as (Node & { value?: unknown }) | null;
      const here = [...path, typeof key?.value === 'number' ? key.value : String(key?.value)];
      if (key?.range?.[0] === offset) return here;
      const found = keyPathAt(pair.value, offset, here);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const found = keyPathAt(item, offset, [...path, i]);
      if (found) return found;
    }
  }
  return null;
}

function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
