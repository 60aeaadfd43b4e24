// Three-way merge of YAML frontmatter by top-level key. Each key's block (its line and the
// indented or list lines under it) is merged on its own: a key changed on one side takes that
// side; when both sides changed a list (`owners`, `covers`, `links`, …) the items are merged as
// a set (additions from both, removals from both); other keys changed differently on both
// sides are a conflict that keeps both blocks. Text is never re-serialised except a merged
// list, written in our side's style.
import { diff3, type MergeChunk } from './diff3.ts';
import { sameLines } from './lines.ts';

interface KeyBlock {
  key: string;
  lines: string[];
}

const KEY_LINE = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"-][^:]*?))\s*:(?:\s|$)/;

/** Splits frontmatter lines into top-level key blocks; lines before the first key form key ''. */
export function keyBlocks(lines: readonly string[]): KeyBlock[] {
  const blocks: KeyBlock[] = [];
  let current: KeyBlock = { key: '', lines: [] };
  for (const line of lines) {
    const match = line.startsWith(' ') || line.startsWith('\t') ? null : KEY_LINE.exec(line);
    if (match) {
      if (current.key !== '' || current.lines.length > 0) blocks.push(current);
      current = { key: (match[1] ?? match[2] ?? match[3] ?? '').trim(), lines: [line] };
    } else {
      current.lines.push(line);
    }
  }
  if (current.key !== '' || current.lines.length > 0) blocks.push(current);
  // A key written twice (YAML forbids it, but a person may) stays two blocks: `key`, `key#2`.
  const seen = new Map<string, number>();
  for (const block of blocks) {
    const n = (seen.get(block.key) ?? 0) + 1;
    seen.set(block.key, n);
    if (n > 1) block.key = `${block.key}#${n}`;
  }
  return blocks;
}

interface ListValue {
  style: 'block' | 'flow';
  items: string[];
  /** For block lists: the prefix before each item (`  - `). */
  itemPrefix: string;
  head: string;
}

const FLOW = /^([^:]+:\s*)\[(.*)\]\s*$/;
const BLOCK_ITEM = /^(\s*-\s+)(.*?)\s*$/;

/** Reads a block as a list of scalar items, or null when it is anything else. */
export function readList(block: readonly string[]): ListValue | null {
  const head = block[0];
  if (head === undefined) return null;
  const flow = FLOW.exec(head);
  if (flow && block.slice(1).every((l) => l.trim() === '')) {
    const inner = (flow[2] ?? '').trim();
    if (/[[\]{}]/.test(inner)) return null;
    const items = inner === '' ? [] : inner.split(',').map((s) => s.trim());
    return { style: 'flow', items, itemPrefix: '', head: flow[1] ?? '' };
  }
  if (!/:\s*$/.test(head)) return null;
  const items: string[] = [];
  let itemPrefix = '';
  for (const line of block.slice(1)) {
    // A blank line or comment inside the list is kept only by a line merge.
    const item = BLOCK_ITEM.exec(line);
    if (!item) return null;
    if (/^[[{]/.test(item[2] ?? '') || /^\S+:\s/.test(item[2] ?? '')) return null;
    itemPrefix ||= item[1] ?? '';
    items.push(item[2] ?? '');
  }
  return { style: 'block', items, itemPrefix: itemPrefix || '  - ', head };
}

function mergeItems(base: string[], ours: string[], theirs: string[]): string[] {
  const baseSet = new Set(base);
  const oursSet = new Set(ours);
  const theirsSet = new Set(theirs);
  const result = ours.filter((item) => !(baseSet.has(item) && !theirsSet.has(item)));
  for (const item of theirs) {
    if (!baseSet.has(item) && !oursSet.has(item) && !result.includes(item)) result.push(item);
  }
  return result;
}

function renderList(shape: ListValue, items: string[]): string[] {
  if (shape.style === 'flow') return [`${shape.head}[${items.join(', ')}]`];
  return [shape.head, ...items.map((item) => shape.itemPrefix + item)];
}

/** Merges one key's block when both sides changed it. */
function mergeBlock(base: string[], ours: string[], theirs: string[]): MergeChunk[] {
  const lists = [readList(base), readList(ours), readList(theirs)];
  const [b, o, t] = lists;
  if (o && t && (b || base.length === 0)) {
    return [{ kind: 'ok', lines: renderList(o, mergeItems(b?.items ?? [], o.items, t.items)) }];
  }
  return diff3(base, ours, theirs);
}

/** Merges frontmatter lines; returns chunks (conflicts keep both sides of a key's block). */
export function mergeFrontmatter(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
): MergeChunk[] {
  const baseBlocks = new Map(keyBlocks(base).map((b) => [b.key, b.lines]));
  const oursBlocks = keyBlocks(ours);
  const theirsBlocks = keyBlocks(theirs);
  const oursMap = new Map(oursBlocks.map((b) => [b.key, b.lines]));
  const theirsMap = new Map(theirsBlocks.map((b) => [b.key, b.lines]));
  const order = interleave(
    oursBlocks.map((b) => b.key),
    theirsBlocks.map((b) => b.key),
    (key) => placeTheirs(baseBlocks.get(key), theirsMap.get(key)),
    (key) => !baseBlocks.has(key),
  );
  const chunks: MergeChunk[] = [];
  for (const key of order) {
    const b = baseBlocks.get(key) ?? null;
    const o = oursMap.get(key) ?? null;
    const t = theirsMap.get(key) ?? null;
    chunks.push(...mergePresence(b, o, t, mergeBlock));
  }
  return chunks;
}

/** Whether an item only the other side has must appear: it added it, or changed what we deleted. */
export function placeTheirs(base: string[] | undefined, theirs: string[] | undefined): boolean {
  return theirs !== undefined && (base === undefined || !sameLines(base, theirs));
}

/**
 * Three-way merge of an item that each side may have, may have changed or may have deleted.
 * A deletion on one side and a change on the other is a conflict that keeps the changed text.
 */
export function mergePresence(
  base: string[] | null,
  ours: string[] | null,
  theirs: string[] | null,
  both: (base: string[], ours: string[], theirs: string[]) => MergeChunk[],
): MergeChunk[] {
  const eq = (x: string[] | null, y: string[] | null) =>
    x === null || y === null ? x === y : sameLines(x, y);
  if (eq(ours, theirs)) return ours ? [{ kind: 'ok', lines: ours }] : [];
  if (eq(base, ours)) return theirs ? [{ kind: 'ok', lines: theirs }] : [];
  if (eq(base, theirs)) return ours ? [{ kind: 'ok', lines: ours }] : [];
  if (ours && theirs) return both(base ?? [], ours, theirs);
  // Deleted on one side, changed on the other: keep the change, as a conflict.
  return [{ kind: 'conflict', base: base ?? [], ours: ours ?? [], theirs: theirs ?? [] }];
}

/**
 * Our order of keys, with keys only the other side has (and `place` accepts) placed after the
 * key that precedes them on that side (or first, when nothing does), and after any keys we
 * added (`ownAdded`) right behind that key: ours first, then theirs.
 */
export function interleave(
  ours: readonly string[],
  theirs: readonly string[],
  place: (key: string) => boolean,
  ownAdded: (key: string) => boolean,
): string[] {
  const result = [...ours];
  const theirsSet = new Set(theirs);
  let anchor = -1;
  for (const key of theirs) {
    const found = result.indexOf(key);
    if (found >= 0) {
      anchor = found;
      continue;
    }
    if (!place(key)) continue;
    // After the anchor, and after whatever we added right there ourselves.
    let at = anchor + 1;
    while (
      at < result.length &&
      !theirsSet.has(result[at] as string) &&
      ownAdded(result[at] as string)
    )
      at++;
    result.splice(at, 0, key);
    anchor = at;
  }
  return result;
}
