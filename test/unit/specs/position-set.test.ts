// PositionSet packs positions into numbers; it must answer as a Set of "line:column" keys does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PositionSet } from '../../../workflows/specs/position-set.ts';

const coordinate = fc.oneof(
  fc.integer({ min: 0, max: 5 }),
  fc.constantFrom(2 ** 20 - 1, 2 ** 20, 2 ** 30, -1, 1.5, Number.NaN),
);
const position = fc.record({ line: coordinate, column: coordinate });

describe('PositionSet', () => {
  it('holds exactly the positions added, compared by line and column', () => {
    fc.assert(
      fc.property(fc.array(position, { maxLength: 8 }), fc.array(position), (added, asked) => {
        const set = new PositionSet();
        const keys = new Set<string>();
        for (const p of added) {
          set.add(p);
          keys.add(`${p.line}:${p.column}`);
        }
        for (const p of [...added, ...asked]) {
          expect(set.has(p)).toBe(keys.has(`${p.line}:${p.column}`));
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('tells apart a column past the packing limit from the next line', () => {
    const set = new PositionSet();
    set.add({ line: 1, column: 2 ** 20 });
    expect(set.has({ line: 2, column: 0 })).toBe(false);
    expect(set.has({ line: 1, column: 2 ** 20 })).toBe(true);
  });
});
