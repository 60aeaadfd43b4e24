// Where a Markdown document can be cut so that each piece, parsed alone, gives the same tree.
// micromark copies its whole event list every time a list closes, so one long document costs
// time quadratic in its length (10,000 requirements: minutes). Pieces keep that list short.
//
// A cut goes before an ATX heading at column 0. Such a line closes every container (lists,
// block quotes) and interrupts paragraphs and tables; only a fenced code block or an HTML
// block at the top level can swallow it, so the scan follows those. Where it cannot be sure
// (a fence opened with indentation may belong to a list item that has since ended), it stops
// cutting, as it does where a fence or a second HTML block starts inside what may be an HTML
// block. Link reference definitions reach across the whole document, so a document with
// anything that looks like one is not cut at all.

const HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^( *)(`{3,}|~{3,})(.*)$/;
const DEFINITION = /^ {0,3}\[[^\]\n]*\]:/m;
const HTML_START = /^[ \t]*</;
const HTML_ENDS: [RegExp, RegExp][] = [
  [/^[ \t]*<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^[ \t]*<!--/, /-->/],
  [/^[ \t]*<\?/, /\?>/],
  [/^[ \t]*<![A-Za-z]/, />/],
  [/^[ \t]*<!\[CDATA\[/, /\]\]>/],
];

/**
 * Indexes of lines (0-based, from `from` on) before which the text may be cut, at least
 * `minLines` apart.
 */
export function safeCuts(lines: readonly string[], from: number, minLines: number): number[] {
  if (DEFINITION.test(lines.join('\n'))) return [];
  const cuts: number[] = [];
  let fence: { char: string; length: number; indented: boolean } | null = null;
  let html: RegExp | 'blank' | null = null;
  let last = from;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as string;
    if (fence) {
      const atColumn0 = line.length > 0 && line[0] !== ' ' && line[0] !== '\t';
      // A fence opened with indentation may sit in a list item that a column-0 line ends.
      if (fence.indented && atColumn0) return cuts;
      const close = FENCE.exec(line);
      if (
        close &&
        (close[1] as string).length <= 3 &&
        (close[2] as string)[0] === fence.char &&
        (close[2] as string).length >= fence.length &&
        (close[3] as string).trim() === ''
      ) {
        fence = null;
      }
      continue;
    }
    const open = FENCE.exec(line);
    if (html) {
      // Inside what may be an HTML block, a fence or a second HTML start is ambiguous.
      if (open || HTML_START.test(line)) return cuts;
      if (html === 'blank' ? line.trim() === '' : html.test(line)) html = null;
      continue;
    }
    if (open && !((open[2] as string)[0] === '`' && (open[3] as string).includes('`'))) {
      fence = {
        char: (open[2] as string)[0] as string,
        length: (open[2] as string).length,
        indented: (open[1] as string).length > 0,
      };
      continue;
    }
    if (HTML_START.test(line)) {
      const kind = HTML_ENDS.find(([start]) => start.test(line));
      html = kind ? (kind[1].test(line.slice(line.indexOf('<') + 2)) ? null : kind[1]) : 'blank';
      if (html === 'blank' && line.trim() === '') html = null;
      continue;
    }
    if (i - last >= minLines && HEADING.test(line)) {
      cuts.push(i);
      last = i;
    }
  }
  return cuts;
}
