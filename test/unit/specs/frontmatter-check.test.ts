// The hand-written frontmatter check may only say "valid" where the zod schema agrees.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CairnFrontmatterSchema,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  plainlyValidFrontmatter,
} from '../../../workflows/specs/cairn-frontmatter.ts';

const name = fc.oneof(fc.constantFrom('', 'x', 'SPEC-a', 'Ünïcode'), fc.string({ maxLength: 4 }));
const value = fc.oneof(
  name,
  fc.constantFrom(...DOCUMENT_TYPES, ...DOCUMENT_STATUSES, 'Draft', 'prd '),
  fc.array(name, { maxLength: 3 }),
  fc.constantFrom(null, undefined, 0, 1, true, false, {}, [], [1], ['a', 2], [undefined]),
);
const key = fc.constantFrom('id', 'title', 'type', 'status', 'owners', 'covers', 'links', 'other');
const data = fc.oneof(
  fc.dictionary(key, value, { maxKeys: 8 }),
  fc.record(
    {
      id: name,
      title: name,
      type: fc.constantFrom(...DOCUMENT_TYPES, 'spec'),
      status: fc.constantFrom(...DOCUMENT_STATUSES, 'open'),
      owners: fc.array(name, { maxLength: 2 }),
      covers: fc.oneof(name, fc.array(name, { maxLength: 2 })),
      links: fc.oneof(name, fc.array(name, { maxLength: 2 })),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(null, [], 'x', 1),
);

describe('plainlyValidFrontmatter', () => {
  it('says valid only where the schema accepts the data', () => {
    let valid = 0;
    fc.assert(
      fc.property(data, (d) => {
        if (!plainlyValidFrontmatter(d)) return;
        valid++;
        expect(CairnFrontmatterSchema.safeParse(d).success).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    expect(valid).toBeGreaterThan(500);
  });

  it('accepts the frontmatter specs carry', () => {
    expect(
      plainlyValidFrontmatter({
        id: 'SPEC-a',
        title: 'A',
        type: 'requirements',
        status: 'draft',
        owners: ['bench'],
        links: ['requirements.md'],
      }),
    ).toBe(true);
    expect(
      plainlyValidFrontmatter({ id: 'SPEC-a', title: 'A', type: 'prd', covers: 'src/**' }),
    ).toBe(true);
  });
});
