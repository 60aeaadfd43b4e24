// The fast reader's hand-written line scans must answer exactly what the regexes and string
// methods they replace answer, on any line (Unicode spaces and line terminators included).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATX_PATTERN,
  atxHeading,
  indentOf,
  LIST_ITEM_PATTERN,
  listMarker,
  trimmedEnd,
} from '../../../workflows/specs/markdown/line-scan.ts';

/** Characters that decide these scans, with whitespace JavaScript trims and `.` refuses. */
const piece = fc.constantFrom(
  ' ',
  ' ',
  '  ',
  '#',
  '##',
  '-',
  '*',
  '+',
  '1',
  '9',
  '0',
  '.',
  ')',
  'a',
  'b c',
  '[',
  ']',
  'x',
  '_',
  '`',
  '\t',
  '\u00a0',
  '\u3000',
  '\ufeff',
  '\u2028',
  '\u2029',
  '\r',
  '\n',
  'é',
);
const line = fc.oneof(
  fc.array(piece, { maxLength: 14 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const RUNS = 20_000;

describe('line scans', () => {
  it('indentOf counts what trimStart removes, from any offset', () => {
    fc.assert(
      fc.property(line, fc.nat(), (text, n) => {
        const from = n % (text.length + 1);
        expect(indentOf(text, from)).toBe(text.length - from - text.slice(from).trimStart().length);
      }),
      { numRuns: RUNS },
    );
  });

  it('trimmedEnd is where trimEnd cuts', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(trimmedEnd(text)).toBe(text.trimEnd().length);
      }),
      { numRuns: RUNS },
    );
  });

  it('listMarker captures what the list item pattern captures', () => {
    fc.assert(
      fc.property(line, (text) => {
        const m = LIST_ITEM_PATTERN.exec(text);
        const scanned = listMarker(text);
        if (!m) {
          expect(scanned).toBeNull();
          return;
        }
        const [, lead, marker, spaces, rest] = m as unknown as string[];
        expect(scanned).toEqual({
          lead: (lead as string).length,
          marker,
          spaces: (spaces as string).length,
          rest: text.length - (rest as string).length,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('atxHeading captures what the ATX pattern captures', () => {
    fc.assert(
      fc.property(line, (text) => {
        const m = ATX_PATTERN.exec(text);
        const scanned = atxHeading(text);
        if (!m) {
          expect(scanned).toBeNull();
          return;
        }
        expect(scanned).toEqual({ depth: (m[1] ?? m[3] ?? '').length, inner: m[2] });
      }),
      { numRuns: RUNS },
    );
  });

  it('reads the common lines', () => {
    expect(listMarker('  - [ ] T001 Do it')).toEqual({ lead: 2, marker: '-', spaces: 1, rest: 4 });
    expect(listMarker('10) x')).toEqual({ lead: 0, marker: '10)', spaces: 1, rest: 4 });
    expect(listMarker('1234567890. x')).toBeNull();
    expect(listMarker('-x')).toBeNull();
    expect(atxHeading('### REQ-7KQ2M4: Title  ')).toEqual({ depth: 3, inner: 'REQ-7KQ2M4: Title' });
    expect(atxHeading('####### seven')).toBeNull();
    expect(atxHeading('## C#')).toEqual({ depth: 2, inner: 'C#' });
    expect(atxHeading('#')).toEqual({ depth: 1, inner: undefined });
  });
});
