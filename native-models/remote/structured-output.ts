// Shared pieces of structured output for remote models: the instruction that carries a JSON
// schema in the system message (when the server cannot enforce one), whether a schema is
// fit for OpenAI's strict mode, and parsing the answer.
import type { ChatMessage } from '../../workflows/records/envelope.ts';

/** The name the schema or the forced tool is given in requests. */
export const ANSWER_NAME = 'answer';

export function schemaInstruction(schema: Record<string, unknown>): string {
  return (
    'Answer with a single JSON object and nothing else (no prose, no code fence). ' +
    `It must validate against this JSON schema:\n${JSON.stringify(schema)}`
  );
}

/** The messages with the schema instruction appended to the first system message (or added). */
export function withSchemaInstruction(
  messages: readonly ChatMessage[],
  schema: Record<string, unknown>,
): ChatMessage[] {
  const instruction = schemaInstruction(schema);
  const index = messages.findIndex((m) => m.role === 'system');
  if (index < 0) return [{ role: 'system', content: instruction }, ...messages];
  return messages.map((m, i) =>
    i === index ? { role: 'system', content: `${m.content}\n\n${instruction}` } : m,
  );
}

/**
 * OpenAI's strict mode accepts only schemas whose objects list every property as required and
 * forbid others; anything else is refused with a 400. A schema that does not qualify is sent
 * with `strict: false` (still a strong hint) and the answer is validated by the caller anyway.
 */
export function isStrictCompatible(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(isStrictCompatible);
  if (typeof schema !== 'object' || schema === null) return true;
  const node = schema as Record<string, unknown>;
  const props = node.properties;
  if (typeof props === 'object' && props !== null) {
    if (node.additionalProperties !== false) return false;
    const required = Array.isArray(node.required) ? node.required : [];
    if (!Object.keys(props).every((key) => required.includes(key))) return false;
  } else if (node.type === 'object' && node.additionalProperties !== false) {
    return false;
  }
  return Object.entries(node).every(
    ([key, value]) => key === 'enum' || key === 'const' || isStrictCompatible(value),
  );
}

export interface ParsedAnswer {
  json: unknown;
  jsonProblem: string | null;
}

/** Parses a text answer as JSON; a lone Markdown code fence around it is tolerated. */
export function parseJsonAnswer(text: string): ParsedAnswer {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  const candidate = fenced ? fenced[1]! : text;
  if (candidate.trim() === '') return { json: undefined, jsonProblem: 'the answer was empty' };
  try {
    return { json: JSON.parse(candidate) as unknown, jsonProblem: null };
  } catch (error) {
    return {
      json: undefined,
      jsonProblem: `the answer is not valid JSON: ${(error as Error).message}`,
    };
  }
}
