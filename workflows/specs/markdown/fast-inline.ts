// The inline Markdown that specs are mostly made of (plain text, `**strong**`, `_emphasis_`,
// `code`, `[links](x.md)`), turned into mdast exactly as remark would. Anything else (escapes,
// entities, HTML, autolinks, nested or ambiguous emphasis, hard breaks) returns null and the
// caller falls back to remark. The differential tests hold the two to the same trees.
import type { PhrasingContent, Text } from 'mdast';
import type { Point } from 'unist';

/** One line of inline content and where it starts in the file. */
export interface Segment {
  text: string;
  line: number;
  /** 1-based column of `text[0]`. */
  column: number;
  /** Offset of `text[0]` in the file. */
  offset: number;
  /** Column just past the line's last character, trailing spaces included. */
  lineEnd?: number;
}

// What remark reads and this reader does not: escapes, HTML, entities, strikethrough, images,
// footnotes, reference links, and GFM autolinks (split in parts: the e-mail pattern would
// otherwise start a match at every letter).
const UNSUPPORTED = /[\\<&~]|!\[|\[\^|\]\[|www\./i;
const SCHEME = /(?:https?|ftp|mailto|xmpp):/i;
const EMAIL = /[\w.+-]@[\w-]+\./i;
const MARKUP = /[`*_[\]]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

interface Run {
  char: string;
  from: number;
  length: number;
  open: boolean;
  close: boolean;
}

/** Inline mdast for `segments` (the lines of one paragraph or heading), or null. */
export function fastInline(segments: readonly Segment[]): PhrasingContent[] | null {
  const only = segments.length === 1 ? (segments[0] as Segment) : null;
  const text = only ? only.text : segments.map((s) => s.text).join('\n');
  if (
    UNSUPPORTED.test(text) ||
    (text.includes(':') && SCHEME.test(text)) ||
    (text.includes('@') && EMAIL.test(text))
  ) {
    return null;
  }
  // Most statements and steps are plain text: one node, and most are one line.
  if (!MARKUP.test(text)) {
    if (text === '') return [];
    return [only ? lineText(only) : textNode(text, 0, text.length, pointMapper(segments))];
  }
  const at = pointMapper(segments);
  const out: PhrasingContent[] = [];
  let i = 0;
  let plainFrom = 0;
  // No closures here: under tsx (keepNames) each one costs a defineProperty per call.
  while (i < text.length) {
    const ch = text[i];
    if (ch === '`') {
      const run = runLength(text, i, '`');
      const close = findBacktickRun(text, i + run, run);
      if (close === -1) {
        i += run;
        continue;
      }
      if (text.slice(i, close).includes('\n')) return null;
      if (!flushPlain(text, plainFrom, i, at, out)) return null;
      let value = text.slice(i + run, close);
      if (
        value.length >= 2 &&
        value.startsWith(' ') &&
        value.endsWith(' ') &&
        value.trim() !== ''
      ) {
        value = value.slice(1, -1);
      }
      out.push({ type: 'inlineCode', value, position: { start: at(i), end: at(close + run) } });
      i = close + run;
      plainFrom = i;
      continue;
    }
    if (ch === '[' || ch === ']') {
      const link = simpleLink(text, i);
      if (link === 'unsupported') return null;
      if (link) {
        if (!flushPlain(text, plainFrom, i, at, out)) return null;
        const label = text.slice(i + 1, link.labelEnd);
        const children = plainText(text, i + 1, link.labelEnd, at);
        if (children === null || label.includes('\n')) return null;
        out.push({
          type: 'link',
          title: null,
          url: link.url,
          children: children as PhrasingContent[],
          position: { start: at(i), end: at(link.end) },
        } as PhrasingContent);
        i = link.end;
        plainFrom = i;
        continue;
      }
    }
    i++;
  }
  if (!flushPlain(text, plainFrom, text.length, at, out)) return null;
  return out;
}

/** Appends the plain text from `from` to `to` (if any) to `out`; false when remark must read it. */
function flushPlain(
  text: string,
  from: number,
  to: number,
  at: PointAt,
  out: PhrasingContent[],
): boolean {
  if (to <= from) return true;
  const nodes = plainText(text, from, to, at);
  if (nodes === null) return false;
  for (let k = 0; k < nodes.length; k++) out.push(nodes[k] as PhrasingContent);
  return true;
}

/** Text with emphasis and strong emphasis, no code or links. */
function plainText(text: string, from: number, to: number, at: PointAt): PhrasingContent[] | null {
  const runs: Run[] = [];
  for (let i = from; i < to;) {
    const ch = text[i] as string;
    if (ch !== '*' && ch !== '_') {
      i++;
      continue;
    }
    const length = runLength(text, i, ch);
    if (i + length > to) return null;
    runs.push(classify(text, i, length, ch, from, to));
    i += length;
  }
  const nodes: PhrasingContent[] = [];
  let cursor = from;
  let opener: Run | null = null;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r] as Run;
    if (!run.open && !run.close) continue;
    // Runs that could go either way, long runs, nesting, and runs left unpaired (which may
    // pair across a code span or link) are remark's to read.
    if ((run.open && run.close) || run.length > 2) return null;
    if (run.open) {
      if (opener) return null;
      opener = run;
    } else {
      if (!opener) return null;
      if (opener.char !== run.char || opener.length !== run.length) return null;
      if (opener.from > cursor) nodes.push(textNode(text, cursor, opener.from, at));
      const inner = opener.from + opener.length;
      if (text.slice(inner, run.from).includes('\n')) return null;
      nodes.push({
        type: opener.length === 2 ? 'strong' : 'emphasis',
        children: inner < run.from ? [textNode(text, inner, run.from, at)] : [],
        position: { start: at(opener.from), end: at(run.from + run.length) },
      } as PhrasingContent);
      cursor = run.from + run.length;
      opener = null;
    }
  }
  if (opener) return null;
  if (to > cursor) nodes.push(textNode(text, cursor, to, at));
  return mergeText(nodes, text, at);
}

/** CommonMark's left- and right-flanking rules for a delimiter run. */
function classify(
  text: string,
  from: number,
  length: number,
  char: string,
  lo: number,
  hi: number,
): Run {
  const before = from > lo ? (text[from - 1] as string) : ' ';
  const after = from + length < hi ? (text[from + length] as string) : ' ';
  const beforeSpace = WHITESPACE.test(before);
  const afterSpace = WHITESPACE.test(after);
  const beforePunct = PUNCTUATION.test(before);
  const afterPunct = PUNCTUATION.test(after);
  const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
  const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
  if (char === '*') return { char, from, length, open: left, close: right };
  return {
    char,
    from,
    length,
    open: left && (!right || beforePunct),
    close: right && (!left || afterPunct),
  };
}

function textNode(text: string, from: number, to: number, at: PointAt): Text {
  return {
    type: 'text',
    value: text.slice(from, to),
    position: { start: at(from, 'text-start'), end: at(to, 'text-end') },
  };
}

/** One line of plain text: what textNode gives for it, without mapping offsets. */
function lineText(s: Segment): Text {
  const end = s.text.length;
  return {
    type: 'text',
    value: s.text,
    position: {
      start: { line: s.line, column: s.column, offset: s.offset },
      end: { line: s.line, column: s.column + end, offset: s.offset + end },
    },
  };
}

/** Adjacent text nodes are one node in mdast. */
function mergeText(nodes: PhrasingContent[], text: string, at: PointAt): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k] as PhrasingContent;
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && last.position && node.position) {
      out[out.length - 1] = textNode(
        text,
        last.position.start.offset as number,
        node.position.end.offset as number,
        at,
      );
    } else out.push(node);
  }
  return out;
}

function runLength(text: string, from: number, char: string): number {
  let end = from;
  while (text[end] === char) end++;
  return end - from;
}

function findBacktickRun(text: string, from: number, length: number): number {
  for (let i = text.indexOf('`', from); i !== -1; i = text.indexOf('`', i)) {
    const run = runLength(text, i, '`');
    if (run === length) return i;
    i += run;
  }
  return -1;
}

/** `[label](url)` with a plain label and a plain destination; null for a literal bracket. */
function simpleLink(
  text: string,
  at: number,
): { labelEnd: number; url: string; end: number } | null | 'unsupported' {
  if (text[at] === ']') return text[at + 1] === '(' ? 'unsupported' : null;
  const labelEnd = text.indexOf(']', at + 1);
  const nextOpen = text.indexOf('[', at + 1);
  if (labelEnd === -1) return null;
  if (nextOpen !== -1 && nextOpen < labelEnd) {
    // `[a [b](c)]` and friends: leave to remark when a link may be involved.
    return text.includes('](', at) ? 'unsupported' : null;
  }
  if (text[labelEnd + 1] !== '(') return null;
  const close = text.indexOf(')', labelEnd + 2);
  if (close === -1) return 'unsupported';
  const url = text.slice(labelEnd + 2, close);
  if (
    url === '' ||
    /[\s()<>"'`*_]/.test(url) ||
    /[`*_]/.test(text.slice(at + 1, labelEnd)) ||
    labelEnd === at + 1
  ) {
    return 'unsupported';
  }
  return { labelEnd, url, end: close + 1 };
}

/** A file point for an offset in the joined text; see pointMapper. */
type PointAt = (offset: number, edge?: 'text-start' | 'text-end') => Point;

/**
 * Maps an offset in the joined text (lines joined by "\n") to a file point, as remark places
 * text around a line break: text that opens with the break starts after the line's trailing
 * spaces; text that closes with it ends at column 1 of the next line.
 */
function pointMapper(segments: readonly Segment[]): PointAt {
  const starts: number[] = [];
  let total = 0;
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k] as Segment;
    starts.push(total);
    total += s.text.length + 1;
  }
  return (offset, edge) => {
    let k = starts.length - 1;
    while (k > 0 && (starts[k] as number) > offset) k--;
    const s = segments[k] as Segment;
    const delta = offset - (starts[k] as number);
    if (
      edge === 'text-start' &&
      delta === s.text.length &&
      s.lineEnd !== undefined &&
      k < segments.length - 1
    ) {
      return { line: s.line, column: s.lineEnd, offset: s.offset + (s.lineEnd - s.column) };
    }
    if (edge === 'text-end' && delta === 0 && k > 0) {
      return { line: s.line, column: 1, offset: s.offset - (s.column - 1) };
    }
    return { line: s.line, column: s.column + delta, offset: s.offset + delta };
  };
}
