// Longest common subsequence of two line lists (Myers' O(ND) algorithm), used by the
// three-way merge. Common prefix and suffix are matched first; when the middle differs by more
// than MAX_EDIT_DISTANCE lines the middle is treated as replaced wholesale: the result is still
// a valid (if not minimal) alignment, so a merge stays correct and merely reports more conflict.

/** `matches[i]` is the index in `b` matched to `a[i]`, or -1. Matches are strictly increasing. */
export type Alignment = Int32Array;

export const MAX_EDIT_DISTANCE = 2000;

export function alignLines(
  a: readonly string[],
  b: readonly string[],
  maxEdits = MAX_EDIT_DISTANCE,
): Alignment {
  const matches = new Int32Array(a.length).fill(-1);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    matches[start] = start;
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
    matches[endA] = endB;
  }
  if (endA > start && endB > start) {
    myersMiddle(a, b, start, endA, start, endB, matches, maxEdits);
  }
  return matches;
}

/** Interns lines as integers so the inner loop compares numbers. */
function intern(
  a: readonly string[],
  b: readonly string[],
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const id = (line: string) => {
    let v = ids.get(line);
    if (v === undefined) {
      v = ids.size;
      ids.set(line, v);
    }
    return v;
  };
  const x = new Int32Array(a1 - a0);
  const y = new Int32Array(b1 - b0);
  for (let i = a0; i < a1; i++) x[i - a0] = id(a[i] as string);
  for (let j = b0; j < b1; j++) y[j - b0] = id(b[j] as string);
  return [x, y];
}

function myersMiddle(
  a: readonly string[],
  b: readonly string[],
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  matches: Int32Array,
  maxEdits: number,
): void {
  const [x, y] = intern(a, b, a0, a1, b0, b1);
  const n = x.length;
  const m = y.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    // V as it stood before step d, for k in [-d-1, d+1]: all that the walk back reads.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let px: number;
      if (k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))) {
        px = v[offset + k + 1] as number;
      } else {
        px = (v[offset + k - 1] as number) + 1;
      }
      let py = px - k;
      while (px < n && py < m && x[px] === y[py]) {
        px++;
        py++;
      }
      v[offset + k] = px;
      if (px >= n && py >= m) {
        found = d;
        break outer;
      }
    }
  }
  if (found < 0) return; // too different: leave the middle unmatched
  // Walk the trace back from (n, m) to (0, 0), recording diagonal moves as matches.
  let px = n;
  let py = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d] as Int32Array;
    const at = (k: number) => prev[k + d + 1] as number;
    const k = px - py;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (px > prevX && py > prevY && px - 1 >= 0 && py - 1 >= 0 && x[px - 1] === y[py - 1]) {
      px--;
      py--;
      matches[a0 + px] = b0 + py;
    }
    px = prevX;
    py = prevY;
  }
  while (px > 0 && py > 0) {
    px--;
    py--;
    matches[a0 + px] = b0 + py;
  }
}
