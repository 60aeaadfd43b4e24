// The commit graph drift reasons over: commits reachable from HEAD in a topological order
// (every parent before its children), and ancestry questions answered by one backward scan.

export interface HistoryCommit {
  oid: string;
  parents: string[];
  /** "Name <email>". */
  author: string;
  /** Author time, seconds since the epoch. */
  time: number;
  summary: string;
}

export interface FileChange {
  /** Index into the commit list. */
  commit: number;
  path: string;
  status: 'A' | 'M' | 'D';
}

export class HistoryGraph {
  readonly commits: readonly HistoryCommit[];
  readonly index = new Map<string, number>();
  private readonly parentStart: Int32Array;
  private readonly parentList: Int32Array;
  private readonly mark: Int32Array;
  /**
   * `chainStart[i]`: the lowest j such that every commit in (j, i] has exactly one parent,
   * the commit just before it. Within such a stretch ancestry needs no scan.
   */
  private readonly chainStart: Int32Array;
  private stamp = 0;

  /** `commits` must list parents before children; parents outside the list are ignored. */
  constructor(commits: readonly HistoryCommit[]) {
    this.commits = commits;
    commits.forEach((c, i) => this.index.set(c.oid, i));
    this.parentStart = new Int32Array(commits.length + 1);
    const list: number[] = [];
    commits.forEach((c, i) => {
      this.parentStart[i] = list.length;
      for (const p of c.parents) {
        const j = this.index.get(p);
        if (j === undefined) continue;
        if (j >= i) throw new Error(`commits are not in topological order at ${c.oid}`);
        list.push(j);
      }
    });
    this.parentStart[commits.length] = list.length;
    this.parentList = Int32Array.from(list);
    this.mark = new Int32Array(commits.length);
    this.chainStart = new Int32Array(commits.length);
    for (let i = 0; i < commits.length; i++) {
      const start = this.parentStart[i] as number;
      const linear =
        (this.parentStart[i + 1] as number) - start === 1 && this.parentList[start] === i - 1;
      this.chainStart[i] = linear ? (this.chainStart[i - 1] as number) : i;
    }
  }

  /** True when `a` is certainly an ancestor of (or is) `b` without a scan; false: unknown. */
  knownAncestor(a: number, b: number): boolean {
    return a <= b && a >= (this.chainStart[b] as number);
  }

  get size(): number {
    return this.commits.length;
  }

  /**
   * Marks the ancestors (and selves) of `sources` down to index `floor`; returns a test that
   * answers "is i marked?" for i >= floor, valid until the next call.
   */
  ancestors(sources: readonly number[], floor = 0): (i: number) => boolean {
    const stamp = ++this.stamp;
    const mark = this.mark;
    let top = -1;
    for (const s of sources) {
      mark[s] = stamp;
      if (s > top) top = s;
    }
    for (let i = top; i >= floor; i--) {
      if (mark[i] !== stamp) continue;
      for (let k = this.parentStart[i] as number; k < (this.parentStart[i + 1] as number); k++) {
        mark[this.parentList[k] as number] = stamp;
      }
    }
    return (i: number) => mark[i] === stamp;
  }
}
