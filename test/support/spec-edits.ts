// Random specs and random edits to them, for merge tests (unit properties and the concurrent
// edit scenarios against a real git server). Seeded: the same seed gives the same edits.
// Lines are unique words strung together, so "every line kept" checks mean something.

export type Random = () => number;

/** mulberry32: a small, fast, seedable generator. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'note cache comment outbox sync reviewer author version offline online device flight queue order label retry backoff sign-out snapshot thread draft'.split(
    ' ',
  );

export function pick<T>(rnd: Random, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

let counter = 0;
/** A line nobody else will write. */
export function freshLine(rnd: Random, tag: string): string {
  counter++;
  const words = Array.from({ length: 3 + Math.floor(rnd() * 5) }, () => pick(rnd, WORDS));
  return `The system shall ${words.join(' ')} (${tag}-${counter}-${Math.floor(rnd() * 1e9).toString(36)}).`;
}

export function reqId(rnd: Random): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return 'REQ-' + Array.from({ length: 6 }, () => pick(rnd, [...alphabet])).join('');
}

export function randomSpec(rnd: Random, tag = 'base'): string {
  const lines = [
    '---',
    `id: SPEC-${tag}`,
    `title: Spec ${tag}`,
    'type: requirements',
    'status: draft',
    'owners:',
    '  - maya',
    '  - ravi',
    'covers:',
    '  - src/review/**',
    '---',
    '',
    `# Spec ${tag}`,
    '',
    '## Requirements',
    '',
  ];
  const n = 2 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) lines.push(...requirementSection(rnd, tag));
  return lines.join('\n') + '\n';
}

export function requirementSection(rnd: Random, tag: string): string[] {
  const lines = [`### ${reqId(rnd)}: ${pick(rnd, WORDS)} ${pick(rnd, WORDS)}`, ''];
  const body = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < body; i++) lines.push(freshLine(rnd, tag));
  lines.push('');
  if (rnd() < 0.6) {
    lines.push(`#### Scenario: ${pick(rnd, WORDS)}`, '', `- WHEN ${freshLine(rnd, tag)}`);
    lines.push(`- THEN ${freshLine(rnd, tag)}`, '');
  }
  return lines;
}

/** One random edit: insert, delete or change body lines, add or drop a section, edit lists. */
export function randomEdit(rnd: Random, text: string, tag: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const fmEnd = lines.indexOf('---', 1);
  const bodyStart = fmEnd + 1;
  const at = () => bodyStart + Math.floor(rnd() * (lines.length - bodyStart + 1));
  const roll = rnd();
  if (roll < 0.25) {
    lines.splice(at(), 0, freshLine(rnd, tag));
  } else if (roll < 0.4 && lines.length - bodyStart > 3) {
    lines.splice(Math.min(at(), lines.length - 1), 1);
  } else if (roll < 0.6 && lines.length - bodyStart > 1) {
    const i = Math.min(at(), lines.length - 1);
    if (i >= bodyStart) lines[i] = freshLine(rnd, tag);
  } else if (roll < 0.75) {
    // A new requirement at a heading boundary (or at the end).
    const headings = lines
      .map((l, i) => (l.startsWith('### ') ? i : -1))
      .filter((i) => i >= 0)
      .concat([lines.length]);
    lines.splice(pick(rnd, headings), 0, ...requirementSection(rnd, tag));
  } else if (roll < 0.8) {
    const list = rnd() < 0.5 ? 'owners:' : 'covers:';
    const i = lines.indexOf(list);
    if (i >= 0 && i < fmEnd) lines.splice(i + 1, 0, `  - ${tag}-${Math.floor(rnd() * 1e6)}`);
  } else if (roll < 0.85) {
    const items = lines
      .map((l, i) => (i < fmEnd && l.startsWith('  - ') ? i : -1))
      .filter((i) => i >= 0);
    if (items.length > 1) lines.splice(pick(rnd, items), 1);
  } else if (roll < 0.88) {
    // Rename a heading (a requirement keeps its ID; other headings change wholly).
    const headings = lines
      .map((l, i) => (/^#{1,4} /.test(l) && i > fmEnd ? i : -1))
      .filter((i) => i >= 0);
    if (headings.length > 0) {
      const i = pick(rnd, headings);
      const line = lines[i] as string;
      const id = /^(#+ REQ-[0-9A-Z]+:)/.exec(line);
      lines[i] = id
        ? `${id[1]} ${pick(rnd, WORDS)} ${tag}`
        : `${line.replace(/ .*/, '')} ${pick(rnd, WORDS)} ${tag}`;
    }
  } else {
    const i = lines.findIndex((l) => l.startsWith('status:'));
    if (i >= 0 && i < fmEnd)
      lines[i] = `status: ${pick(rnd, ['review', 'approved', 'draft'])}-${tag}`;
  }
  return lines.join('\n') + '\n';
}

function counts(lines: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of lines) map.set(line, (map.get(line) ?? 0) + 1);
  return map;
}

/**
 * Lines a merge lost: a line added by ours or theirs (more copies than in base) that the result
 * has fewer copies of. Lines a side deliberately deleted are not counted.
 */
export function lostLines(base: string, ours: string, theirs: string, result: string): string[] {
  const split = (t: string) => t.split(/\r?\n/);
  const b = counts(split(base));
  const r = counts(split(result));
  const lost: string[] = [];
  for (const side of [ours, theirs]) {
    for (const [line, n] of counts(split(side))) {
      if (line === '') continue;
      const added = n - (b.get(line) ?? 0);
      if (added > 0 && (r.get(line) ?? 0) < added) lost.push(line);
    }
  }
  return lost;
}
