import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  GrammarSchemaError,
  toGrammarSchema,
  zodToGrammarSchema,
} from '../../../native-models/local/json-schema-grammar.ts';

describe('zodToGrammarSchema', () => {
  it('keeps the shape of a typical pass output and drops annotations', () => {
    const schema = z.object({
      verdict: z.enum(['pass', 'fail']),
      ambiguous: z.boolean(),
      findings: z
        .array(z.object({ requirement: z.string().max(40), severity: z.enum(['low', 'high']) }))
        .max(3),
      note: z.string().nullable(),
      extra: z.string().optional(),
    });
    const { schema: out, unenforced } = zodToGrammarSchema(schema);
    expect(out).not.toHaveProperty('$schema');
    expect(out).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['verdict', 'ambiguous', 'findings', 'note'],
      properties: {
        verdict: { type: 'string', enum: ['pass', 'fail'] },
        ambiguous: { type: 'boolean' },
        findings: {
          type: 'array',
          maxItems: 3,
          items: { type: 'object', properties: { requirement: { type: 'string', maxLength: 40 } } },
        },
        note: { type: ['string', 'null'] },
      },
    });
    expect(unenforced).toEqual([]);
  });

  it('lists value bounds it leaves to validation, but not the safe-integer bounds zod adds', () => {
    const { schema, unenforced } = zodToGrammarSchema(
      z.object({
        score: z.number().int().min(0).max(10),
        id: z.string().regex(/^REQ-\d+$/),
        n: z.int(),
      }),
    );
    expect(unenforced).toEqual([
      '(root).properties.score: minimum',
      '(root).properties.score: maximum',
      '(root).properties.id: pattern',
    ]);
    expect(schema).toMatchObject({
      properties: { score: { type: 'integer' }, n: { type: 'integer' } },
    });
    expect(JSON.stringify(schema)).not.toMatch(/minimum|maximum|pattern/);
  });

  it('refuses shapes a grammar cannot follow, naming the place', () => {
    expect(() => zodToGrammarSchema(z.object({ anything: z.unknown() }))).toThrow(
      /\(root\)\.properties\.anything: an unconstrained value/,
    );
    expect(() => toGrammarSchema({ allOf: [{ type: 'string' }] })).toThrow(GrammarSchemaError);
    expect(() =>
      toGrammarSchema({ type: 'object', patternProperties: { '^x': { type: 'string' } } }),
    ).toThrow(/\(root\)\.patternProperties: 'patternProperties' cannot be enforced by a grammar/);
    expect(() => toGrammarSchema({ $ref: 'https://example.com/schema.json' })).toThrow(
      /only local references/,
    );
    expect(() => zodToGrammarSchema(z.object({ when: z.date() }))).toThrow(/no JSON-schema form/);
  });

  it('turns anyOf into oneOf: a grammar takes exactly one branch', () => {
    const { schema } = zodToGrammarSchema(
      z.object({ value: z.union([z.object({ n: z.boolean() }), z.literal('none')]) }),
    );
    expect(schema).toMatchObject({
      properties: { value: { oneOf: [{ type: 'object' }, { type: 'string', const: 'none' }] } },
    });
  });

  it('keeps local references and the date formats a grammar knows', () => {
    const node = z.object({ name: z.string() });
    const { schema, unenforced } = zodToGrammarSchema(
      z.object({ a: node, at: z.iso.datetime(), mail: z.email() }).meta({ id: 'Doc' }),
    );
    expect(schema).toMatchObject({
      $ref: '#/$defs/Doc',
      $defs: {
        Doc: {
          properties: { at: { type: 'string', format: 'date-time' }, mail: { type: 'string' } },
        },
      },
    });
    expect(unenforced).toEqual([
      '(root).$defs.Doc.properties.mail: format email',
      '(root).$defs.Doc.properties.mail: pattern',
    ]);
  });

  it('bounds string length the way validation does: in characters, astral ones included', () => {
    // The grammar repeats one string character (a code point) up to maxLength times, so zod
    // must count code points too, or an emoji near the bound would decode and then fail.
    const schema = z.object({ title: z.string().min(2).max(5) });
    const { schema: grammar } = zodToGrammarSchema(schema);
    expect(grammar).toMatchObject({
      properties: { title: { type: 'string', minLength: 2, maxLength: 5 } },
    });
    expect(schema.safeParse({ title: '\u{1F600}'.repeat(5) }).success).toBe(true);
    expect(schema.safeParse({ title: '\u{1F600}'.repeat(6) }).success).toBe(false);
    expect(schema.safeParse({ title: '\u{1F600}' }).success).toBe(false);
  });
});
