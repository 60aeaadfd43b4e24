import type { Nodes, Root } from 'mdast';
import { findFrontmatterBlock } from '../frontmatter.ts';
import { fastParse } from './fast-blocks.ts';
import { parseWithRemark } from './remark-parser.ts';
import { safeCuts } from './safe-cuts.ts';
import { pushChildren } from './walk.ts';

/** Lines per piece: long enough to amortize the parser's start-up, short enough to stay linear. */
const PIECE_LINES = 80;

/**
 * Parses normalized Markdown (see normalizeSource) into mdast with positions: with the fast
 * reader when the document is within what it reads (fast-blocks.ts), else with remark, long
 * documents in pieces cut where that cannot change the tree (safe-cuts.ts).
 */
export function parseMarkdown(
  text: string,
  pieceLines = PIECE_LINES,
  lines: readonly string[] = text.split('\n'),
): Root {
  return fastParse(text, lines) ?? parseWithRemarkInPieces(text, pieceLines);
}

/** remark alone, cut into pieces where that cannot change the tree. */
export function parseWithRemarkInPieces(text: string, pieceLines = PIECE_LINES): Root {
  const lines = text.split('\n');
  if (lines.length <= pieceLines * 2) return parseWithRemark(text);
  const block = findFrontmatterBlock(text);
  // After a `---` that opens no frontmatter, remark reads some later lines differently
  // (an empty list item becomes a paragraph); only a whole parse reproduces that.
  if (block === 'unclosed') return parseWithRemark(text);
  const bodyStart = block === null ? 0 : block.closeLine;
  const cuts = safeCuts(lines, bodyStart, pieceLines);
  if (cuts.length === 0) return parseWithRemark(text);

  const root: Root = { type: 'root', children: [] };
  let offset = 0;
  const bounds = [0, ...cuts, lines.length];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i] as number;
    const to = bounds[i + 1] as number;
    const piece = lines.slice(from, to).join('\n');
    const tree = parseWithRemark(piece);
    if (from > 0) shift(tree, from, offset);
    root.children.push(...tree.children);
    offset += piece.length + 1;
  }
  const lastLine = lines[lines.length - 1] as string;
  root.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: { line: lines.length, column: lastLine.length + 1, offset: text.length },
  };
  return root;
}

/** Moves every position of a piece's tree to where the piece sits in the document. */
function shift(tree: Root, lines: number, offset: number): void {
  const stack: Nodes[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const p = node.position;
    if (p) {
      p.start = { ...p.start, line: p.start.line + lines, offset: (p.start.offset ?? 0) + offset };
      p.end = { ...p.end, line: p.end.line + lines, offset: (p.end.offset ?? 0) + offset };
    }
    pushChildren(stack, node);
  }
}
