// Turns a JSON schema (usually made from a pass's zod output schema) into the subset that
// node-llama-cpp can compile to a grammar, so that on-device decoding always yields JSON of the
// right shape. Shape keywords a grammar cannot follow are refused (the pass must say its shape
// another way); value bounds it cannot follow (numeric ranges, patterns) are dropped from the
// grammar and listed, since the caller validates the parsed output with zod afterwards.
import { z } from 'zod';

export class GrammarSchemaError extends Error {
  override name = 'GrammarSchemaError';
}

export interface GrammarSchema {
  schema: Record<string, unknown>;
  /** Constraints left to validation after decoding, as `path: keyword`. */
  unenforced: string[];
}

const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
]);
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
const KEPT = new Set([
  'const',
  'enum',
  'description',
  'required',
  'minProperties',
  'maxProperties',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
]);
const CHECKED_AFTER = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'pattern',
  'uniqueItems',
  'contentEncoding',
  'contentMediaType',
]);
const GRAMMAR_FORMATS = new Set(['date-time', 'time', 'date']);

function isSafeIntegerBound(key: string, value: unknown): boolean {
  return (
    (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) ||
    (key === 'maximum' && value === Number.MAX_SAFE_INTEGER)
  );
}

function convert(node: unknown, at: string, unenforced: string[]): Record<string, unknown> {
  if (
    node === true ||
    (typeof node === 'object' && node !== null && Object.keys(node).length === 0)
  ) {
    throw new GrammarSchemaError(
      `${at}: an unconstrained value ("any") cannot be decoded by a grammar; give it a type`,
    );
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    throw new GrammarSchemaError(`${at}: expected a schema object, got ${JSON.stringify(node)}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const here = `${at}.${key}`;
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'type') {
      const types = Array.isArray(value) ? value : [value];
      const unknown = types.filter((t) => !JSON_TYPES.has(String(t)));
      if (types.length === 0 || unknown.length > 0) {
        throw new GrammarSchemaError(
          `${here}: ${JSON.stringify(value)} is not a JSON type (use ${[...JSON_TYPES].join(', ')})`,
        );
      }
      out.type = value;
    } else if (KEPT.has(key)) {
      out[key] = value;
    } else if (CHECKED_AFTER.has(key)) {
      // zod adds a pattern to the date formats; the format's own grammar already follows it.
      const formatCovers =
        key === 'pattern' && GRAMMAR_FORMATS.has(String((node as { format?: unknown }).format));
      if (!isSafeIntegerBound(key, value) && !formatCovers) unenforced.push(`${at}: ${key}`);
    } else if (key === 'format') {
      if (GRAMMAR_FORMATS.has(String(value))) out.format = value;
      else unenforced.push(`${at}: format ${String(value)}`);
    } else if (key === 'properties' || key === '$defs' || key === 'definitions') {
      const target = key === 'definitions' ? '$defs' : key;
      out[target] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, child]) => [
          name,
          convert(child, `${here}.${name}`, unenforced),
        ]),
      );
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = typeof value === 'boolean' ? value : convert(value, here, unenforced);
    } else if (key === 'prefixItems' || key === 'oneOf' || key === 'anyOf') {
      if (!Array.isArray(value)) throw new GrammarSchemaError(`${here}: expected an array`);
      // A grammar picks exactly one branch, so anyOf decodes as oneOf.
      out[key === 'anyOf' ? 'oneOf' : key] = value.map((child, i) =>
        convert(child, `${here}[${i}]`, unenforced),
      );
    } else if (key === '$ref') {
      const ref = String(value).replace('#/definitions/', '#/$defs/');
      if (!ref.startsWith('#/$defs/')) {
        throw new GrammarSchemaError(`${here}: only local references (#/$defs/…) are supported`);
      }
      out.$ref = ref;
    } else {
      throw new GrammarSchemaError(
        `${here}: '${key}' cannot be enforced by a grammar. Describe the output with types, ` +
          `properties, items, enum, const and unions only`,
      );
    }
  }
  return out;
}

/** Converts a JSON schema to the grammar subset; throws GrammarSchemaError naming the spot. */
export function toGrammarSchema(schema: unknown): GrammarSchema {
  const unenforced: string[] = [];
  return { schema: convert(schema, '(root)', unenforced), unenforced };
}

/** The JSON schema of a zod schema, in the grammar subset. */
export function zodToGrammarSchema(schema: z.ZodType): GrammarSchema {
  let json: unknown;
  try {
    json = z.toJSONSchema(schema, { unrepresentable: 'throw' });
  } catch (error) {
    throw new GrammarSchemaError(
      `This zod schema has no JSON-schema form: ${(error as Error).message}`,
    );
  }
  return toGrammarSchema(json);
}
