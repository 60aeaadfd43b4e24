// What a pass is to the engine: a named implementation that reads its resolved inputs and
// returns an output, metrics for gates, and proposed file changes. Deterministic passes never
// touch `model`; model passes call it with a zod schema and get a validated value back (the call
// is recorded before the value is returned).
import type { z } from 'zod';
import type { Workspace } from '../specs/model.ts';
import type { ChatMessage, RetrievedChunk } from '../records/envelope.ts';
import type { PassDefinition } from './definition.ts';

/** The part of AbortSignal a pass needs (workflows/ has no DOM or Node types). */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface WorkItemRef {
  id: string;
  kind: 'feature' | 'bug' | 'docs' | 'review';
  title: string;
  /** The folder of the item's specs, relative to the workspace root (`specs/offline-review`). */
  folder: string | null;
}

export interface ResolvedInputs {
  /** Whole documents named by `documents:` inputs, in path order. */
  documents: { path: string; text: string }[];
  /** Sections named by `section:` inputs (heading line included). */
  sections: { path: string; heading: string; text: string }[];
  /** Outputs of earlier passes named by `pass:` inputs, by pass ID. */
  outputs: Record<string, unknown>;
  /** Templates named by `template:` inputs (resources/templates), by name. */
  templates: Record<string, string>;
}

/** A proposed change to one file; `before` null means the file does not exist yet. */
export interface FileChange {
  path: string;
  before: string | null;
  after: string;
  /** One line a reviewer reads before accepting: what changes and why. */
  summary: string;
}

/** A question put to the user at the pass's human gate (clarify). */
export interface Question {
  id: string;
  question: string;
  /** 2–5 options, keyed A, B, C…; an empty list means a short free-text answer. */
  options: { key: string; text: string }[];
  /** The key (or short answer) the pass recommends. */
  recommended: string;
  reason: string;
}

export interface PassResult {
  /** One line for the run's timeline. */
  summary: string;
  /** JSON-serialisable; later passes read it through `pass:` inputs. */
  output: unknown;
  /** Numbers gates test (`lintErrors`, `requirementsWithoutScenario`, …). */
  metrics: Record<string, number>;
  changes: FileChange[];
  questions?: Question[];
}

export interface ModelRequest<S extends z.ZodType> {
  messages: ChatMessage[];
  schema: S;
  /** A stable name for the schema, shown in records (`clarify-questions`). */
  schemaName: string;
  maxTokens?: number;
  /** Files and sections the prompt was built from. */
  retrieved?: RetrievedChunk[];
}

export interface ModelCaller {
  call<S extends z.ZodType>(
    request: ModelRequest<S>,
  ): Promise<{ value: z.output<S>; envelopeId: string }>;
}

export interface PassContext {
  run: {
    id: string;
    workflowId: string;
    /** YYYY-MM-DD, for `### Session` headings. */ today: string;
  };
  item: WorkItemRef | null;
  pass: PassDefinition;
  workspace: Workspace;
  /** Text of every parsed workspace file, by relative path. */
  files: ReadonlyMap<string, string>;
  inputs: ResolvedInputs;
  /** The prompt template text named by the pass's `prompt:`, when it has one. */
  prompt: string | null;
  /** Model passes only; null for deterministic passes. */
  model: ModelCaller | null;
  signal: CancelSignal;
}

export interface PassImplementation {
  /** The name workflow files use in `uses:`. */
  name: string;
  kind: 'deterministic' | 'model';
  description: string;
  run(context: PassContext): Promise<PassResult>;
  /**
   * Rewrites a result once the user has answered its questions at the gate (clarify records
   * the answers in the spec). Answers are keyed by question ID.
   */
  answer?(context: PassContext, result: PassResult, answers: Record<string, string>): PassResult;
}
