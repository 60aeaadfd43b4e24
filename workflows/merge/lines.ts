// Text <-> lines for line-based merging. Lines are compared without their terminators; the
// file's line ending (LF or CRLF) and whether it ends with a newline are kept aside and put
// back when the merged text is joined.

export interface SplitText {
  lines: string[];
  /** The line ending the text uses most ('\r\n' or '\n'). */
  eol: '\n' | '\r\n';
  /** Whether the last line ends with a line ending. Empty text counts as ending with one. */
  finalNewline: boolean;
}

export function splitLines(text: string): SplitText {
  if (text === '') return { lines: [], eol: '\n', finalNewline: true };
  const raw = text.split('\n');
  const finalNewline = raw[raw.length - 1] === '';
  if (finalNewline) raw.pop();
  let crlf = 0;
  const lines = raw.map((line) => {
    if (line.endsWith('\r')) {
      crlf++;
      return line.slice(0, -1);
    }
    return line;
  });
  return { lines, eol: crlf * 2 > lines.length ? '\r\n' : '\n', finalNewline };
}

export function joinLines(lines: readonly string[], eol: string, finalNewline: boolean): string {
  if (lines.length === 0) return '';
  return lines.join(eol) + (finalNewline ? eol : '');
}

export function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Three-way choice of a scalar: whichever side changed it wins; ours when both did. */
export function pick3<T>(base: T, ours: T, theirs: T): T {
  return ours === base ? theirs : ours;
}
