import type { Position } from './model.ts';

const COLUMNS = 2 ** 20;
const LINES = 2 ** 30;

/**
 * A set of file positions. A position is packed into one number while line and column are
 * small enough to pack exactly (always, in practice), else kept as a `line:column` string:
 * no string is built per position in the common case.
 */
export class PositionSet {
  private readonly packed = new Set<number>();
  private readonly other = new Set<string>();

  add(p: Position): void {
    const key = pack(p);
    if (key >= 0) this.packed.add(key);
    else this.other.add(`${p.line}:${p.column}`);
  }

  has(p: Position): boolean {
    const key = pack(p);
    return key >= 0 ? this.packed.has(key) : this.other.has(`${p.line}:${p.column}`);
  }
}

function pack(p: Position): number {
  const { line, column } = p;
  return Number.isInteger(line) &&
    Number.isInteger(column) &&
    line >= 0 &&
    line < LINES &&
    column >= 0 &&
    column < COLUMNS
    ? line * COLUMNS + column
    : -1;
}
