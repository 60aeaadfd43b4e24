// Three-way merge of line lists (the diff3 algorithm of Khanna, Kunal and Pierce, as git and
// GNU diff3 use it). Regions where base, ours and theirs agree are stable; between them, a
// region changed on one side takes that side, the same change on both sides is taken once, and
// different changes on both sides are a conflict that keeps both sides whole.
import { alignLines } from './line-diff.ts';
import { sameLines } from './lines.ts';

export type MergeChunk =
  | { kind: 'ok'; lines: string[] }
  | { kind: 'conflict'; base: string[]; ours: string[]; theirs: string[] };

export function diff3(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
): MergeChunk[] {
  const toOurs = alignLines(base, ours);
  const toTheirs = alignLines(base, theirs);
  const chunks: MergeChunk[] = [];
  const ok = (lines: readonly string[]) => {
    if (lines.length === 0) return;
    const last = chunks[chunks.length - 1];
    if (last?.kind === 'ok') last.lines.push(...lines);
    else chunks.push({ kind: 'ok', lines: [...lines] });
  };
  let o = 0;
  let a = 0;
  let b = 0;
  for (;;) {
    if (o < base.length && toOurs[o] === a && toTheirs[o] === b) {
      ok([base[o] as string]);
      o++;
      a++;
      b++;
      continue;
    }
    // The next base line both sides kept ends this unstable region.
    let next = o;
    while (next < base.length && ((toOurs[next] as number) < 0 || (toTheirs[next] as number) < 0))
      next++;
    const aEnd = next < base.length ? (toOurs[next] as number) : ours.length;
    const bEnd = next < base.length ? (toTheirs[next] as number) : theirs.length;
    const baseSide = base.slice(o, next);
    const oursSide = ours.slice(a, aEnd);
    const theirsSide = theirs.slice(b, bEnd);
    if (sameLines(oursSide, baseSide)) ok(theirsSide);
    else if (sameLines(theirsSide, baseSide)) ok(oursSide);
    else if (sameLines(oursSide, theirsSide)) ok(oursSide);
    else pushConflict(chunks, ok, baseSide, oursSide, theirsSide);
    o = next;
    a = aEnd;
    b = bEnd;
    if (o >= base.length && a >= ours.length && b >= theirs.length) break;
  }
  return chunks;
}

/** Lines both sides share at the start or end of a conflict are not in conflict: take them once. */
function pushConflict(
  chunks: MergeChunk[],
  ok: (lines: readonly string[]) => void,
  base: string[],
  ours: string[],
  theirs: string[],
): void {
  let head = 0;
  while (head < ours.length && head < theirs.length && ours[head] === theirs[head]) head++;
  let tail = 0;
  while (
    tail < ours.length - head &&
    tail < theirs.length - head &&
    ours[ours.length - 1 - tail] === theirs[theirs.length - 1 - tail]
  )
    tail++;
  ok(ours.slice(0, head));
  const oursMid = ours.slice(head, ours.length - tail);
  const theirsMid = theirs.slice(head, theirs.length - tail);
  if (oursMid.length === 0 && theirsMid.length === 0) {
    // Unreachable in practice (equal sides are merged above), but harmless.
  } else {
    chunks.push({ kind: 'conflict', base, ours: oursMid, theirs: theirsMid });
  }
  ok(ours.slice(ours.length - tail));
}

export function isClean(chunks: readonly MergeChunk[]): boolean {
  return chunks.every((c) => c.kind === 'ok');
}
