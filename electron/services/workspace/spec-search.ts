// Full-text search over a workspace's specs: a MiniSearch index of whole files (title and
// text), kept up to date one file at a time, and hits resolved to the lines that match.
import MiniSearch, { type SearchOptions as MiniSearchOptions } from 'minisearch';

export interface SearchHit {
  path: string;
  /** 1-based line of the match. */
  line: number;
  /** The line, trimmed and cut around the first match. */
  snippet: string;
  /** Where the matched terms sit in the snippet (character offsets, end exclusive). */
  marks: { start: number; end: number }[];
  score: number;
}

export interface SearchOptions {
  /** Most hits returned (default 50). */
  limit?: number;
  /** Most lines reported for one file (default 3). */
  linesPerFile?: number;
}

interface IndexedSpec {
  id: string;
  title: string;
  text: string;
}

const SNIPPET_CHARS = 160;
/** Fewer exact results than this, and the search is tried again with typos allowed. */
const FEW_RESULTS = 10;
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

export class SpecSearch {
  private readonly index = new MiniSearch<IndexedSpec>({
    fields: ['title', 'text'],
    // Fuzzy and prefix matches make a lot of small terms; vacuum them in the background.
    autoVacuum: { minDirtCount: 200, minDirtFactor: 0.1, batchSize: 500, batchWait: 10 },
  });
  private readonly texts = new Map<string, string>();

  get size(): number {
    return this.texts.size;
  }

  /** Adds a file or replaces what was indexed for it. */
  set(path: string, text: string, title = ''): void {
    if (this.texts.get(path) === text) return;
    const doc = { id: path, title, text };
    if (this.index.has(path)) this.index.replace(doc);
    else this.index.add(doc);
    this.texts.set(path, text);
  }

  remove(path: string): void {
    if (!this.index.has(path)) return;
    this.index.discard(path);
    this.texts.delete(path);
  }

  /**
   * Files that hold every word of the query (the last one as a prefix, for search as you
   * type; longer words also match with a typo), best first, then the lines where they match.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 50;
    const linesPerFile = options.linesPerFile ?? 3;
    if (query.trim() === '') return [];
    const how: MiniSearchOptions = {
      combineWith: 'AND',
      // A one-letter prefix matches half the vocabulary: wait for the second letter.
      prefix: (term: string, i: number, terms: string[]) =>
        i === terms.length - 1 && term.length > 1,
      boost: { title: 2 },
    };
    let results = this.index.search(query, how);
    // Typo tolerance costs a walk of the whole vocabulary: only when exact words find little,
    // and only for the longer words no spec contains as written.
    if (results.length < FEW_RESULTS) {
      const unknown = new Set(
        tokenize(query)
          .map((t) => t.toLowerCase())
          .filter(
            (t) => t.length > 4 && this.index.search(t, { fields: ['title', 'text'] }).length === 0,
          ),
      );
      if (unknown.size > 0) {
        results = this.index.search(query, {
          ...how,
          fuzzy: (term: string) => (unknown.has(term) ? 0.15 : false),
        });
      }
    }
    const hits: SearchHit[] = [];
    for (const result of results) {
      const text = this.texts.get(String(result.id));
      if (text === undefined) continue;
      for (const hit of matchingLines(text, result.terms, linesPerFile)) {
        hits.push({ path: String(result.id), score: result.score, ...hit });
        if (hits.length >= limit) return hits;
      }
    }
    return hits;
  }
}

/**
 * The lines of `text` that hold the most of `terms` (as MiniSearch matched them: lower case,
 * whole or prefix words), in line order among equals.
 */
export function matchingLines(
  text: string,
  terms: readonly string[],
  most: number,
): Omit<SearchHit, 'path' | 'score'>[] {
  const patterns = terms.map((t) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(t)}`, 'giu'));
  const lines = text.split(/\r\n|\r|\n/);
  const scored: { line: number; count: number; marks: { start: number; end: number }[] }[] = [];
  lines.forEach((line, i) => {
    const marks: { start: number; end: number }[] = [];
    let count = 0;
    for (const pattern of patterns) {
      let found = false;
      for (const m of line.matchAll(pattern)) {
        marks.push({ start: m.index, end: m.index + m[0].length });
        found = true;
      }
      if (found) count++;
    }
    if (count > 0) scored.push({ line: i, count, marks: merged(marks) });
  });
  scored.sort((a, b) => b.count - a.count || a.line - b.line);
  return scored.slice(0, most).map(({ line, marks }) => {
    const raw = lines[line] as string;
    return { line: line + 1, ...snippetOf(raw, marks) };
  });
}

/** Marks in order, overlapping ones joined ("cache" and "cached" at the same place). */
function merged(marks: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && mark.start <= last.end) last.end = Math.max(last.end, mark.end);
    else out.push({ ...mark });
  }
  return out;
}

function snippetOf(
  line: string,
  marks: { start: number; end: number }[],
): { snippet: string; marks: { start: number; end: number }[] } {
  const lead = line.length - line.trimStart().length;
  let from = lead;
  const first = marks[0]?.start ?? lead;
  if (first - from > SNIPPET_CHARS / 2) from = first - 40;
  const to = Math.min(line.trimEnd().length, from + SNIPPET_CHARS);
  const prefix = from > lead ? '…' : '';
  const suffix = to < line.trimEnd().length ? '…' : '';
  const shift = prefix.length - from;
  return {
    snippet: prefix + line.slice(from, to) + suffix,
    marks: marks
      .filter((m) => m.start >= from && m.end <= to)
      .map((m) => ({ start: m.start + shift, end: m.end + shift })),
  };
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
