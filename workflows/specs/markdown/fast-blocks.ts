// A fast reader for the block structure specs are mostly made of: frontmatter, ATX headings,
// paragraphs, fenced code at the top level, thematic breaks, and tight lists (nested, ordered,
// task items). It builds the same mdast remark builds, about 20 times faster; on anything
// else (block quotes, HTML, tables, setext headings, indented code, lazy lines, loose lists,
// tabs) it returns null and the caller parses with remark. Differential property tests check
// that whenever it returns a tree, remark returns the same one.
import type { Code, Heading, List, ListItem, Paragraph, Root } from 'mdast';
import type { Point } from 'unist';
import { fastInline, type Segment } from './fast-inline.ts';
import {
  atxHeading,
  codeAt,
  indentOf,
  listMarker,
  trimmedEnd,
  type AtxHeading,
  type ListMarker,
} from './line-scan.ts';

interface Line {
  text: string;
  /** 1-based. */
  number: number;
  offset: number;
}

interface ItemState {
  node: ListItem;
  list: ListState;
  /** 0-based column where the item's content starts. */
  contentColumn: number;
}

interface ListState {
  node: List;
  /** `-`, `*`, `+`, `.` or `)`. */
  marker: string;
}

interface ParagraphState {
  node: Paragraph;
  segments: Segment[];
  /** Where a task item's checkbox starts: remark starts the paragraph there unless it opens with text. */
  checkbox: Point | null;
}

class Unsupported extends Error {}

const FENCE = /^(`{3,}|~{3,})(.*)$/;
const THEMATIC = /^(?:(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,})$/;
const TASK = /^\[([ xX])\] (?=\S)/;
/** A table delimiter cell start, which remark reads and this reader does not. */
const PIPE_DELIMITER = /\|[ ]*:?-+/;
/** A delimiter row of a table without pipes (`:-`, `-:`): only these characters, a colon in it. */
const BARE_DELIMITER_ROW = /^[ :-]*:[ :-]*$/;
/** Block starts it leaves to remark: quotes, HTML, definitions, setext underlines, tables, empty items. */
const UNSUPPORTED_BLOCK = /^(?:>|<|\[[^\]]*\]:|=+[ ]*$|-{1,2}[ ]*$|\||[-*+][ ]*$|\d{1,9}[.)][ ]*$)/;
/** Item content that is itself a block (`- # x`, `- - x`, `- > x`): remark's job. */
const BLOCK_IN_ITEM =
  /^(?:#{1,6}(?:[ ]|$)|`{3,}|~{3,}|>|<|[-*+](?:[ ]|$)|\d{1,9}[.)](?:[ ]|$)|\[[ xX]\](?![ ]\S))/;

/** `lines`: `text.split('\n')`, when the caller has it already. */
export function fastParse(text: string, lines: readonly string[] = text.split('\n')): Root | null {
  try {
    return new FastParser(text, lines).parse();
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

function unsupported(): never {
  throw new Unsupported();
}

const SPACE = 32;
const HASH = 35;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const COLON = 58;
const LESS = 60;
const EQUALS = 61;
const GREATER = 62;
const OPEN_BRACKET = 91;
const UNDERSCORE = 95;
const BACKTICK = 96;
const PIPE = 124;
const TILDE = 126;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isBullet = (c: number) => c === DASH || c === STAR || c === PLUS;

/** What remark reads and this reader does not: tabs, table delimiter rows, closing `#` runs. */
function isUnsupportedLine(text: string): boolean {
  if (text.includes('\t')) return true;
  if (text.includes('|') && PIPE_DELIMITER.test(text)) return true;
  // A `#` followed by nothing but spaces.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--;
  if (end > 0 && text.charCodeAt(end - 1) === HASH) return true;
  const first = codeAt(text, 0);
  return (
    (first === SPACE || first === COLON || first === DASH) &&
    BARE_DELIMITER_ROW.test(text) &&
    text.includes('-')
  );
}

/** A paragraph line from `column` on, whitespace trimmed at both ends. */
function segmentOf(line: Line, column: number): Segment {
  const text = line.text;
  const start = column >= text.length ? text.length : column + indentOf(text, column);
  const end = trimmedEnd(text);
  return {
    text: end > start ? text.slice(start, end) : '',
    line: line.number,
    column: start + 1,
    offset: line.offset + start,
    lineEnd: text.length + 1,
  };
}

function endsWithTwoSpaces(text: string): boolean {
  return codeAt(text, text.length - 1) === SPACE && codeAt(text, text.length - 2) === SPACE;
}

/**
 * The first characters of an item's content on which the THEMATIC and BLOCK_IN_ITEM tests in
 * listItem may match (anything outside printable ASCII may be whitespace that trim removes).
 */
function mayStartBlockInItem(c: number): boolean {
  return (
    !(c > SPACE && c < 127) ||
    isBullet(c) ||
    isDigit(c) ||
    c === UNDERSCORE ||
    c === HASH ||
    c === BACKTICK ||
    c === TILDE ||
    c === GREATER ||
    c === LESS ||
    c === OPEN_BRACKET
  );
}

/** The first characters UNSUPPORTED_BLOCK can match on. */
function mayStartUnsupportedBlock(c: number): boolean {
  return (
    c === GREATER ||
    c === LESS ||
    c === OPEN_BRACKET ||
    c === EQUALS ||
    c === PIPE ||
    isBullet(c) ||
    isDigit(c)
  );
}

class FastParser {
  private readonly lines: Line[];
  private readonly root: Root = { type: 'root', children: [] };
  /** Open list items, outermost first. */
  private items: ItemState[] = [];
  private paragraph: ParagraphState | null = null;
  /** The list that a new item at this depth would join, per depth (0 = root). */
  private openLists: (ListState | null)[] = [null];
  private blankSinceList = false;

  constructor(
    private readonly text: string,
    lines: readonly string[],
  ) {
    let offset = 0;
    this.lines = lines.map((t, i) => {
      const line = { text: t, number: i + 1, offset };
      offset += t.length + 1;
      return line;
    });
  }

  parse(): Root {
    let i = this.frontmatter();
    while (i < this.lines.length) i = this.line(i);
    this.closeParagraph();
    this.closeItems(0);
    const last = this.lines[this.lines.length - 1] as Line;
    this.root.position = {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: last.number, column: last.text.length + 1, offset: this.text.length },
    };
    return this.root;
  }

  private frontmatter(): number {
    const first = this.lines[0]?.text ?? '';
    if (/^---[ \t]+$/.test(first)) unsupported();
    if (first !== '---') return 0;
    const close = this.lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l.text));
    if (close === -1 || (this.lines[close] as Line).text !== '---') unsupported();
    const end = this.lines[close] as Line;
    this.root.children.push({
      type: 'yaml',
      // The lines between the fences, as they stand in the text.
      value: close > 1 ? this.text.slice((this.lines[1] as Line).offset, end.offset - 1) : '',
      position: { start: { line: 1, column: 1, offset: 0 }, end: this.point(end, 3) },
    });
    return close + 1;
  }

  /** Reads line `i`; returns the index of the next line to read. */
  private line(i: number): number {
    const line = this.lines[i] as Line;
    const text = line.text;
    if (isUnsupportedLine(text)) unsupported();
    const indent = indentOf(text);
    if (indent === text.length) {
      this.closeParagraph();
      if (this.items.length > 0) this.blankSinceList = true;
      return i + 1;
    }
    // Which open items this line continues.
    let depth = 0;
    while (depth < this.items.length && indent >= (this.items[depth] as ItemState).contentColumn)
      depth++;
    const base = depth > 0 ? (this.items[depth - 1] as ItemState).contentColumn : 0;
    const relative = indent - base;
    // Each block pattern needs its own first character: test only those that may match.
    const first = text.charCodeAt(indent);
    const mayBeItem = isBullet(first) || isDigit(first);
    const mayBeAtx = first === HASH;
    const mayBeThematic = first === DASH || first === STAR || first === UNDERSCORE;
    const mayBeFence = first === BACKTICK || first === TILDE;
    const mayBeUnsupported = mayStartUnsupportedBlock(first);
    // Most lines start with a letter: no pattern needs them cut.
    const content =
      mayBeItem || mayBeAtx || mayBeThematic || mayBeFence || mayBeUnsupported
        ? text.slice(indent)
        : '';
    if (relative <= 3 && mayBeUnsupported && UNSUPPORTED_BLOCK.test(content)) {
      unsupported();
    }
    const item = mayBeItem ? listMarker(text) : null;

    if (depth < this.items.length) {
      // The line ends some items: it must start a block (a lazy paragraph line is not ours).
      const continuesParagraph =
        this.paragraph !== null &&
        !(item && relative <= 3) &&
        !(mayBeAtx && atxHeading(content) !== null) &&
        !(mayBeFence && FENCE.test(content)) &&
        !(mayBeThematic && THEMATIC.test(content));
      if (continuesParagraph) unsupported();
      this.closeParagraph();
      this.closeItems(depth);
    }
    if (this.blankSinceList && this.items.length > 0 && depth > 0) unsupported(); // a loose list
    if (relative >= 4) {
      if (this.paragraph && this.items.length === depth)
        return (this.continueParagraph(line, indent), i + 1);
      unsupported(); // indented code
    }
    if (item && relative <= 3) return (this.listItem(line, item, depth), i + 1);
    if (this.blankSinceList && depth === 0) this.endLists();
    const atx = mayBeAtx ? atxHeading(content) : null;
    if (atx) {
      if (indent > 0) unsupported();
      this.closeParagraph();
      this.heading(line, atx);
      return i + 1;
    }
    if (mayBeThematic && THEMATIC.test(content)) {
      if (indent > 0 || depth > 0 || this.paragraph) unsupported();
      this.closeParagraph();
      this.endLists();
      this.root.children.push({
        type: 'thematicBreak',
        position: { start: this.point(line, 0), end: this.point(line, text.length) },
      });
      return i + 1;
    }
    const fence = mayBeFence ? FENCE.exec(content) : null;
    if (fence) {
      if (indent > 0 || depth > 0) unsupported();
      this.closeParagraph();
      this.endLists();
      return this.fence(i, fence);
    }
    if (this.paragraph) {
      this.continueParagraph(line, indent);
      return i + 1;
    }
    this.openParagraph(line, indent, depth);
    return i + 1;
  }

  private listItem(line: Line, match: ListMarker, depth: number): void {
    const text = line.text;
    const { lead, marker } = match;
    if (match.spaces > 4 || match.rest + indentOf(text, match.rest) === text.length) unsupported();
    const ordered = isDigit(marker.charCodeAt(0));
    const markerChar = ordered ? marker.slice(-1) : marker;
    const number = ordered ? Number(marker.slice(0, -1)) : null;
    // Within a paragraph, only a bullet or a list starting at 1 starts a list.
    if (this.paragraph && ordered && number !== 1) return this.continueParagraph(line, lead);
    this.closeParagraph();
    const restFirst = codeAt(text, match.rest);
    if (mayStartBlockInItem(restFirst)) {
      const rest = text.slice(match.rest);
      if (THEMATIC.test(text.trim()) || THEMATIC.test(rest.trim()) || BLOCK_IN_ITEM.test(rest)) {
        unsupported();
      }
    }
    let list = this.openLists[depth] ?? null;
    if (list && (list.marker !== markerChar || this.blankSinceList)) {
      if (this.blankSinceList) unsupported(); // a blank line between items: a loose list
      list = null;
    }
    this.blankSinceList = false;
    const parent =
      depth > 0 ? (this.items[depth - 1] as ItemState).node.children : this.root.children;
    if (!list) {
      const node: List = { type: 'list', ordered, start: number, spread: false, children: [] };
      parent.push(node);
      list = { node, marker: markerChar };
    }
    this.openLists[depth] = list;
    this.trimOpenLists(depth);
    // `[ ] `, `[x] `: TASK matches four characters.
    const task = restFirst === OPEN_BRACKET && TASK.test(text.slice(match.rest));
    const contentColumn = lead + marker.length + match.spaces;
    const node: ListItem = {
      type: 'listItem',
      spread: false,
      checked: task ? text.charCodeAt(match.rest + 1) !== SPACE : null,
      // Its first paragraph, in an array of one (one grown by push would hold 17).
      children: [this.startParagraph(line, contentColumn + (task ? 4 : 0))],
      position: {
        start: this.point(line, lead),
        end: this.point(line, text.length),
      },
    };
    list.node.children.push(node);
    this.items.push({ node, list, contentColumn });
    this.openLists.push(null);
    if (task && this.paragraph) this.paragraph.checkbox = this.point(line, contentColumn);
  }

  /** A heading line at column 0, and ATX's match on it. */
  private heading(line: Line, m: AtxHeading): void {
    const depth = m.depth as Heading['depth'];
    const inner = m.inner ?? '';
    const column = inner ? line.text.indexOf(inner, depth) : 0;
    const children = inner
      ? fastInline([
          { text: inner, line: line.number, column: column + 1, offset: line.offset + column },
        ])
      : [];
    if (children === null) unsupported();
    this.endListsIfTopLevel();
    this.root.children.push({
      type: 'heading',
      depth,
      children,
      position: { start: this.point(line, 0), end: this.point(line, line.text.length) },
    });
  }

  private fence(i: number, m: RegExpExecArray): number {
    const open = this.lines[i] as Line;
    const marker = m[1] as string;
    const info = (m[2] as string).trim();
    if (marker[0] === '`' && info.includes('`')) unsupported();
    let end = i + 1;
    while (end < this.lines.length) {
      const close = /^ {0,3}(`{3,}|~{3,})[ ]*$/.exec((this.lines[end] as Line).text);
      if (
        close &&
        (close[1] as string)[0] === marker[0] &&
        (close[1] as string).length >= marker.length
      )
        break;
      end++;
    }
    if (end >= this.lines.length) unsupported(); // an unclosed fence runs to the end
    const closeLine = this.lines[end] as Line;
    const [lang, ...meta] = info.split(/ +/);
    const node: Code = {
      type: 'code',
      lang: lang || null,
      meta: meta.length > 0 ? meta.join(' ') : null,
      value: this.lines
        .slice(i + 1, end)
        .map((l) => l.text)
        .join('\n'),
      position: {
        start: this.point(open, 0),
        end: this.point(closeLine, closeLine.text.length),
      },
    };
    if (/\\|&/.test(info)) unsupported();
    this.root.children.push(node);
    return end + 1;
  }

  private openParagraph(line: Line, column: number, depth: number): void {
    const parent =
      depth > 0 ? (this.items[depth - 1] as ItemState).node.children : this.root.children;
    if (depth === 0) this.endListsIfTopLevel();
    parent.push(this.startParagraph(line, column));
  }

  /** A new paragraph from `column` of `line` on, now the open one. */
  private startParagraph(line: Line, column: number): Paragraph {
    const node: Paragraph = { type: 'paragraph', children: [] };
    // Most paragraphs are one line: an array of one, not one grown by push.
    this.paragraph = { node, segments: [segmentOf(line, column)], checkbox: null };
    return node;
  }

  private continueParagraph(line: Line, column: number): void {
    const paragraph = this.paragraph as ParagraphState;
    const previous = paragraph.segments[paragraph.segments.length - 1];
    // Two or more spaces before a line break make a hard break: remark's job.
    if (previous && endsWithTwoSpaces((this.lines[previous.line - 1] as Line).text)) unsupported();
    paragraph.segments.push(segmentOf(line, column));
  }

  private closeParagraph(): void {
    const paragraph = this.paragraph;
    if (!paragraph) return;
    this.paragraph = null;
    const children = fastInline(paragraph.segments);
    if (children === null) unsupported();
    const first = paragraph.segments[0] as Segment;
    const last = paragraph.segments[paragraph.segments.length - 1] as Segment;
    paragraph.node.children = children;
    // A block ends at the end of its last line, trailing spaces included (its text does not).
    const lastLine = this.lines[last.line - 1] as Line;
    const opensWithText = children[0]?.type === 'text';
    paragraph.node.position = {
      start:
        paragraph.checkbox && !opensWithText
          ? paragraph.checkbox
          : { line: first.line, column: first.column, offset: first.offset },
      end: this.point(lastLine, lastLine.text.length),
    };
  }

  /** Closes items nested deeper than `depth`. */
  private closeItems(depth: number): void {
    while (this.items.length > depth) {
      const item = this.items.pop() as ItemState;
      const last = item.node.children[item.node.children.length - 1];
      if (last?.position && item.node.position) item.node.position.end = { ...last.position.end };
      this.finishList(item.list);
    }
    this.trimOpenLists(depth);
  }

  /** Forgets the lists deeper than `depth` (setting an array's length is slow: only if needed). */
  private trimOpenLists(depth: number): void {
    if (this.openLists.length !== depth + 1) this.openLists.length = depth + 1;
  }

  private finishList(list: ListState): void {
    const first = list.node.children[0];
    const last = list.node.children[list.node.children.length - 1];
    if (first?.position && last?.position) {
      list.node.position = { start: { ...first.position.start }, end: { ...last.position.end } };
    }
  }

  private endLists(): void {
    this.closeItems(0);
    this.openLists[0] = null;
    this.blankSinceList = false;
  }

  private endListsIfTopLevel(): void {
    if (this.items.length === 0) this.endLists();
  }

  private point(line: Line, column0: number): Point {
    return { line: line.number, column: column0 + 1, offset: line.offset + column0 };
  }
}
