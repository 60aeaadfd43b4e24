import type { Node } from 'unist';
import type { Range } from '../model.ts';
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

/** From the start of the first node to the end of the last. */
export function spanOf(first: Node, last: Node): Range {
  return { start: rangeOf(first).start, end: rangeOf(last).end };
}
