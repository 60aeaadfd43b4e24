import type { Heading, RootContent } from 'mdast';

export interface OutlineEntry {
  heading: Heading;
  /** Index of the heading in the root's children. */
  index: number;
  /** Index just past the section: the next heading of the same or a higher level, or the end. */
  end: number;
}

/** The top-level headings of a document with the extent of each one's section. */
export function outline(children: readonly RootContent[]): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const open: OutlineEntry[] = [];
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    while (open.length > 0 && (open[open.length - 1] as OutlineEntry).heading.depth >= node.depth) {
      (open.pop() as OutlineEntry).end = index;
    }
    const entry = { heading: node, index, end: children.length };
    entries.push(entry);
    open.push(entry);
  });
  return entries;
}

/** The entries nested directly or deeper inside `parent` (`entries` as outline returns them). */
export function within(entries: readonly OutlineEntry[], parent: OutlineEntry): OutlineEntry[] {
  // Entries come in document order, so the nested ones are one run: find its two ends.
  return entries.slice(firstFrom(entries, parent.index + 1), firstFrom(entries, parent.end));
}

/** The position of the first entry whose index is at least `index`. */
function firstFrom(entries: readonly OutlineEntry[], index: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((entries[mid] as OutlineEntry).index < index) low = mid + 1;
    else high = mid;
  }
  return low;
}
