// How a conflicted document is shown: each side's lines, marked where they differ from the
// version both started from, and a first merged text to edit (every line of both sides, so
// nothing is lost before the user chooses).
import {
  resolveMarkers,
  hasConflictMarkers,
} from '../../../../workflows/merge/conflict-markers.ts';
import { alignLines } from '../../../../workflows/merge/line-diff.ts';
import { joinLines, splitLines } from '../../../../workflows/merge/lines.ts';

export interface ShownLine {
  text: string;
  /** Not in the common version: this side changed or added it. */
  changed: boolean;
}

export type ShownRow = ({ kind: 'line' } & ShownLine) | { kind: 'gap'; lines: number };

/** Unchanged lines kept around each change, so the change reads in its place. */
const CONTEXT = 3;

export function sideLines(side: string | null, base: string | null): ShownLine[] {
  if (side === null) return [];
  const lines = splitLines(side).lines;
  const matches = alignLines(lines, base === null ? [] : splitLines(base).lines);
  return lines.map((text, i) => ({ text, changed: matches[i] === -1 }));
}

/** The lines of one side near its changes; longer unchanged stretches become a gap row. */
export function sideRows(side: string | null, base: string | null): ShownRow[] {
  const lines = sideLines(side, base);
  const near = (i: number) =>
    lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((l) => l.changed);
  const rows: ShownRow[] = [];
  lines.forEach((line, i) => {
    if (near(i)) rows.push({ kind: 'line', ...line });
    else if (rows.at(-1)?.kind === 'gap') (rows.at(-1) as { lines: number }).lines++;
    else rows.push({ kind: 'gap', lines: 1 });
  });
  return rows;
}

/** The index of the first line of `text` that is not in `base` (0 when there is none). */
export function firstChangedLine(text: string, base: string | null): number {
  const index = sideLines(text, base).findIndex((l) => l.changed);
  return Math.max(0, index);
}

/** Both sides of every conflicting block, ours first; the text as it is when there are none. */
export function firstMerge(current: string | null, ours: string | null): string {
  if (current === null) return ours ?? '';
  const split = splitLines(current);
  if (!hasConflictMarkers(split.lines)) return current;
  return joinLines(resolveMarkers(split.lines, 'both'), split.eol, split.finalNewline);
}
