import type { Node } from 'unist';
import type { Position, Range } from '../model.ts';
import { FILE_START } from '../source-text.ts';

/** The range mdast recorded for a node (parsers always record one). */
export function rangeOf(node: Node): Range {
  const p = node.position;
  if (!p) return FILE_START;
  return {
    start: { line: p.start.line, column: p.start.column },
    end: { line: p.end.line, column: p.end.column },
  };
}

/** Where a node starts: `rangeOf(node).start` without building the rest. */
export function startOf(node: Node): Position {
  const p = node.position;
  return p ? { line: p.start.line, column: p.start.column } : FILE_START.start;
}

/** Where a node ends: `rangeOf(node).end` without building the rest. */
export function endOf(node: Node): Position {
  const p = node.position;
  return p ? { line: p.end.line, column: p.end.column } : FILE_START.end;
}

/** From the start of the first node to the end of the last. */
export function spanOf(first: Node, last: Node): Range {
  return { start: startOf(first), end: endOf(last) };
}
