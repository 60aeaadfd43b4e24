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
  // Fewer conflicting lines wins; the plain merge when equal (it is what git users expect).
  const weight = (chunks: MergeChunk[]) =>
    chunks.reduce(
      (n, c) => n + (c.kind === 'conflict' ? c.ours.length + c.theirs.length + 1 : 0),
      0,
    );
  return weight(structural) < weight(plain)
    ? finish(structural, sides, labels, 'structure')
    : finish(plain, sides, labels, 'lines');
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
  chunks.push(...mergeSections(b.sections, o.sections, t.sections));
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
