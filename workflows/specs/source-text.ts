import type { Position, Range } from './model.ts';

/**
 * Text as the parser reads it: no byte-order mark, `\n` line endings. Line and column
 * numbers do not change (a CRLF is one line break either way, and editors hide the BOM).
 */
export function normalizeSource(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

/** Whitespace runs as one space, as `text.replace(/\s+/g, ' ')` (which copies even when no run changes). */
export function collapseWhitespace(text: string): string {
  return /[^\S ]|\s\s/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

export function splitLines(text: string): string[] {
  return text.split('\n');
}

/** The empty range at the start of a file: where file-wide findings point. */
export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

export function point(line: number, column: number): Position {
  return { line, column };
}

export function range(start: Position, end: Position): Range {
  return { start, end };
}

/** The range of the whole of line `line` (1-based) in `lines`. */
export function lineRange(lines: readonly string[], line: number): Range {
  const text = lines[line - 1] ?? '';
  return { start: { line, column: 1 }, end: { line, column: text.length + 1 } };
}

/** A range inside one line: columns `from` (inclusive) to `to` (exclusive), 1-based. */
export function columnsRange(line: number, from: number, to: number): Range {
  return { start: { line, column: from }, end: { line, column: to } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

/** Whether `r` lies inside a file whose lines have `lineLengths`, and does not run backwards. */
export function isValidRange(r: Range, lineLengths: readonly number[]): boolean {
  const inside = (p: Position) =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.column) &&
    p.line >= 1 &&
    p.line <= lineLengths.length &&
    p.column >= 1 &&
    p.column <= (lineLengths[p.line - 1] ?? 0) + 1;
  return inside(r.start) && inside(r.end) && comparePositions(r.start, r.end) <= 0;
}

/** Pulls a range back inside the file; a safety net for positions derived from decoded text. */
export function clampRange(r: Range, lineLengths: readonly number[]): Range {
  const clamp = (p: Position): Position => {
    const line = Math.min(Math.max(1, p.line), Math.max(1, lineLengths.length));
    const max = (lineLengths[line - 1] ?? 0) + 1;
    return { line, column: Math.min(Math.max(1, p.column), max) };
  };
  const start = clamp(r.start);
  const end = clamp(r.end);
  return comparePositions(start, end) <= 0 ? { start, end } : { start, end: start };
}

/** Maps offsets in `text` to 1-based positions (offsets past the end stick to the end). */
export function positionMapper(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.min(Math.max(0, offset), text.length);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - (starts[low] as number) + 1 };
  };
}
