// The fast Markdown reader must agree with remark whenever it answers at all.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../../workflows/specs/markdown/fast-blocks.ts';
import { parseWithRemark } from '../../../workflows/specs/markdown/remark-parser.ts';
import { normalizeSource } from '../../../workflows/specs/source-text.ts';
import { FIXTURES, REPO, SAMPLE } from './helpers.ts';

const plainWord = fc.constantFrom(
  'note',
  'the',
  'app',
  'shall',
  'REQ-7KQ2M4',
  '(REQ-9F3TXA)',
  '[P]',
  '[US1]',
  '**WHEN**',
  '**FR-001**:',
  '_Requirements: 1.1_',
  '`src/a.ts`',
  '``x ` y``',
  '[design](design.md)',
  '[x](#a)',
  '*em*',
  'snake_case',
  '2 * 3',
  'é',
  '"quoted"',
  "it's",
  '#tag',
  '1.',
  '-',
  '(x)',
  'a.b',
);
const trickyWord = fc.constantFrom(
  'a*b',
  '**',
  '_',
  '`',
  '[',
  ']',
  'C#',
  '***x***',
  '**a *b* c**',
  '[a [b](c)]',
  '<b>',
  '&amp;',
  'https://x.io',
  'a@b.co',
  '~~x~~',
  '\\*',
  '[a][b]',
  '![i](x.png)',
  '__x__',
  '*a **b***',
);
const inlineWord = fc.oneof(
  { weight: 30, arbitrary: plainWord },
  { weight: 1, arbitrary: trickyWord },
);
const inline = fc.array(inlineWord, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const trailing = fc.constantFrom('', '', '', '', '', ' ', '  ');

const block = fc.oneof(
  { weight: 4, arbitrary: inline },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 6 }), inline)
      .map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', '', '  ', '    ', ' ', '   '),
        fc.constantFrom('- ', '* ', '+ ', '1. ', '2. ', '1) ', '- [ ] ', '- [x] ', '-  ', '10. '),
        inline,
      )
      .map(([indent, marker, t]) => indent + marker + t),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('  ', '    ', '      '), inline).map(([i, t]) => i + t),
  },
  { weight: 2, arbitrary: fc.constantFrom('', '', '```', '```ts', '~~~', '---', '***') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('> q', '<div>', '| a |', '===', '--', '\t- x', '    code'),
  },
);

const doc = fc
  .tuple(
    fc.constantFrom('', '---\ntitle: x\n---\n', '---\n---\n'),
    fc.array(fc.tuple(block, trailing), { minLength: 1, maxLength: 12 }),
  )
  .map(([front, lines]) => front + lines.map(([l, t]) => l + t).join('\n') + '\n');

/** Lines made of Markdown's punctuation at any indentation: the corners of block parsing. */
const punctuationPiece = fc.constantFrom(
  '-',
  '*',
  '+',
  '1.',
  '2)',
  '10.',
  '#',
  '##',
  '`',
  '```',
  '~~~',
  '_',
  '__',
  '**',
  '[',
  ']',
  '(',
  ')',
  '[ ]',
  '[x]',
  '---',
  '***',
  '===',
  ':',
  '|',
  'a',
  'b c',
  'REQ-1',
  '1',
  '.',
  '!',
  'é',
  ' ',
);
const punctuationDoc = fc
  .array(
    fc
      .tuple(
        fc.integer({ min: 0, max: 9 }),
        fc.array(punctuationPiece, { maxLength: 6 }),
        fc.constantFrom(' ', ''),
      )
      .map(([n, pieces, glue]) => ' '.repeat(n) + pieces.join(glue)),
    { minLength: 1, maxLength: 10 },
  )
  .map((lines) => lines.join('\n') + '\n');

describe('fast Markdown reader', () => {
  it('gives the same tree as remark, or none (punctuation at any indentation)', () => {
    let answered = 0;
    fc.assert(
      fc.property(punctuationDoc, (text) => {
        const fast = fastParse(text);
        if (fast === null) return;
        answered++;
        expect(fast).toEqual(parseWithRemark(text));
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(100);
  }, 600_000);

  it('gives the same tree as remark, or none (generated documents)', () => {
    let answered = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const fast = fastParse(text);
        if (fast === null) return;
        answered++;
        expect(fast).toEqual(parseWithRemark(text));
      }),
      { numRuns: 3000 },
    );
    // The test means little if the reader always declines.
    expect(answered).toBeGreaterThan(300);
  }, 600_000);

  it('reads the sample workspace and the fixtures the way remark does', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.md')) files.push(full);
      }
    };
    for (const dir of [SAMPLE, FIXTURES, path.join(REPO, 'resources/templates')]) walk(dir);
    let answered = 0;
    for (const file of files) {
      const text = normalizeSource(fs.readFileSync(file, 'utf8'));
      const fast = fastParse(text);
      if (fast === null) continue;
      answered++;
      expect(fast, file).toEqual(parseWithRemark(text));
    }
    expect(answered).toBeGreaterThan(15);
  });

  it('declines what it does not read', () => {
    for (const text of [
      '> quote\n',
      '<div>\n',
      'a\n---\n',
      '| a |\n| - |\n',
      '- a\n\n- b\n',
      '- a\nlazy\n',
      '    code\n',
      'a  \nb\n',
      'x &amp; y\n',
    ]) {
      expect(fastParse(text), JSON.stringify(text)).toBeNull();
    }
  });
});
