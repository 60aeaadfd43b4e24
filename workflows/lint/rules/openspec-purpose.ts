// A Purpose that nobody wrote, as openspec 1.13 recognizes it: `TBD`/`TODO` opening it (in
// capitals always; in other cases only when punctuation or the line end follows, so Spanish
// "Todo el …" is prose), or the sentence `openspec archive` writes for a new capability.

const WORD_END = '(?![\\p{L}\\p{N}\\p{M}_])';
const MARKER_PUNCTUATION = '(?=[ \\t]*(?:$|\\n|[:\\-\u2013\u2014.,;()\\[\\]{}]))';
const SHOUTED = new RegExp(`^(?:TBD|TODO)${WORD_END}`, 'u');
const PUNCTUATED = new RegExp(`^(?:TBD|TODO)${WORD_END}${MARKER_PUNCTUATION}`, 'iu');
const ARCHIVE_PREFIX = 'TBD - created by archiving change ';
const ARCHIVE_SUFFIX = '. Update Purpose after archive.';

export function isPurposePlaceholder(purpose: string): boolean {
  const prose = withoutFences(purpose).trim();
  if (SHOUTED.test(prose) || PUNCTUATED.test(prose)) return true;
  const suffix = prose.indexOf(ARCHIVE_SUFFIX);
  return suffix !== -1 && prose.lastIndexOf(ARCHIVE_PREFIX, suffix) !== -1;
}

/** Drops fenced code blocks (fence lines included). */
function withoutFences(text: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) {
      fence = marker;
      continue;
    }
    if (fence !== null) {
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = null;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n');
}
