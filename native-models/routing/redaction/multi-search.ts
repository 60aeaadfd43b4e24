// Every occurrence of many literal needles in a text: one regex alternation per batch, longest
// needle first, restarting one character after each match so that overlapping occurrences are
// found too (matches are few; the scan itself runs in the regex engine's native code).

const BATCH = 256;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Occurrence {
  start: number;
  end: number;
  needle: string;
}

export function findAllNeedles(text: string, needles: Iterable<string>): Occurrence[] {
  const list = [...new Set(needles)]
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length);
  const found: Occurrence[] = [];
  for (let b = 0; b < list.length; b += BATCH) {
    const re = new RegExp(
      list
        .slice(b, b + BATCH)
        .map(escape)
        .join('|'),
      'g',
    );
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      found.push({ start: m.index, end: m.index + m[0].length, needle: m[0] });
      re.lastIndex = m.index + 1;
    }
  }
  return found;
}
