// Hand-written scans for the line shapes the fast reader meets on almost every line: the
// indentation, a list item's marker, an ATX heading. Each gives exactly what its regex gives
// (the regex is kept beside it, and a property test holds the two to the same answers on any
// string), without the match array and substrings a regex builds per line: a 10,000-requirement
// workspace has some 80,000 such lines, mostly read by code that is not optimized yet.

const SPACE = 32;
const HASH = 35;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const CLOSE_PAREN = 41;

/** What `.` does not match. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

const isDigit = (c: number) => c >= 48 && c <= 57;
/**
 * `text.charCodeAt(i)`, but -1 (not NaN) past either end: optimized code that reads past the end
 * once is thrown away and compiled again, which costs more than this check.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** Printable ASCII other than the space: never whitespace, never a line terminator. */
const isPlainAscii = (c: number) => c > SPACE && c < 127;

/** `text.length - text.trimStart().length`: spaces counted by hand, the rest by trimStart. */
export function indentOf(text: string, from = 0): number {
  let i = from;
  while (codeAt(text, i) === SPACE) i++;
  // Past the spaces, a printable ASCII character (or the end) ends the indentation; anything
  // else may be Unicode whitespace, which trimStart counts too.
  if (i === text.length || isPlainAscii(text.charCodeAt(i))) return i - from;
  return text.length - from - text.slice(from).trimStart().length;
}

/** The end of `text` once trimEnd() has removed its trailing whitespace. */
export function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--;
  if (end === 0 || isPlainAscii(text.charCodeAt(end - 1))) return end;
  return text.trimEnd().length;
}

/** What LIST_ITEM_PATTERN captures, as lengths and offsets into the line. */
export interface ListMarker {
  /** Spaces before the marker. */
  lead: number;
  /** `-`, `1.`, `10)`. */
  marker: string;
  /** Spaces after the marker (at least one). */
  spaces: number;
  /** Offset of the content after the spaces. */
  rest: number;
}

/** The regex `listMarker` stands for (the property test compares the two). */
export const LIST_ITEM_PATTERN = /^( *)([-*+]|\d{1,9}[.)])( +)(.*)$/;

/** `LIST_ITEM_PATTERN.exec(text)`, as a ListMarker; null when it does not match. */
export function listMarker(text: string): ListMarker | null {
  let i = 0;
  while (codeAt(text, i) === SPACE) i++;
  const lead = i;
  const c = codeAt(text, i);
  if (c === DASH || c === STAR || c === PLUS) i++;
  else {
    while (isDigit(codeAt(text, i)) && i - lead < 10) i++;
    const digits = i - lead;
    const close = codeAt(text, i);
    if (digits === 0 || digits > 9 || (close !== DOT && close !== CLOSE_PAREN)) return null;
    i++;
  }
  const markerEnd = i;
  while (codeAt(text, i) === SPACE) i++;
  if (i === markerEnd) return null;
  // `(.*)$` stops at a line terminator: a line holding one does not match at all.
  if (LINE_TERMINATOR.test(text)) return null;
  return { lead, marker: text.slice(lead, markerEnd), spaces: i - markerEnd, rest: i };
}

/** What ATX_PATTERN captures: the number of `#` and the text (null for `(.*?)` unmatched). */
export interface AtxHeading {
  depth: number;
  inner: string | undefined;
}

/** The regex `atxHeading` stands for (the property test compares the two). */
export const ATX_PATTERN = /^(#{1,6})(?:[ ]+(.*?))?(?:[ ]+#+)?[ ]*$|^(#{1,6})$/;

/** `ATX_PATTERN.exec(text)` as `{ depth: (m[1] ?? m[3]).length, inner: m[2] }`, or null. */
export function atxHeading(text: string): AtxHeading | null {
  let hashes = 0;
  while (codeAt(text, hashes) === HASH) hashes++;
  if (hashes === 0 || hashes > 6) return null;
  if (hashes === text.length) return { depth: hashes, inner: undefined };
  if (text.charCodeAt(hashes) !== SPACE) return null;
  let end = text.length;
  while (end > hashes && text.charCodeAt(end - 1) === SPACE) end--;
  // A closing `#` run and line terminators: rare, and the regex's to read.
  if (text.charCodeAt(end - 1) === HASH || LINE_TERMINATOR.test(text)) {
    const m = ATX_PATTERN.exec(text);
    return m ? { depth: (m[1] ?? m[3] ?? '').length, inner: m[2] } : null;
  }
  let start = hashes;
  while (start < end && text.charCodeAt(start) === SPACE) start++;
  return { depth: hashes, inner: text.slice(start, end) };
}
