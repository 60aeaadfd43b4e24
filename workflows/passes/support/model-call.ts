// What every model pass does around its call: find the model and the prompt, render the
// prompt, name the files it was built from, and pick the token bound.
import type { z } from 'zod';
import type { ModelCaller, PassContext } from '../../engine/pass.ts';
import { sha256Hex } from '../../records/canonical-json.ts';
import type { ChatMessage, RetrievedChunk } from '../../records/envelope.ts';
import { renderPrompt } from '../render-prompt.ts';

const SYSTEM =
  'You are Cairn, an assistant for teams who write specifications. Answer with one JSON object ' +
  'that matches the schema. Keep every text short, concrete and testable. Never invent IDs.';

export interface Source {
  path: string;
  text: string;
  section?: string | null;
}

export interface CallOptions<S extends z.ZodType> {
  schema: S;
  schemaName: string;
  /** Values for the prompt's `{{placeholders}}`. */
  values: Record<string, string>;
  sources: readonly Source[];
  /** Used when the workflow sets no `max_tokens`. */
  maxTokens: number;
}

export function modelOf(context: PassContext): ModelCaller {
  if (!context.model) {
    throw new Error(
      `Pass "${context.pass.id}" (${context.pass.uses}) is a model pass but no model was given to it`,
    );
  }
  return context.model;
}

export function messagesFor(context: PassContext, values: Record<string, string>): ChatMessage[] {
  if (context.prompt === null) {
    throw new Error(
      `Pass "${context.pass.id}" (${context.pass.uses}) needs a prompt template; set \`prompt:\` in the workflow`,
    );
  }
  const label = `prompt "${context.pass.prompt ?? context.pass.uses}"`;
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: renderPrompt(context.prompt, values, label) },
  ];
}

/** The retrieved chunks of a call; the engine knows the commit, the pass does not. */
export function retrievedOf(sources: readonly Source[]): RetrievedChunk[] {
  return sources.map((s) => ({
    path: s.path,
    commit: null,
    sha256: sha256Hex(s.text),
    section: s.section ?? null,
  }));
}

export async function callModel<S extends z.ZodType>(
  context: PassContext,
  options: CallOptions<S>,
): Promise<{ value: z.output<S>; envelopeId: string }> {
  return modelOf(context).call({
    messages: messagesFor(context, options.values),
    schema: options.schema,
    schemaName: options.schemaName,
    maxTokens: context.pass.max_tokens ?? options.maxTokens,
    retrieved: retrievedOf(options.sources),
  });
}

/** A document longer than this is cut in the prompt: small local models have small contexts. */
const MAX_DOCUMENT_CHARS = 8000;

/** Documents as the prompt shows them: a path line, then the text. */
export function documentsBlock(sources: readonly Source[]): string {
  if (sources.length === 0) return '(none)';
  return sources
    .map((s) => {
      const text = s.text.trim();
      const shown =
        text.length > MAX_DOCUMENT_CHARS ? text.slice(0, MAX_DOCUMENT_CHARS) + '\n… (cut)' : text;
      return `--- ${s.path}${s.section ? ` § ${s.section}` : ''}\n${shown}`;
    })
    .join('\n\n');
}
