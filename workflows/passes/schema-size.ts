// The longest JSON a schema allows, in characters, counting one character per character (no
// escapes). Under a grammar a small model tends to fill strings to their bound, so this is
// what `max_tokens` must leave room for; also an upper bound for output-token estimates.
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  maxLength?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
};

/** Numbers are given this many characters. */
const NUMBER_CHARS = 24;

export function maxJsonLength(schema: z.ZodType): number {
  return sizeOf(z.toJSONSchema(schema) as JsonSchema);
}

function sizeOf(schema: JsonSchema): number {
  if (schema.enum) return Math.max(...schema.enum.map((v) => JSON.stringify(v).length));
  if (schema.const !== undefined) return JSON.stringify(schema.const).length;
  if (schema.anyOf) return Math.max(...schema.anyOf.map(sizeOf));
  switch (schema.type) {
    case 'string':
      return (schema.maxLength ?? Infinity) + 2;
    case 'boolean':
      return 5;
    case 'null':
      return 4;
    case 'number':
    case 'integer':
      return NUMBER_CHARS;
    case 'array': {
      const n = schema.maxItems ?? Infinity;
      if (n === 0) return 2;
      return 2 + n * sizeOf(schema.items ?? {}) + (n - 1);
    }
    case 'object': {
      const entries = Object.entries(schema.properties ?? {});
      const fields = entries.map(([key, value]) => JSON.stringify(key).length + 1 + sizeOf(value));
      return 2 + fields.reduce((a, b) => a + b, 0) + Math.max(0, entries.length - 1);
    }
    default:
      return Infinity;
  }
}
