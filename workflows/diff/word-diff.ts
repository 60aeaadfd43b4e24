// A word-level diff of two short texts (a requirement's statement, a scenario's steps), for the
// Review view to show what changed inside a requirement. Words and the spaces between them are
// aligned with the same longest-common-subsequence diff the three-way merge uses.
import { alignLines } from '../merge/line-diff.ts';

export interface DiffSegment {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words, runs of spaces and single punctuation marks, so "fast." and "fast," share "fast". */
function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-]/gu) ?? [];
}

export function wordDiff(before: string, after: string): DiffSegment[] {
  const a = tokens(before);
  const b = tokens(after);
  const matches = alignLines(a, b);
  const ops: DiffSegment[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const m = matches[i] as number;
    if (m < 0) {
      ops.push({ kind: 'removed', text: a[i] as string });
      continue;
    }
    while (j < m) ops.push({ kind: 'added', text: b[j++] as string });
    ops.push({ kind: 'same', text: a[i] as string });
    j++;
  }
  while (j < b.length) ops.push({ kind: 'added', text: b[j++] as string });
  return group(ops);
}

/**
 * Each run of changes as one removal then one addition. A space matched between two changed
 * words belongs to the run: "[-fast and-] [+within 2 s+]" reads better than words split apart.
 */
function group(ops: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let i = 0;
  while (i < ops.length) {
    const op = ops[i] as DiffSegment;
    if (op.kind === 'same') {
      const last = out[out.length - 1];
      if (last?.kind === 'same') last.text += op.text;
      else out.push({ ...op });
      i++;
      continue;
    }
    let removed = '';
    let added = '';
    for (; i < ops.length; i++) {
      const x = ops[i] as DiffSegment;
      const next = ops[i + 1];
      if (x.kind === 'removed') removed += x.text;
      else if (x.kind === 'added') added += x.text;
      else if (/^\s+$/.test(x.text) && next && next.kind !== 'same') {
        removed += x.text;
        added += x.text;
      } else break;
    }
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
  }
  return out;
}
