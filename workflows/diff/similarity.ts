// Content similarity of requirements: Jaccard similarity of their word sets. Cheap, order
// free, and good at recognizing a requirement that was renamed or re-ID'd but kept its text.

const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'and',
  'or',
  'in',
  'on',
  'is',
  'it',
  'be',
  'shall',
  'must',
  'when',
  'then',
  'if',
  'while',
  'with',
  'for',
  'by',
  'that',
  'this',
]);

/** The distinct lower-case words of `text`, without stop words. */
export function wordSet(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  return new Set(words.filter((w) => !STOP_WORDS.has(w)));
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const word of small) if (large.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
