// Small deterministic passes for engine tests, each logging its runs so a test can say which
// passes ran (and how often), and an engine over in-memory ports.
import {
  WorkflowSchema,
  type WorkflowDefinition,
} from '../../../../workflows/engine/definition.ts';
import {
  WorkflowEngine,
  type EngineDeps,
  type RunEvent,
} from '../../../../workflows/engine/engine.ts';
import type {
  PassContext,
  PassImplementation,
  PassResult,
} from '../../../../workflows/engine/pass.ts';
import { MemoryRecords } from './memory-records.ts';
import { MemoryRepo } from './memory-repo.ts';
import { MemoryRunStore } from './memory-run-store.ts';

export type PassBody = (context: PassContext, call: number) => Partial<PassResult>;

/** A deterministic pass named `name`; `body` gets the context and how many times it ran before. */
export function testPass(
  name: string,
  body: PassBody,
  log: string[],
  answer?: PassImplementation['answer'],
): PassImplementation {
  let calls = 0;
  return {
    name,
    kind: 'deterministic',
    description: `test pass ${name}`,
    async run(context) {
      log.push(context.pass.id);
      const partial = body(context, calls++);
      return {
        summary: `${context.pass.id} ran`,
        output: null,
        metrics: {},
        changes: [],
        ...partial,
      };
    },
    ...(answer ? { answer } : {}),
  };
}

export function workflowOf(passes: Record<string, unknown>[]): WorkflowDefinition {
  return WorkflowSchema.parse({ id: 'test-flow', title: 'Test flow', passes });
}

export interface Harness {
  store: MemoryRunStore;
  repo: MemoryRepo;
  records: MemoryRecords;
  events: RunEvent[];
  /** A new engine over the same store and repo: the app after a restart. */
  engine(): WorkflowEngine;
}

export function harness(
  passes: PassImplementation[],
  files: Record<string, string> = {},
  deps: Partial<EngineDeps> = {},
): Harness {
  const store = new MemoryRunStore();
  const repo = new MemoryRepo(files);
  const records = new MemoryRecords();
  const events: RunEvent[] = [];
  let tick = 0;
  return {
    store,
    repo,
    records,
    events,
    engine: () =>
      new WorkflowEngine({
        store,
        records,
        repo,
        passes: new Map(passes.map((p) => [p.name, p])),
        prompts: new Map(),
        templates: {},
        model: null,
        // A clock that moves, so a re-written record shows a new time.
        now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
        onEvent: (event) => events.push(event),
        ...deps,
      }),
  };
}

/** A spec file the parser takes as a requirements document. */
export function specFile(title: string, body: string): string {
  return `---\nid: SPEC-${title.toLowerCase()}\ntitle: ${title}\ntype: requirements\n---\n\n# ${title}\n\n${body}`;
}
