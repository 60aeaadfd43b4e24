import { readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { PassSchema } from '../../../workflows/engine/definition.ts';
import type {
  ModelCaller,
  ModelRequest,
  PassContext,
  ResolvedInputs,
  WorkItemRef,
} from '../../../workflows/engine/pass.ts';
import { parseWorkspace } from '../../../workflows/specs/parse-workspace.ts';
import { readWorkspaceFiles } from '../../../electron/services/specs/read-workspace-files.ts';
import { REPO } from '../specs/helpers.ts';

export const PROMPTS = path.join(REPO, 'workflows/builtin/prompts');
export const TEMPLATES = path.join(REPO, 'resources/templates');

export async function filesOf(root: string): Promise<Record<string, string>> {
  const input = await readWorkspaceFiles(root);
  return Object.fromEntries(input.files.map((f) => [f.path, f.text]));
}

export interface ContextOptions {
  pass: Record<string, unknown> & { id: string; uses: string };
  item?: Partial<WorkItemRef> | null;
  outputs?: Record<string, unknown>;
  model?: ModelCaller | null;
}

/** A pass context over in-memory files, inputs resolved as the engine would (globs, {item}). */
export function contextFor(files: Record<string, string>, options: ContextOptions): PassContext {
  const item: WorkItemRef | null =
    options.item === null
      ? null
      : {
          id: 'WI-7KQ2',
          kind: 'feature',
          title: 'Offline review',
          folder: 'specs/offline-review',
          ...options.item,
        };
  const expand = (glob: string) => glob.replace('{item}', item?.folder ?? '');
  const pass = PassSchema.parse({
    ...options.pass,
    ...(typeof options.pass['output'] === 'string'
      ? { output: expand(options.pass['output']) }
      : {}),
  });
  const inputs: ResolvedInputs = { documents: [], sections: [], outputs: {}, templates: {} };
  for (const input of pass.inputs) {
    if ('documents' in input) {
      const globs = [input.documents].flat().map(expand);
      const match = picomatch(globs);
      for (const p of Object.keys(files).sort()) {
        if (match(p) && !inputs.documents.some((d) => d.path === p)) {
          inputs.documents.push({ path: p, text: files[p] as string });
        }
      }
    } else if ('template' in input) {
      inputs.templates[input.template] = readFileSync(
        path.join(TEMPLATES, `${input.template}.md`),
        'utf8',
      );
    } else if ('pass' in input) {
      inputs.outputs[input.pass] = options.outputs?.[input.pass];
    } else if ('section' in input) {
      const match = picomatch([input.section.documents].flat().map(expand));
      for (const p of Object.keys(files).filter((f) => match(f))) {
        inputs.sections.push({ path: p, heading: input.section.heading, text: '' });
      }
    }
  }
  return {
    run: { id: 'run-1', workflowId: 'test', today: '2025-06-01' },
    item,
    pass,
    workspace: parseWorkspace({
      files: Object.entries(files).map(([p, text]) => ({ path: p, text })),
      paths: Object.keys(files),
    }),
    files: new Map(Object.entries(files)),
    inputs,
    prompt: pass.prompt ? readFileSync(path.join(PROMPTS, `${pass.prompt}.md`), 'utf8') : null,
    model: options.model ?? null,
    signal: { aborted: false },
  };
}

/** A model that answers from a script, validating each answer against the request's schema. */
export function scriptedModel(...replies: unknown[]): ModelCaller & {
  requests: ModelRequest<never>[];
} {
  const requests: ModelRequest<never>[] = [];
  return {
    requests,
    async call(request) {
      requests.push(request as ModelRequest<never>);
      if (replies.length === 0) throw new Error('The scripted model has no more replies');
      return { value: request.schema.parse(replies.shift()), envelopeId: `env-${requests.length}` };
    },
  };
}

/** The user message of a recorded request. */
export function promptOf(request: ModelRequest<never> | undefined): string {
  return request?.messages.find((m) => m.role === 'user')?.content ?? '';
}
