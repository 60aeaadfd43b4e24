// A proposed change as a unified diff (`---`/`+++`, `@@` hunks with 3 lines of context): what a
// reviewer reads before accepting it, in the CLI and in the UI.
import { alignLines } from '../merge/line-diff.ts';
import { splitLines } from '../merge/lines.ts';

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

const CONTEXT = 3;

export function unifiedDiff(path: string, before: string | null, after: string): string {
  const a = splitLines(before ?? '').lines;
  const b = splitLines(after).lines;
  const matches = alignLines(a, b);
  const ops: Op[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const m = matches[i]!;
    if (m < 0) {
      ops.push({ kind: '-', line: a[i]!, a: i, b: j });
      continue;
    }
    while (j < m) ops.push({ kind: '+', line: b[j]!, a: i, b: j++ });
    ops.push({ kind: ' ', line: a[i]!, a: i, b: j++ });
  }
  while (j < b.length) ops.push({ kind: '+', line: b[j]!, a: a.length, b: j++ });
  const header = [`--- ${before === null ? '/dev/null' : `a/${path}`}`, `+++ b/${path}`];
  const hunks: string[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') {
      k++;
      continue;
    }
    const start = Math.max(0, k - CONTEXT);
    let end = k;
    // Extend while the next change is within two contexts' reach.
    for (let look = k; look < ops.length; look++) {
      if (ops[look]!.kind !== ' ') end = look;
      else if (look - end > CONTEXT * 2) break;
    }
    const stop = Math.min(ops.length, end + CONTEXT + 1);
    const slice = ops.slice(start, stop);
    const aLines = slice.filter((o) => o.kind !== '+').length;
    const bLines = slice.filter((o) => o.kind !== '-').length;
    const aStart = aLines === 0 ? slice[0]!.a : slice[0]!.a + 1;
    const bStart = bLines === 0 ? slice[0]!.b : slice[0]!.b + 1;
    hunks.push(`@@ -${aStart},${aLines} +${bStart},${bLines} @@`);
    for (const o of slice) hunks.push(o.kind + o.line);
    k = stop;
  }
  return [...header, ...hunks].join('\n');
}
