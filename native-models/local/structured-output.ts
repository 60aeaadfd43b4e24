// Structured output: a zod schema becomes a JSON-schema grammar for decoding, and the decoded
// JSON is validated with the same zod schema, so a caller gets a typed value or a clear error.
import type { z } from 'zod';
import { zodToGrammarSchema } from './json-schema-grammar.ts';
import type { GenerateParams, GenerationResult } from './protocol.ts';

export class StructuredOutputError extends Error {
  override name = 'StructuredOutputError';
  constructor(
    message: string,
    readonly result: GenerationResult,
  ) {
    super(message);
  }
}

export type Generate = (params: GenerateParams) => Promise<GenerationResult>;

export async function generateStructured<S extends z.ZodType>(
  generate: Generate,
  schema: S,
  params: Omit<GenerateParams, 'jsonSchema'>,
): Promise<{ value: z.output<S>; result: GenerationResult }> {
  const grammar = zodToGrammarSchema(schema);
  const result = await generate({ ...params, jsonSchema: grammar.schema });
  if (result.json === undefined) {
    throw new StructuredOutputError(
      result.jsonProblem ?? 'The model returned no JSON output.',
      result,
    );
  }
  const parsed = schema.safeParse(result.json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new StructuredOutputError(
      `The model's JSON has the right shape but breaks the schema's rules (${issues}).` +
        (grammar.unenforced.length > 0
          ? ` The grammar cannot enforce: ${grammar.unenforced.join(', ')}.`
          : ''),
      result,
    );
  }
  return { value: parsed.data, result };
}
