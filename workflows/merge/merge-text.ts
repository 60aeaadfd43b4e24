// The merge drivers Cairn uses when both sides changed a file: a Markdown-aware one for specs
// and a plain line merge for everything else. Both are pure: text in, text out.
//
// Markdown: a plain line merge first (as git would do); only where it conflicts does the
// structural merge run: frontmatter by key, the body by section (see markdown-sections.ts), so
// two people adding different requirements at the same place, or the same owner list, merge
// cleanly. Conflicts that remain are written with git's markers and keep both sides whole.
import { diff3, isClean, type MergeChunk } from './diff3.ts';
import { renderChunks, type ConflictLabels } from './conflict-markers.ts';
import { interleave, mergeFrontmatter, mergePresence, placeTheirs } from './frontmatter-merge.ts';
import { joinLines, pick3, splitLines, type SplitText } from './lines.ts';
import { splitMarkdown, type Section } from './markdown-sections.ts';

export interface MergeInput {
  base: string;
  ours: string;
  theirs: string;
  labels?: ConflictLabels;
}

export interface MergeOutcome {
  /** True when no conflict remains. */
  clean: boolean;
  /** The merged text; conflicts appear as marker blocks keeping both sides. */
  text: string;
  conflicts: number;
  /** How the merge was decided, for diagnostics: 'lines' or 'structure'. */
  strategy: 'lines' | 'structure';
}

const DEFAULT_LABELS: ConflictLabels = { ours: 'ours', theirs: 'theirs' };

function finish(
  chunks: MergeChunk[],
  sides: [SplitText, SplitText, SplitText],
  labels: ConflictLabels,
  strategy: MergeOutcome['strategy'],
): MergeOutcome {
  const [base, ours, theirs] = sides;
  const lines = renderChunks(chunks, labels);
  const eol = pick3(base.eol, ours.eol, theirs.eol);
  const finalNewline = pick3(base.finalNewline, ours.finalNewline, theirs.finalNewline);
  const conflicts = chunks.filter((c) => c.kind === 'conflict').length;
  return {
    clean: conflicts === 0,
    text: joinLines(lines, eol, finalNewline || conflicts > 0),
    conflicts,
    strategy,
  };
}

/** Line-based three-way merge of any text. */
export function mergeText(input: MergeInput): MergeOutcome {
  const sides = [splitLines(input.base), splitLines(input.ours), splitLines(input.theirs)] as [
    SplitText,
    SplitText,
    SplitText,
  ];
  const chunks = diff3(sides[0].lines, sides[1].lines, sides[2].lines);
  return finish(chunks, sides, input.labels ?? DEFAULT_LABELS, 'lines');
}

/** Markdown-aware three-way merge of a spec. */
export function mergeMarkdown(input: MergeInput): MergeOutcome {
  const sides = [splitLines(input.base), splitLines(input.ours), splitLines(input.theirs)] as [
    SplitText,
    SplitText,
    SplitText,
  ];
  const labels = input.labels ?? DEFAULT_LABELS;
  const plain = diff3(sides[0].lines, sides[1].lines, sides[2].lines);
  if (isClean(plain)) return finish(plain, sides, labels, 'lines');
  const structural = mergeStructure(sides[0].lines, sides[1].lines, sides[2].lines);
  // Fewer conflicting lines wins; the plain merge when equal (it is what git users expect),
  // and whenever the structural result repeats a line more often than the two sides' changes
  // explain (a section both sides renamed, say, taken twice).
  const weight = (chunks: MergeChunk[]) =>
    chunks.reduce(
      (n, c) => n + (c.kind === 'conflict' ? c.ours.length + c.theirs.length + 1 : 0),
      0,
    );
  const sane = !duplicates(structural, sides[0].lines, sides[1].lines, sides[2].lines);
  return sane && weight(structural) < weight(plain)
    ? finish(structural, sides, labels, 'structure')
    : finish(plain, sides, labels, 'lines');
}

function counts(lines: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of lines) if (line.trim() !== '') map.set(line, (map.get(line) ?? 0) + 1);
  return map;
}

/**
 * Whether merged chunks hold some line more often than a three-way merge can produce: outside
 * conflicts, at most ours + theirs - base copies (what both kept, plus what each added).
 */
function duplicates(
  chunks: readonly MergeChunk[],
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
): boolean {
  const b = counts(base);
  const o = counts(ours);
  const t = counts(theirs);
  const clean = counts(chunks.flatMap((c) => (c.kind === 'ok' ? c.lines : [])));
  for (const [line, n] of clean) {
    // Lines neither side has are a merged list written anew: not a repeat.
    if (!o.has(line) && !t.has(line)) continue;
    const bound = Math.max(
      o.get(line) ?? 0,
      t.get(line) ?? 0,
      (o.get(line) ?? 0) + (t.get(line) ?? 0) - (b.get(line) ?? 0),
    );
    if (n > bound) return true;
  }
  return false;
}

/**
 * A section a side renamed keeps its identity. A section only that side has takes the key of
 * a base section that side no longer has when their bodies are the same, or else when it
 * stands in the same place (after the same section) at the same heading level.
 */
function rekey(base: readonly Section[], side: readonly Section[]): Section[] {
  const sideKeys = new Set(side.map((s) => s.key));
  const baseKeys = new Set(base.map((s) => s.key));
  const gone = base.filter((s) => !sideKeys.has(s.key));
  const claimed = new Set<string>();
  const body = (s: Section) => s.lines.slice(1).join('\n');
  const level = (s: Section) => /^ {0,3}(#{1,6})/.exec(s.lines[0] ?? '')?.[1]?.length ?? 0;
  const out = side.map((section) => {
    if (baseKeys.has(section.key)) return section;
    const match = gone.find(
      (g) => !claimed.has(g.key) && body(g).trim() !== '' && body(g) === body(section),
    );
    if (!match) return section;
    claimed.add(match.key);
    return { key: match.key, lines: section.lines };
  });
  const before = new Map<string, string>();
  base.forEach((s, i) => before.set(s.key, base[i - 1]?.key ?? '\u0000start'));
  return out.map((section, i) => {
    if (baseKeys.has(section.key)) return section;
    const previous = out[i - 1]?.key ?? '\u0000start';
    const match = gone.find(
      (g) => !claimed.has(g.key) && before.get(g.key) === previous && level(g) === level(section),
    );
    if (!match) return section;
    claimed.add(match.key);
    return { key: match.key, lines: section.lines };
  });
}

function mergeStructure(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
): MergeChunk[] {
  const b = splitMarkdown(base);
  const o = splitMarkdown(ours);
  const t = splitMarkdown(theirs);
  const chunks: MergeChunk[] = [];
  if (o.frontmatter && t.frontmatter) {
    const fences = o.fences as [string, string];
    chunks.push({ kind: 'ok', lines: [fences[0]] });
    chunks.push(...mergeFrontmatter(b.frontmatter ?? [], o.frontmatter, t.frontmatter));
    chunks.push({ kind: 'ok', lines: [fences[1]] });
  } else {
    // Frontmatter on one side only (or neither): merge those lines as plain text.
    const head = (p: typeof o) =>
      p.frontmatter ? [p.fences![0], ...p.frontmatter, p.fences![1]] : [];
    chunks.push(...diff3(head(b), head(o), head(t)));
  }
  chunks.push(
    ...mergeSections(b.sections, rekey(b.sections, o.sections), rekey(b.sections, t.sections)),
  );
  return chunks;
}

function mergeSections(base: Section[], ours: Section[], theirs: Section[]): MergeChunk[] {
  const baseMap = new Map(base.map((s) => [s.key, s.lines]));
  const oursMap = new Map(ours.map((s) => [s.key, s.lines]));
  const theirsMap = new Map(theirs.map((s) => [s.key, s.lines]));
  const order = interleave(
    ours.map((s) => s.key),
    theirs.map((s) => s.key),
    (key) => !oursMap.has(key) && placeTheirs(baseMap.get(key), theirsMap.get(key)),
    (key) => !baseMap.has(key),
  );
  const chunks: MergeChunk[] = [];
  for (const key of order) {
    const merged = mergePresence(
      baseMap.get(key) ?? null,
      oursMap.get(key) ?? null,
      theirsMap.get(key) ?? null,
      diff3,
    );
    // A section of theirs placed after one that does not end in a blank line gets one, so
    // the two do not run together.
    const previous = lastLine(chunks);
    const first = merged[0];
    if (
      !oursMap.has(key) &&
      previous !== null &&
      previous.trim() !== '' &&
      first?.kind === 'ok' &&
      first.lines[0]?.startsWith('#')
    )
      chunks.push({ kind: 'ok', lines: [''] });
    chunks.push(...merged);
  }
  return chunks;
}

function lastLine(chunks: MergeChunk[]): string | null {
  const last = chunks[chunks.length - 1];
  if (!last) return null;
  const lines = last.kind === 'ok' ? last.lines : last.theirs;
  return lines[lines.length - 1] ?? null;
}
