// Which specs cover a path. Every glob is compiled once and filed under its static base folder
// (`src/review/**` under `src/review`), so a path is tested only against the globs of the
// folders it sits in: thousands of specs cost a few lookups per path, not thousands of tests.
import picomatch from 'picomatch';

interface CompiledGlob {
  spec: number;
  test: (path: string) => boolean;
}

export class CoversIndex {
  private readonly byBase = new Map<string, CompiledGlob[]>();
  private readonly memo = new Map<string, readonly number[]>();

  /** `covers[i]` are the globs of spec i (relative to the workspace root). */
  constructor(covers: readonly (readonly string[])[]) {
    covers.forEach((globs, spec) => {
      const exclusions = globs
        .filter((g) => g.startsWith('!'))
        .map((g) => picomatch(g.slice(1), { dot: true }));
      for (const raw of globs) {
        const glob = raw.replace(/^\.\//, '').replace(/\/$/, '/**');
        const negated = glob.startsWith('!');
        if (negated) continue; // exclusions are applied below, per spec
        const scan = picomatch.scan(glob);
        const base = scan.isGlob ? scan.base : glob;
        // `dir/**` and plain paths, by far the most common, need no compiled matcher.
        const plainPrefix = /^[^*?[\]{}()!+@]+\/\*\*$/.test(glob) ? glob.slice(0, -2) : null;
        const matcher = plainPrefix
          ? (path: string) => path.startsWith(plainPrefix)
          : scan.isGlob
            ? picomatch(glob, { dot: true })
            : (path: string) => path === glob;
        const test =
          exclusions.length === 0
            ? matcher
            : (path: string) => matcher(path) && !exclusions.some((x) => x(path));
        const list = this.byBase.get(base) ?? [];
        list.push({ spec, test });
        this.byBase.set(base, list);
      }
    });
  }

  /** Indexes of the specs whose covers match `path` (sorted, no duplicates). */
  specsFor(path: string): readonly number[] {
    const hit = this.memo.get(path);
    if (hit) return hit;
    const found = new Set<number>();
    const check = (base: string) => {
      for (const g of this.byBase.get(base) ?? [])
        if (!found.has(g.spec) && g.test(path)) found.add(g.spec);
    };
    check('');
    check(path);
    let slash = path.indexOf('/');
    while (slash >= 0) {
      check(path.slice(0, slash));
      slash = path.indexOf('/', slash + 1);
    }
    const result = [...found].sort((a, b) => a - b);
    this.memo.set(path, result);
    return result;
  }
}
