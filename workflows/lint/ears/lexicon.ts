// Words that make a requirement untestable. Lists are matched as whole words, any case.

/** Quality words with no measurable meaning. */
export const VAGUE_WORDS = [
  'gracefully',
  'user-friendly',
  'user friendly',
  'easy',
  'easily',
  'simple',
  'simply',
  'intuitive',
  'intuitively',
  'appropriate',
  'appropriately',
  'adequate',
  'adequately',
  'efficient',
  'efficiently',
  'robust',
  'seamless',
  'seamlessly',
  'flexible',
  'reasonable',
  'reasonably',
  'optimal',
  'optimally',
  'sufficient',
  'sufficiently',
  'normally',
  'usually',
  'typically',
  'as needed',
  'as appropriate',
  'if possible',
  'where possible',
  'as much as possible',
  'state-of-the-art',
  'and so on',
  'etc',
  'various',
  'several',
];

/** Speed, time and quantity words that need a number to be testable. */
export const UNMEASURED_WORDS = [
  'fast',
  'faster',
  'quick',
  'quickly',
  'rapid',
  'rapidly',
  'slow',
  'slowly',
  'soon',
  'promptly',
  'immediately',
  'instantly',
  'timely',
  'eventually',
  'in real time',
  'real-time',
  'high performance',
  'low latency',
  'large',
  'small',
  'many',
  'few',
  'frequently',
  'periodically',
];

/** Modal verbs that read as optional where a requirement needs `shall`. */
export const WEAK_MODALS = ['should', 'may', 'might', 'could'];

/** A regex matching any of `words` as whole words (a phrase's spaces match any whitespace). */
export function wordsPattern(words: readonly string[]): RegExp {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?![\\w-])`, 'gi');
}
