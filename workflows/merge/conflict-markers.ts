// Conflict markers in the form git writes them, so any editor or tool recognises them:
//   <<<<<<< ours-label
//   …our lines…
//   =======
//   …their lines…
//   >>>>>>> theirs-label
// A conflict keeps both sides whole; resolving with 'both' keeps every line of each.
import type { MergeChunk } from './diff3.ts';

export const MARKER_OURS = '<<<<<<<';
export const MARKER_SPLIT = '=======';
export const MARKER_THEIRS = '>>>>>>>';

export interface ConflictLabels {
  ours: string;
  theirs: string;
}

export function renderChunks(chunks: readonly MergeChunk[], labels: ConflictLabels): string[] {
  const out: string[] = [];
  for (const chunk of chunks) {
    if (chunk.kind === 'ok') out.push(...chunk.lines);
    else
      out.push(
        `${MARKER_OURS} ${labels.ours}`,
        ...chunk.ours,
        MARKER_SPLIT,
        ...chunk.theirs,
        `${MARKER_THEIRS} ${labels.theirs}`,
      );
  }
  return out;
}

const isOpen = (line: string) => line === MARKER_OURS || line.startsWith(MARKER_OURS + ' ');
const isClose = (line: string) => line === MARKER_THEIRS || line.startsWith(MARKER_THEIRS + ' ');

/** Whether the lines hold a complete conflict block (open, split and close markers in order). */
export function hasConflictMarkers(lines: readonly string[]): boolean {
  let state = 0;
  for (const line of lines) {
    if (state === 0 && isOpen(line)) state = 1;
    else if (state === 1 && line === MARKER_SPLIT) state = 2;
    else if (state === 2 && isClose(line)) return true;
  }
  return false;
}

export type MarkerChoice = 'ours' | 'theirs' | 'both';

/**
 * Replaces every complete conflict block with our lines, their lines, or ours then theirs.
 * Text outside blocks, and any incomplete block, is kept as it is.
 */
export function resolveMarkers(lines: readonly string[], choice: MarkerChoice): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (!isOpen(line)) {
      out.push(line);
      i++;
      continue;
    }
    let split = -1;
    let close = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j] as string;
      if (split < 0 && l === MARKER_SPLIT) split = j;
      else if (split >= 0 && isClose(l)) {
        close = j;
        break;
      } else if (isOpen(l)) break;
    }
    if (split < 0 || close < 0) {
      out.push(line);
      i++;
      continue;
    }
    const ours = lines.slice(i + 1, split);
    const theirs = lines.slice(split + 1, close);
    if (choice !== 'theirs') out.push(...ours);
    if (choice !== 'ours') out.push(...theirs);
    i = close + 1;
  }
  return out;
}
