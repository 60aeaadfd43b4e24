// The frontmatter shortcut must agree with the YAML library whenever it answers at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import {
  readSimpleYaml,
  type SimpleYaml,
  type Span,
} from '../../../workflows/specs/simple-yaml.ts';

type Range3 = [number, number, number];

/** What the library reads, in the shortcut's terms; null when it reports an error. */
function library(yaml: string): SimpleYaml | null {
  const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const fields: SimpleYaml['fields'] = {};
  for (const pair of doc.contents.items) {
    const key = pair.key as { value: unknown; range: Range3 };
    const value = pair.value as { range: Range3 } | null;
    if (!value) return null;
    const span = (r: Range3): Span => [r[0], r[1]];
    fields[String(key.value)] = {
      key: span(key.range),
      value: span(value.range),
      ...(isSeq(pair.value)
        ? { items: pair.value.items.map((item) => span((item as { range: Range3 }).range)) }
        : {}),
    };
  }
  return { data: doc.toJS() as SimpleYaml['data'], fields };
}

const key = fc.constantFrom(
  ...['id', 'title', 'type', 'status', 'owners', 'links', 'covers', 'a_b-1', 'Key', '_k'],
  ...['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9'],
);
const plain = fc.constantFrom(
  'draft',
  'REQ-7KQ2M4',
  'feature-000 requirements',
  'a  b',
  'docs/a.md',
  '(x)',
  '_x',
  '/abs',
  'x.',
  'a-',
);
const tricky = fc.constantFrom(
  'src/**/*.ts',
  '12',
  '1.5',
  '-x',
  '.inf',
  'true',
  'False',
  'null',
  'NULL',
  '~',
  'yes',
  'a: b',
  'a #b',
  'a#b',
  "'q'",
  '"q"',
  'é',
  'x ',
  '',
  '*x',
  '&x',
  '!x',
  'a, b',
  '%x',
  '@x',
  '`x`',
  '{a}',
);
const scalar = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: tricky });
const flowList = fc
  .tuple(fc.array(scalar, { maxLength: 3 }), fc.constantFrom(',', ', ', ' , '), fc.boolean())
  .map(([items, glue, padded]) => (padded ? `[ ${items.join(glue)} ]` : `[${items.join(glue)}]`));
const blockList = fc
  .tuple(fc.array(scalar, { minLength: 0, maxLength: 3 }), fc.constantFrom('', '  ', '    '))
  .map(([items, indent]) => items.map((item) => `\n${indent}- ${item}`).join(''));
const entry = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, flowList).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, blockList).map(([k, v]) => `${k}:${v}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('# c', '', 'k:  two spaces', ' indented: x', 'k:x', 'k: |', 'k:'),
  },
);
const frontmatter = fc
  .array(entry, { minLength: 1, maxLength: 6 })
  .map((lines) => lines.join('\n'));

describe('simple YAML frontmatter', () => {
  it('reads what the library reads, with the same offsets, or declines', () => {
    let answered = 0;
    fc.assert(
      fc.property(frontmatter, (yaml) => {
        const simple = readSimpleYaml(yaml);
        if (simple === null) return;
        answered++;
        expect(simple, JSON.stringify(yaml)).toEqual(library(yaml));
      }),
      { numRuns: 3000 },
    );
    // The test means little if the shortcut always declines.
    expect(answered).toBeGreaterThan(300);
  });

  it('answers for the frontmatter Cairn templates write', () => {
    const yaml =
      'id: REQUIREMENTS-feature-000\ntitle: feature-000 requirements\ntype: requirements\nstatus: draft\nowners: [bench]\nlinks:\n  - requirements.md';
    expect(readSimpleYaml(yaml)).toEqual(library(yaml));
    expect(readSimpleYaml(yaml)).not.toBeNull();
  });

  it('declines what the library may read differently', () => {
    for (const yaml of ['n: 12', 'b: true', 'x: ~', 'a: b\na: c', 'k: a: b', 'k:', '', 'k: [a,]']) {
      expect(readSimpleYaml(yaml), JSON.stringify(yaml)).toBeNull();
    }
  });
});
