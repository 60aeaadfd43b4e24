import type { Heading, Nodes, Text } from 'mdast';
import type { Position, Prose, Range } from '../model.ts';
import { pushChildren } from './walk.ts';

export const EMPTY_PROSE: Prose = { text: '', anchors: [] };

export interface ProseOptions {
  /** Leave out inline code (for checks on words a reader writes, like TBD). */
  skipCode?: boolean;
}

/**
 * The readable text of mdast nodes (markup removed, code blocks left out), with anchors that
 * map each offset back to the source. Blocks are separated by a newline.
 */
export function proseOf(
  nodes: readonly Nodes[],
  lines: readonly string[],
  options: ProseOptions = {},
): Prose {
  const builder = new ProseBuilder(lines, options);
  for (let i = 0; i < nodes.length; i++) builder.add(nodes[i] as Nodes);
  return builder.finish();
}

/** Whether `node` holds inline code (then its prose differs with `skipCode`). */
export function hasInlineCode(node: Nodes): boolean {
  if (node.type === 'paragraph' || node.type === 'heading') {
    if (node.children.every((child) => child.type === 'text')) return false;
  }
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    if (current.type === 'inlineCode') return true;
    pushChildren(stack, current);
  }
  return false;
}

/** The builder's walk stack, shared: a walk never starts inside another. */
const STACK: Nodes[] = [];

class ProseBuilder {
  private text = '';
  /**
   * Created with its first anchor: most prose has one, and the model keeps it, in an array of
   * one rather than one that push has grown to hold seventeen.
   */
  private anchors: Prose['anchors'] | null = null;
  private blockOpen = false;

  constructor(
    private readonly lines: readonly string[],
    private readonly options: ProseOptions,
  ) {}

  add(node: Nodes): void {
    const stack = STACK;
    if (stack.length !== 0) stack.length = 0; // only after a walk that threw
    stack.push(node);
    while (stack.length > 0) {
      const current = stack.pop() as Nodes;
      switch (current.type) {
        case 'text':
          this.addText(current);
          break;
        case 'inlineCode':
          if (!this.options.skipCode) this.addInlineCode(current.value, current.position?.start);
          break;
        case 'break':
          this.append('\n');
          break;
        case 'code':
        case 'html':
        case 'yaml':
        case 'image':
        case 'imageReference':
        case 'definition':
        case 'footnoteDefinition':
        case 'footnoteReference':
        case 'thematicBreak':
          break;
        case 'paragraph':
        case 'heading':
        case 'tableCell':
          this.separateBlock();
          pushChildren(stack, current);
          break;
        default:
          pushChildren(stack, current);
      }
    }
  }

  finish(): Prose {
    return { text: this.text, anchors: this.anchors ?? [] };
  }

  private separateBlock(): void {
    if (this.blockOpen) this.append('\n');
    this.blockOpen = true;
  }

  private append(piece: string, at?: Position): void {
    if (at) this.anchor(piece, at.line, at.column);
    else this.text += piece;
  }

  private anchor(piece: string, line: number, column: number): void {
    // A piece can run past its line (a code span over several lines is one value): the anchor
    // covers only what is on the line, so no position ever falls outside the file.
    const room = (this.lines[line - 1]?.length ?? piece.length) - column + 1;
    const length = Math.min(piece.length, Math.max(0, room));
    if (length > 0) {
      const anchor = { offset: this.text.length, length, line, column };
      if (this.anchors === null) this.anchors = [anchor];
      else this.anchors.push(anchor);
    }
    this.text += piece;
  }

  private addText(node: Text): void {
    const start = node.position?.start;
    const end = node.position?.end;
    const value = node.value;
    // Most text nodes are one line: the general case below, without splitting.
    if (start && end && !value.includes('\n')) {
      const column = end.line === start.line ? start.column : end.column - value.length;
      return this.anchor(value, end.line, Math.max(1, column));
    }
    const pieces = value.split('\n');
    pieces.forEach((piece, index) => {
      if (index > 0) this.append('\n');
      if (!start || !end) return this.append(piece);
      // Counted from the end: mdast drops a leading line break from the value (after a task
      // checkbox, say) but not from the position.
      const line = end.line - (pieces.length - 1 - index);
      let column: number;
      if (line === start.line) column = start.column;
      else if (index === pieces.length - 1) column = end.column - piece.length;
      // A middle line of a paragraph: it runs to the end of its source line.
      else column = (this.lines[line - 1] ?? '').trimEnd().length - piece.length + 1;
      this.append(piece, { line, column: Math.max(1, column) });
    });
  }

  private addInlineCode(value: string, start: Position | undefined): void {
    if (!start) return this.append(value);
    const source = this.lines[start.line - 1] ?? '';
    let column = start.column;
    while (source[column - 1] === '`') column++;
    this.append(value, { line: start.line, column });
  }
}

/** The text of a heading, markup removed and trimmed. */
export function headingText(heading: Heading, lines: readonly string[]): string {
  return proseOf([heading], lines).text.trim();
}

/**
 * The file position of the character at `offset` in `prose`. An offset past its anchor's span
 * (a line break, text with no place in the file) maps to just after the span — or, with
 * `within`, onto the span's last character.
 */
export function positionInProse(prose: Prose, offset: number, within = false): Position {
  const anchors = prose.anchors;
  let low = 0;
  let high = anchors.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((anchors[mid] as Prose['anchors'][number]).offset <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const anchor = anchors[found] ?? anchors[0];
  if (!anchor) return { line: 1, column: 1 };
  const limit = within ? Math.max(0, anchor.length - 1) : anchor.length;
  const delta = Math.min(Math.max(0, offset - anchor.offset), limit);
  return { line: anchor.line, column: anchor.column + delta };
}

/** The file range of `prose.text.slice(from, to)`. */
export function rangeInProse(prose: Prose, from: number, to: number): Range {
  return rangeFromStart(prose, positionInProse(prose, from), from, to);
}

/** rangeInProse, when its start (`positionInProse(prose, from)`) is known already. */
export function rangeFromStart(prose: Prose, start: Position, from: number, to: number): Range {
  if (to <= from) return { start, end: start };
  const last = positionInProse(prose, to - 1, true);
  const end = { line: last.line, column: last.column + 1 };
  return end.line < start.line || (end.line === start.line && end.column < start.column)
    ? { start, end: start }
    : { start, end };
}

/** The part of `prose` from offset `from` on, with anchors that still point into the file. */
export function sliceProse(prose: Prose, from: number): Prose {
  if (from <= 0) return prose;
  return {
    text: prose.text.slice(from),
    anchors: prose.anchors
      .filter((a) => a.offset + a.length > from)
      .map((a) =>
        a.offset >= from
          ? { ...a, offset: a.offset - from }
          : {
              ...a,
              offset: 0,
              length: a.length - (from - a.offset),
              column: a.column + (from - a.offset),
            },
      ),
  };
}
